package org.terrawatch.cycle;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.function.Supplier;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.monitoring.task.MonitoringPeriod;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.store.SpatialStore;

/**
 * Creates the monthly task at month end and the quarterly task at quarter end (unless one of that code is there, made
 * by hand), its extraction due by the 10th of the following month, moved off holidays.
 */
public final class TaskCreation implements JobWork {

    private final String kind;
    private final SpatialStore store;
    private final Supplier<Deadlines> deadlines;
    private final ChangeEvents events;

    /** @param kind {@link CycleJobs#MONTHLY_TASK} or {@link CycleJobs#QUARTERLY_TASK} */
    public TaskCreation(String kind, SpatialStore store, Supplier<Deadlines> deadlines, ChangeEvents events) {
        if (!kind.equals(CycleJobs.MONTHLY_TASK) && !kind.equals(CycleJobs.QUARTERLY_TASK)) {
            throw new IllegalArgumentException("Not a task job: " + kind);
        }
        this.kind = kind;
        this.store = Objects.requireNonNull(store, "store");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        MonitoringPeriod period = period(job.subject());
        MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
        if (tasks.findByCode(period.code()).isPresent()) {
            return new Done(Outcomes.of("task", period.code(), "created", false), () -> { });
        }
        return new Done(Outcomes.of("task", period.code(), "created", true), () -> {
            MonitoringTask task = tasks.plan(period, deadlines.get().extractionDue(period.afterMonth()), now);
            events.publishAfterCommit(new ChangeEvent("TASK", task.id(), task.code(), "CREATE", "system", Channel.SYSTEM, null, now));
        });
    }

    /** The period of a job's subject: {@code 2026-11} or {@code 2026-Q4}. */
    static MonitoringPeriod period(String subject) {
        if (subject.contains("-Q")) {
            return MonitoringPeriod.quarterly(Integer.parseInt(subject.substring(0, 4)), Integer.parseInt(subject.substring(6)));
        }
        return MonitoringPeriod.monthly(YearMonth.parse(subject));
    }
}
