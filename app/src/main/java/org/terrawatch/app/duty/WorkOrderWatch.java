package org.terrawatch.app.duty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.terrawatch.app.config.Periodic;
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

    private final SpatialStore store;
    private final Escalation escalation;
    private final ChangeEvents events;
    private final IntakeProperties settings;
    private final Clock clock;
    private final Periodic worker = new Periodic("work-order-watch");

    public WorkOrderWatch(SpatialStore store, ChangeEvents events, IntakeProperties settings, Clock clock) {
        this.store = store;
        this.escalation = new Escalation(store);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.every(Duration.ofSeconds(60), this::check);
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
        worker.close();
    }
}
