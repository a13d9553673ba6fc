package org.terrawatch.monitoring.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.Incident;
import org.terrawatch.monitoring.alert.IncidentRepository;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.store.SpatialStore;

/**
 * The one editing path of alerts: their screening and its note, through {@link AlertWorkflow}, audited, with an event
 * after commit. An incident is screened by screening each of its alerts the same way, in one transaction.
 */
public final class AlertEditor {

    private static final Set<String> COMPUTED = Set.of("id", "external_id", "camera_id", "alert_type", "detected_at", "received_at",
            "position", "snapshot_path", "confidence", "township_code", "screened_by", "screened_at", "version", "platform_type",
            "payload_sha256", "clip_url", "priority", "facts", "incident_id");

    private final SpatialStore store;
    private final AlertRepository alerts;
    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Set<String> falseAlarmReasons;
    private final Clock clock;

    public AlertEditor(SpatialStore store, AuditLog audit, ChangeEvents events, Set<String> falseAlarmReasons, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.alerts = new AlertRepository(store);
        this.incidents = new IncidentRepository(store);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.falseAlarmReasons = Set.copyOf(falseAlarmReasons);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<Alert> find(long id) {
        return alerts.find(id);
    }

    /** The reasons a false alarm may give, as configured. */
    public Set<String> falseAlarmReasons() {
        return falseAlarmReasons;
    }

    /** Takes the alert's row lock for the rest of the transaction (see {@code LayerEditing.claimForWrite}). */
    public boolean claim(long id) {
        return !store.jdbc().sql("SELECT id FROM alert WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list().isEmpty();
    }

    /**
     * Changes the alert's {@code screening} and {@code screening_note} as the workflow allows.
     *
     * @param expectedVersion the version the client saw, or null
     */
    public Alert update(Actor actor, Channel channel, long id, Long expectedVersion, Map<String, Object> values) {
        return store.inTransaction(() -> {
            Alert stored = alerts.find(id).orElseThrow(() -> new EntityNotFoundException("Alert " + id));
            String entity = "Alert " + stored.externalId() + " (id " + id + ")";
            if (expectedVersion != null && expectedVersion != stored.version()) {
                throw new ConcurrentEditException(entity, expectedVersion);
            }
            Screening to = stored.screening();
            String note = stored.screeningNote();
            Set<String> changed = new LinkedHashSet<>();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                switch (entry.getKey()) {
                    case AlertWorkflow.STATE -> to = FieldValue.enumValue(entity, AlertWorkflow.STATE, entry.getValue(), Screening.class);
                    case "screening_note" -> {
                        String given = FieldValue.text(entry.getValue());
                        if (!FieldValue.same(note, given)) {
                            note = given;
                            changed.add("screening_note");
                        }
                    }
                    default -> {
                        // What the camera platform sent is kept as sent; a client that sends it back (GDAL) changes nothing.
                        if (!COMPUTED.contains(entry.getKey())) {
                            throw RuleViolation.invalid(entity, entry.getKey(), "an alert has no field " + entry.getKey());
                        }
                    }
                }
            }
            if (to == stored.screening() && changed.isEmpty()) {
                return stored;
            }
            Instant now = clock.instant();
            Alert edited = new Alert(stored.id(), stored.externalId(), stored.cameraId(), stored.type(), stored.detectedAt(), stored.receivedAt(),
                    stored.position(), stored.snapshotPath(), stored.confidence(), stored.townshipCode(), to,
                    to == Screening.PENDING ? null : actor.username(), to == Screening.PENDING ? null : now, note, stored.version());
            Optional<Workflow.Transition<Screening, AlertWorkflow.Subject>> transition = AlertWorkflow.WORKFLOW.check(actor, entity,
                    new AlertWorkflow.Subject(stored, falseAlarmReasons), new AlertWorkflow.Subject(edited, falseAlarmReasons),
                    stored.screening(), to, changed);
            Alert saved = alerts.screen(id, stored.version(), to, edited.screenedBy(), note, now);
            String action = transition.map(Workflow.Transition::name).orElse("UPDATE");
            Map<String, Object> was = new LinkedHashMap<>();
            Map<String, Object> is = new LinkedHashMap<>();
            if (to != stored.screening()) {
                was.put(AlertWorkflow.STATE, stored.screening().name());
                is.put(AlertWorkflow.STATE, to.name());
            }
            if (!FieldValue.same(stored.screeningNote(), note)) {
                was.put("screening_note", stored.screeningNote() == null ? "" : stored.screeningNote());
                is.put("screening_note", note == null ? "" : note);
            }
            audit.record(new AuditEvent(0, now, actor.username(), channel, AlertIntake.KIND, id, action, was, is));
            events.publishAfterCommit(new ChangeEvent(AlertIntake.KIND, id, saved.externalId(), action, actor.username(), channel,
                    saved.position().getEnvelopeInternal(), now));
            return saved;
        });
    }

    /** Screens every alert of the incident the same way, and the incident with them. */
    public Incident screenIncident(Actor actor, Channel channel, long incidentId, Screening screening, String note) {
        return store.inTransaction(() -> {
            Incident incident = incidents.find(incidentId).orElseThrow(() -> new EntityNotFoundException("Incident " + incidentId));
            List<Alert> members = alerts.ofIncident(incidentId);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(AlertWorkflow.STATE, screening.name());
            values.put("screening_note", note);
            for (Alert alert : members) {
                if (alert.screening() != screening) {
                    update(actor, channel, alert.id(), null, values);
                }
            }
            incidents.screen(incidentId, screening);
            Instant now = clock.instant();
            events.publishAfterCommit(new ChangeEvent(AlertIntake.INCIDENT, incidentId, null, screening.name(), actor.username(), channel,
                    incident.position().getEnvelopeInternal(), now));
            return incidents.find(incidentId).orElseThrow();
        });
    }
}
