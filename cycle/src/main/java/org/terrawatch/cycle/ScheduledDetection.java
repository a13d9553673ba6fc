package org.terrawatch.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.terrawatch.change.DetectionProgress;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.processing.extraction.ExtractedPatch;
import org.terrawatch.processing.extraction.ExtractionResult;
import org.terrawatch.store.SpatialStore;

/**
 * A task's change detection on the calendar: waits (asking again every {@link #RETRY}) until both epochs of article 18
 * are registered, then runs the extraction — patches compared with the base data in force, typed, sized by their
 * category's minimum — and commits, with the job's completion, the epochs chosen, the new patches (NEW, for pre-check)
 * and the task's state PRE_CHECKING: all or nothing, so a detection cut short by a restart runs again from the start.
 */
public final class ScheduledDetection implements JobWork {

    static final Duration RETRY = Duration.ofHours(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScheduledDetection.class);
    /** Who the calendar's patches are created by: the satellite centre's system account. */
    static final Actor SYSTEM = Actor.SYSTEM;

    private final SpatialStore store;
    private final ChangeExtraction extraction;
    private final PatchEditor editor;
    private final ChangeEvents events;

    public ScheduledDetection(SpatialStore store, ChangeExtraction extraction, PatchEditor editor, ChangeEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.extraction = Objects.requireNonNull(extraction, "extraction");
        this.editor = Objects.requireNonNull(editor, "editor");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String kind() {
        return CycleJobs.DETECTION;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
        MonitoringTask task = tasks.findByCode(job.subject()).orElse(null);
        if (task == null || (task.state() != TaskState.PLANNED && task.state() != TaskState.IMAGERY_READY)) {
            return new Done(Outcomes.of("task", job.subject(), "skipped", task == null ? "no such task" : "already " + task.state()), () -> { });
        }
        EpochChoice epochs = EpochChoice.of(task.period(), new ImageryEpochRepository(store).all());
        if (!epochs.complete()) {
            return new Waiting(now.plus(RETRY), epochs.missing());
        }
        ImageryEpoch before = epochs.before().orElseThrow();
        ImageryEpoch after = epochs.after().orElseThrow();
        LOG.info("Detecting the changes of task {} between {} and {}", task.code(), before.name(), after.name());
        ExtractionResult result = extraction.run(task, before, after, null, false, SYSTEM, DetectionProgress.NONE);
        Map<PatchCategory, Integer> byCategory = new EnumMap<>(PatchCategory.class);
        result.patches().forEach(p -> byCategory.merge(p.patch().changeType().category(), 1, Integer::sum));
        String outcome = Outcomes.of("task", task.code(), "before", before.name(), "after", after.name(), "patches", result.patches().size(),
                "by_category", byCategory, "below_minimum", result.belowMinimum(), "already_known", result.known(), "notes", result.notes());
        return new Done(outcome, () -> {
            tasks.attachEpochs(task.id(), before.id(), after.id());
            if (!result.patches().isEmpty()) {
                editor.createDetected(SYSTEM, Channel.SYSTEM, result.patches().stream().map(ExtractedPatch::patch).toList());
            }
            tasks.setState(task.id(), TaskState.PRE_CHECKING);
            events.publishAfterCommit(new ChangeEvent("TASK", task.id(), task.code(), "DETECTED", SYSTEM.username(), Channel.SYSTEM, null, now));
        });
    }
}
