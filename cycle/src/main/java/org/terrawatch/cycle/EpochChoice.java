package org.terrawatch.cycle;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.task.MonitoringPeriod;

/**
 * The two epochs of a monthly or quarterly task (city rules, article 18): before, the latest imagery acquired in the
 * period's before-month (the previous month; for a quarter, the last month of the previous quarter); after, the latest
 * acquired in its after-month (this month; the quarter's last month). Either may be missing yet.
 */
public record EpochChoice(MonitoringPeriod period, Optional<ImageryEpoch> before, Optional<ImageryEpoch> after) {

    public static EpochChoice of(MonitoringPeriod period, List<ImageryEpoch> epochs) {
        return new EpochChoice(period, latestIn(period.beforeMonth(), epochs), latestIn(period.afterMonth(), epochs));
    }

    private static Optional<ImageryEpoch> latestIn(YearMonth month, List<ImageryEpoch> epochs) {
        return epochs.stream().filter(e -> YearMonth.from(e.acquiredOn()).equals(month))
                .max(Comparator.comparing(ImageryEpoch::acquiredOn).thenComparing(ImageryEpoch::id));
    }

    public boolean complete() {
        return before.isPresent() && after.isPresent();
    }

    /** What is missing, in words (for a waiting job), or null when both are there. */
    public String missing() {
        if (complete()) {
            return null;
        }
        StringBuilder missing = new StringBuilder("Waiting for imagery of ");
        if (before.isEmpty()) {
            missing.append(period.beforeMonth()).append(after.isEmpty() ? " and " : "");
        }
        if (after.isEmpty()) {
            missing.append(period.afterMonth());
        }
        return missing.append(" (article 18)").toString();
    }
}
