package org.terrawatch.cycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.notify.Reminder;
import org.terrawatch.monitoring.notify.Reminders;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.store.SpatialStore;

/**
 * Each morning: patches pre-checked and left unpushed for more than {@link #WAIT} (article 13: pushed after the
 * pre-check) — one reminder to the satellite centre with their codes. A morning missed is covered by the next.
 */
public final class PushReminders implements JobWork {

    static final Duration WAIT = Duration.ofDays(2);

    private final SpatialStore store;
    private final String satelliteCentre;
    private final Reminders reminders;

    public PushReminders(SpatialStore store, String satelliteCentre, Reminders reminders) {
        this.store = Objects.requireNonNull(store, "store");
        this.satelliteCentre = satelliteCentre;
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public String kind() {
        return CycleJobs.PUSH_DUE;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        LocalDate today = now.atZone(Deadlines.CHINA).toLocalDate();
        if (LocalDate.parse(job.subject()).isBefore(today)) {
            return new Done(Outcomes.of("day", job.subject(), "skipped", "a later morning's reminder covers it"), () -> { });
        }
        List<String> waiting = new PatchRepository(store).query(PatchQuery.all().inStatuses(Set.of(PatchStatus.PRE_CHECKED))).stream()
                .filter(p -> p.updatedAt().isBefore(now.minus(WAIT))).map(ChangePatch::code).toList();
        if (waiting.isEmpty()) {
            return new Done(Outcomes.of("day", today.toString(), "waiting", 0), () -> { });
        }
        return new Done(Outcomes.of("day", today.toString(), "waiting", waiting.size()), () -> reminders.remind(new Reminder(kind(),
                job.key(), satelliteCentre, "已初核未推送图斑 " + waiting.size() + " 个：" + String.join("、", waiting.subList(0,
                Math.min(10, waiting.size()))) + (waiting.size() > 10 ? " 等" : ""), Map.of("day", today.toString(), "patches", waiting),
                job.id(), now)));
    }
}
