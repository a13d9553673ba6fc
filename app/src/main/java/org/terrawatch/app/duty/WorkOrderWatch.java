package org.terrawatch.app.duty;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.terrawatch.app.intake.IntakeProperties;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.monitoring.workorder.Escalation;
import org.terrawatch.store.SpatialStore;

/**
 * Escalation: every minute the open work orders that have just become due soon or overdue are marked so and published
 * as {@code WORK_ORDER DUE_SOON} / {@code OVERDUE} changes — once each —, which the notification rules send on (overdue
 * to the group leader and the leading group's office); the overdue state shows in the duty desk's list and the layer.
 */
@Component
public class WorkOrderWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderWatch.class);

    private final SpatialStore store;
    private final Escalation escalation;
    private final ChangeEvents events;
    private final IntakeProperties settings;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "work-order-watch");
        thread.setDaemon(true);
        return thread;
    });

    public WorkOrderWatch(SpatialStore store, ChangeEvents events, IntakeProperties settings, Clock clock) {
        this.store = store;
        this.escalation = new Escalation(store);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("Checking the work orders' deadlines failed: {}", e.getMessage());
            }
        }, 60, 60, TimeUnit.SECONDS);
    }

    /** Marks and publishes the orders found due soon or overdue now; returns them. */
    public List<Escalation.Found> check() {
        return store.inTransaction(() -> {
            List<Escalation.Found> found = escalation.check(clock.instant(), settings.dueSoonShare());
            for (Escalation.Found order : found) {
                events.publishAfterCommit(new ChangeEvent(WorkOrderEditor.KIND, order.orderId(), order.code(), order.overdue() ? "OVERDUE" : "DUE_SOON",
                        "system", Channel.SYSTEM, null, clock.instant()));
            }
            return found;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
