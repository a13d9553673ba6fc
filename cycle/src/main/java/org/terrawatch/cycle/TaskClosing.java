package org.terrawatch.cycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.store.SpatialStore;

/**
 * Closes a task on the calendar once its verification month is over (planned the day after its extraction deadline plus
 * a month): {@link MonthClose} hands its verified changes on to the working base map. A task closed by hand before is
 * left as it is.
 */
public final class TaskClosing implements JobWork {

    private static final Set<TaskState> OPEN = Set.of(TaskState.PRE_CHECKING, TaskState.PUSHED, TaskState.VERIFYING);

    private final SpatialStore store;
    private final MonthClose close;

    public TaskClosing(SpatialStore store, MonthClose close) {
        this.store = Objects.requireNonNull(store, "store");
        this.close = Objects.requireNonNull(close, "close");
    }

    @Override
    public String kind() {
        return CycleJobs.MONTH_CLOSE;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        MonitoringTask task = new MonitoringTaskRepository(store).findByCode(job.subject()).orElse(null);
        if (task == null || !OPEN.contains(task.state())) {
            return new Done(Outcomes.of("task", job.subject(), "closed", false), () -> { });
        }
        return new Done(Outcomes.of("task", task.code(), "closed", true), () -> close.close(task, "system", now));
    }
}
