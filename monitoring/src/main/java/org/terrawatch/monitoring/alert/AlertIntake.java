package org.terrawatch.monitoring.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DuplicateKeyException;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.store.SpatialStore;

/**
 * Alerts into the store from the video AI platform, nothing lost and nothing twice. An alert is checked against what the
 * store knows (its camera; its place within the jurisdiction), then its snapshot is written to disk and forced, and the
 * alert with its pre-judgement ({@link AlertJudgement}) and its incident, the snapshot's record and the camera's last
 * sighting commit in one transaction of few statements — all before the caller answers 2xx; then the alert and its
 * incident are published as change events (the duty desk's live stream). The same external id again is the same alert (when its fingerprint
 * matches) or a conflict.
 */
public final class AlertIntake {

    /** The kind of attachment an alert's snapshot is, and the entity kind of its events. */
    public static final String SNAPSHOT = "ALERT";
    public static final String KIND = "ALERT";
    /** The entity kind of an incident's events. */
    public static final String INCIDENT = "INCIDENT";

    /**
     * A checked alert as sent.
     *
     * @param platformType what the platform called its type
     * @param snapshot     the image, or null for a duty officer's manual alert without one
     * @param snapshotSha256 the image's SHA-256 (hex), or null without one
     * @param fingerprint  a checksum of everything sent, snapshot included
     */
    public record Submission(String externalId, String cameraCode, AlertType type, String platformType, Instant detectedAt,
                             Point position, Double confidence, byte[] snapshot, String snapshotType, String snapshotSha256, String clip,
                             String fingerprint) {
    }

    /** @param created false when the alert was received before (a retried push) */
    public record Received(Alert alert, boolean created) {
    }

    private final SpatialStore store;
    private final AlertRepository alerts;
    private final CameraRepository cameras;
    private final AdminUnitRepository admin;
    private final AttachmentStore attachments;
    private final AlertTriage triage;
    private final ChangeEvents events;
    private final Clock clock;

    public AlertIntake(SpatialStore store, AttachmentStore attachments, ChangeEvents events, AlertTriage.Grouping grouping, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.alerts = new AlertRepository(store);
        this.cameras = new CameraRepository(store);
        this.admin = new AdminUnitRepository(store);
        this.triage = new AlertTriage(store, grouping);
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores the alert, or finds it stored.
     *
     * @param by who sent it (the platform's credential)
     * @throws IntakeRefused for an unknown camera, a place outside the jurisdiction, or an external id taken by other content
     */
    public Received receive(Submission alert, String by) {
        Optional<Received> known = known(alert);
        if (known.isPresent()) {
            return known.get();
        }
        Camera camera = cameras.findByCode(alert.cameraCode())
                .orElseThrow(() -> IntakeRefused.field("camera", "There is no camera " + alert.cameraCode() + " in the registry"));
        AdminLocation place = admin.locate(alert.position());
        if (place.countyCode() == null) {
            throw IntakeRefused.field("longitude", "The position " + alert.position().getX() + ", " + alert.position().getY()
                    + " lies outside the jurisdiction");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant detected = alert.detectedAt().truncatedTo(ChronoUnit.MICROS);
        AlertJudgement judgement = triage.judge(alert.type(), alert.position(), detected, place);
        String facts = AlertTriage.factsJson(judgement);
        // Written and forced before the transaction: a file whose record rolls back is found again by its content.
        AttachmentStore.StoredFile image = alert.snapshot() == null ? null : attachments.write(alert.snapshot(), alert.snapshotSha256());
        try {
            return new Received(store.inTransaction(() -> {
                cameras.claimSeen(camera.id(), detected.isAfter(now) ? now : detected);
                Alert received = Alert.received(alert.externalId(), camera.id(), alert.type(), detected, now, alert.position(),
                        image == null ? null : image.relativePath(), alert.confidence(), place.townshipCode());
                Incident incident = triage.incidentOf(received, judgement);
                long id = alerts.insert(received, incident.id(), judgement.priority(), facts, alert.platformType(), alert.fingerprint(), alert.clip());
                if (image != null) {
                    attachments.add(SNAPSHOT, id, "snapshot" + (alert.snapshotType().equals("image/png") ? ".png" : ".jpg"), alert.snapshotType(),
                            image, null, alert.position(), detected, by, now);
                }
                events.publishAfterCommit(new ChangeEvent(KIND, id, alert.externalId(), "RECEIVE", by, Channel.REST,
                        alert.position().getEnvelopeInternal(), now));
                events.publishAfterCommit(new ChangeEvent(INCIDENT, incident.id(), null, incident.alerts() == 1 ? "OPEN" : "JOIN", by,
                        Channel.REST, incident.position().getEnvelopeInternal(), now));
                return new Alert(id, received.externalId(), received.cameraId(), received.type(), received.detectedAt(), received.receivedAt(),
                        received.position(), received.snapshotPath(), received.confidence(), received.townshipCode(), received.screening(), null,
                        null, null, 0);
            }), true);
        } catch (DuplicateKeyException raced) {
            // The same id pushed twice at once: the other push stored it.
            return known(alert).orElseThrow(() -> raced);
        }
    }

    private Optional<Received> known(Submission alert) {
        Optional<String> fingerprint = alerts.fingerprintOf(alert.externalId());
        if (fingerprint.isEmpty()) {
            return Optional.empty();
        }
        if (!fingerprint.get().equals(alert.fingerprint())) {
            throw IntakeRefused.conflict(alert.externalId());
        }
        return alerts.findByExternalId(alert.externalId()).map(stored -> new Received(stored, false));
    }
}
