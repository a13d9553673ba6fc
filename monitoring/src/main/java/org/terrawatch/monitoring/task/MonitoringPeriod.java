package org.terrawatch.monitoring.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The period a monitoring task covers and the months of its two imagery epochs (city rules, article 18):
 * monthly — before is the previous month, after is this month; quarterly — before is the last month of the
 * previous quarter, after is the last month of this quarter. Instant monitoring covers one day and compares
 * with the latest imagery, so it has no fixed epoch months.
 */
public record MonitoringPeriod(MonitoringKind kind, LocalDate start, LocalDate end, YearMonth beforeMonth, YearMonth afterMonth) {

    public MonitoringPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Period ends before it starts: " + start + " to " + end);
        }
    }

    public static MonitoringPeriod monthly(YearMonth month) {
        return new MonitoringPeriod(MonitoringKind.MONTHLY, month.atDay(1), month.atEndOfMonth(), month.minusMonths(1), month);
    }

    /** The quarter (1 to 4) of a year. */
    public static MonitoringPeriod quarterly(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4: " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        YearMonth last = first.plusMonths(2);
        return new MonitoringPeriod(MonitoringKind.QUARTERLY, first.atDay(1), last.atEndOfMonth(), first.minusMonths(1), last);
    }

    public static MonitoringPeriod instant(LocalDate day) {
        return new MonitoringPeriod(MonitoringKind.INSTANT, day, day, null, null);
    }

    /** The task code: M2026-10, Q2026-3 or I20261103. */
    public String code() {
        return switch (kind) {
            case MONTHLY -> "M" + afterMonth;
            case QUARTERLY -> "Q" + afterMonth.getYear() + "-" + ((afterMonth.getMonthValue() + 2) / 3);
            case INSTANT -> "I" + start.toString().replace("-", "");
        };
    }
}
