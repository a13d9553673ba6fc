package org.terrawatch.cycle;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.notify.Reminder;
import org.terrawatch.monitoring.notify.Reminders;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.store.SpatialStore;

/** Two days before a task's extraction is due (the 10th, article 13): the satellite centre is reminded if it is not done. */
public final class ExtractionReminder implements JobWork {

    private static final Set<TaskState> NOT_EXTRACTED = Set.of(TaskState.PLANNED, TaskState.IMAGERY_READY, TaskState.EXTRACTING);

    private final SpatialStore store;
    private final String satelliteCentre;
    private final Reminders reminders;

    /** @param satelliteCentre the department that extracts (the satellite centre, {@code weixing}) */
    public ExtractionReminder(SpatialStore store, String satelliteCentre, Reminders reminders) {
        this.store = Objects.requireNonNull(store, "store");
        this.satelliteCentre = satelliteCentre;
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public String kind() {
        return CycleJobs.EXTRACTION_DUE;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        MonitoringTask task = new MonitoringTaskRepository(store).findByCode(job.subject()).orElse(null);
        if (task == null || !NOT_EXTRACTED.contains(task.state())) {
            return new Done(Outcomes.of("task", job.subject(), "reminded", false), () -> { });
        }
        return new Done(Outcomes.of("task", task.code(), "reminded", true, "state", task.state().name()), () -> reminders.remind(
                new Reminder(kind(), job.key(), satelliteCentre, task.code() + " 变化图斑提取应于 " + task.extractionDue() + " 前完成（当前："
                        + task.state() + "）", Map.of("task", task.code(), "extractionDue", task.extractionDue().toString(),
                        "state", task.state().name()), job.id(), now)));
    }
}
