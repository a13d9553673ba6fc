package org.terrawatch.app.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.terrawatch.app.cameras.CameraWatch;
import org.terrawatch.monitoring.Labels;
import org.terrawatch.monitoring.Sha256;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.Incident;
import org.terrawatch.monitoring.alert.IncidentRepository;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.notify.Outbox;
import org.terrawatch.monitoring.notify.Reminder;
import org.terrawatch.monitoring.notify.Reminders;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.notify.OutboxMessage;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns changes into messages, in the change's own transaction (an in-transaction listener of the change events): each
 * rule of {@code notifications.yml} that matches the change adds one message per recipient to the outbox, so a message is
 * there if and only if its change committed. The idempotency key is derived from the change, the channel and the
 * recipient, so the same change never queues the same message twice.
 */
public final class NotificationRules implements Reminders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final NotificationProperties settings;
    private final Outbox outbox;
    private final AlertRepository alerts;
    private final IncidentRepository incidents;
    private final WorkOrderRepository orders;
    private final CameraRepository cameras;
    private final PatchRepository patches;

    public NotificationRules(NotificationProperties settings, SpatialStore store) {
        this.settings = settings;
        this.outbox = new Outbox(store);
        this.alerts = new AlertRepository(store);
        this.incidents = new IncidentRepository(store);
        this.orders = new WorkOrderRepository(store);
        this.cameras = new CameraRepository(store);
        this.patches = new PatchRepository(store);
    }

    /** The messages the change causes, added to the outbox in the current transaction. */
    public void changed(ChangeEvent event) {
        List<NotificationProperties.Rule> matching = settings.rules().stream().filter(rule -> rule.kinds().contains(event.entityKind())
                && (rule.actions().isEmpty() || rule.actions().contains(event.action()))).toList();
        if (matching.isEmpty()) {
            return;
        }
        Optional<Alert> alert = event.entityKind().equals(AlertIntake.KIND) ? alerts.find(event.entityId()) : Optional.empty();
        Optional<Incident> incident = event.entityKind().equals(AlertIntake.INCIDENT) ? incidents.find(event.entityId()) : Optional.empty();
        Optional<WorkOrder> order = event.entityKind().equals("WORK_ORDER") ? orders.find(event.entityId()) : Optional.empty();
        Optional<Camera> camera = event.entityKind().equals(CameraWatch.KIND) ? cameras.find(event.entityId()) : Optional.empty();
        Optional<ChangePatch> patch = event.entityKind().equals("PATCH") ? patches.find(event.entityId()) : Optional.empty();
        String township = alert.map(Alert::townshipCode).or(() -> incident.map(Incident::townshipCode))
                .or(() -> order.map(WorkOrder::townshipCode)).or(() -> camera.map(Camera::townshipCode))
                .or(() -> patch.map(p -> p.location().townshipCode())).orElse(null);
        String department = order.map(WorkOrder::departmentCode).or(() -> patch.map(ChangePatch::responsibleDepartment)).orElse(null);
        String type = alert.map(a -> a.type().name()).or(() -> incident.map(i -> i.type().name())).orElse(null);
        int priority = alert.flatMap(a -> alerts.priority(a.id())).or(() -> incident.map(Incident::priority)).orElse(5);
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", event.entityKind());
        body.put("id", event.entityId());
        body.put("action", event.action());
        body.put("at", event.at().toString());
        body.put("by", event.actor());
        String subject = camera.map(c -> subject(event, c)).orElseGet(() -> subject(event, alert, incident, order, priority));
        body.put("subject", subject);
        alert.ifPresent(a -> {
            ObjectNode detail = body.putObject("alert");
            detail.put("externalId", a.externalId());
            detail.put("type", a.type().name());
            detail.put("priority", priority);
            detail.put("time", a.detectedAt().toString());
            detail.put("township", a.townshipCode());
            detail.put("longitude", a.position().getX());
            detail.put("latitude", a.position().getY());
            alerts.facts(a.id()).ifPresent(facts -> detail.set("facts", JSON.readTree(facts)));
        });
        patch.ifPresent(p -> body.putObject("patch").put("code", p.code()).put("category", p.changeType().category().name())
                .put("status", p.status().name()).put("department", p.responsibleDepartment()).put("township", p.location().townshipCode())
                .put("verificationDue", p.verificationDue() == null ? null : p.verificationDue().toString()));
        order.ifPresent(o -> body.putObject("workOrder").put("code", o.code()).put("title", o.title()).put("workingGroup", o.workingGroupCode())
                .put("department", o.departmentCode()).put("deadline", o.deadline().toString()));
        camera.ifPresent(c -> {
            ObjectNode detail = body.putObject("camera").put("code", c.code()).put("name", c.name()).put("township", c.townshipCode())
                    .put("online", c.online()).put("longitude", c.position().getX()).put("latitude", c.position().getY());
            detail.put("lastSeen", c.lastSeenAt() == null ? null : c.lastSeenAt().toString());
        });
        for (NotificationProperties.Rule rule : matching) {
            if (type != null && !rule.alertTypes().isEmpty() && !rule.alertTypes().contains(type) || priority > rule.maxPriority()) {
                continue;
            }
            List<String> listed = rule.recipientsIn(township, department);
            if (listed.isEmpty() && rule.namesRecipients()) {
                continue; // a rule that names its recipients tells nobody else
            }
            List<String> recipients = listed.isEmpty() ? List.of("") : listed;
            for (String recipient : recipients) {
                String key = Sha256.hex(event.entityKind() + ":" + event.entityId() + ":" + event.action() + ":" + event.at() + ":" + rule.channel()
                        + ":" + recipient);
                outbox.add(OutboxMessage.pending(key, event.at(), rule.channel(), recipient, subject, body.toString(), event.entityKind(),
                        event.entityId()));
            }
        }
    }

    /**
     * A reminder of the calendar, queued for the recipients of every rule of kind {@code REMINDER} whose actions name its
     * kind (or none), the department's included, in the caller's transaction.
     */
    @Override
    public void remind(Reminder reminder) {
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", "REMINDER");
        body.put("reminder", reminder.kind());
        body.put("at", reminder.at().toString());
        body.put("subject", reminder.subject());
        body.put("department", reminder.department());
        body.set("facts", JSON.valueToTree(reminder.facts()));
        for (NotificationProperties.Rule rule : settings.rules()) {
            if (!rule.kinds().contains("REMINDER") || !(rule.actions().isEmpty() || rule.actions().contains(reminder.kind()))) {
                continue;
            }
            List<String> listed = rule.recipientsIn(null, reminder.department());
            if (listed.isEmpty() && rule.namesRecipients()) {
                continue;
            }
            for (String recipient : listed.isEmpty() ? List.of("") : listed) {
                outbox.add(OutboxMessage.pending(Sha256.hex("REMINDER:" + reminder.key() + ":" + rule.channel() + ":" + recipient), reminder.at(),
                        rule.channel(), recipient, reminder.subject(), body.toString(), "SCHEDULE", reminder.jobId()));
            }
        }
    }

    /** For the video platform's operator: which camera, where, and since when it has been silent. */
    private static String subject(ChangeEvent event, Camera camera) {
        String state = event.action().equals("OFFLINE") ? "离线" : event.action();
        return "摄像头 " + camera.code() + " " + camera.name() + " " + state + "，最后在线 "
                + (camera.lastSeenAt() == null ? "从未" : MINUTE.format(camera.lastSeenAt()));
    }

    private static String subject(ChangeEvent event, Optional<Alert> alert, Optional<Incident> incident, Optional<WorkOrder> order, int priority) {
        if (alert.isPresent()) {
            return "[" + priority + "级] " + Labels.zh(alert.get().type()) + "预警 " + alert.get().externalId() + " " + MINUTE.format(alert.get().detectedAt());
        }
        if (incident.isPresent()) {
            return "[" + priority + "级] " + Labels.zh(incident.get().type()) + "事件 " + incident.get().id() + " " + event.action();
        }
        if (order.isPresent()) {
            return "工单 " + order.get().code() + " " + order.get().title() + " " + event.action() + "，期限 " + MINUTE.format(order.get().deadline());
        }
        return event.entityKind() + " " + event.entityId() + " " + event.action();
    }

}
