package org.terrawatch.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
 * Each morning: the patches pushed to a department and not verified by their deadline (one month after the push, moved
 * off holidays; article 21) — one reminder per department with their codes. A morning missed (the server was down) is
 * not made up for: the next morning's reminder covers it.
 */
public final class VerificationReminders implements JobWork {

    private static final Set<PatchStatus> OPEN = Set.of(PatchStatus.PUSHED, PatchStatus.VERIFYING);

    private final SpatialStore store;
    private final Reminders reminders;

    public VerificationReminders(SpatialStore store, Reminders reminders) {
        this.store = Objects.requireNonNull(store, "store");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public String kind() {
        return CycleJobs.VERIFICATION_OVERDUE;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        LocalDate today = now.atZone(Deadlines.CHINA).toLocalDate();
        if (LocalDate.parse(job.subject()).isBefore(today)) {
            return new Done(Outcomes.of("day", job.subject(), "skipped", "a later morning's reminder covers it"), () -> { });
        }
        Map<String, List<String>> overdue = new PatchRepository(store).query(PatchQuery.all().inStatuses(OPEN)).stream()
                .filter(p -> p.verificationDue() != null && p.verificationDue().isBefore(today) && p.responsibleDepartment() != null)
                .collect(Collectors.groupingBy(ChangePatch::responsibleDepartment, TreeMap::new,
                        Collectors.mapping(ChangePatch::code, Collectors.toList())));
        return new Done(Outcomes.of("day", today.toString(), "overdue", overdue), () -> overdue.forEach((department, codes) ->
                reminders.remind(new Reminder(kind(), job.key() + ":" + department, department, "卫片图斑核查逾期 " + codes.size() + " 个："
                        + String.join("、", codes.subList(0, Math.min(10, codes.size()))) + (codes.size() > 10 ? " 等" : ""),
                        Map.of("day", today.toString(), "patches", codes), job.id(), now))));
    }
}
