package org.terrawatch.monitoring.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/** Alerts as received and screened. */
public final class AlertRepository {

    private static final String COLUMNS = "id, external_id, camera_id, alert_type, detected_at, received_at, "
            + "ST_AsBinary(position) AS position, snapshot_path, confidence, township_code, screening, screened_by, "
            + "screened_at, screening_note, version";

    private final SpatialStore store;

    public AlertRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Stores a received alert, or returns the stored one if the platform pushed this external id before:
     * a retried push never makes a second alert, even when two pushes race. Call it outside any transaction:
     * the insert commits before this returns, so an acknowledged alert is durable.
     */
    public Alert receive(Alert alert) {
        Optional<Alert> known = findByExternalId(alert.externalId());
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return insert(alert);
        } catch (DuplicateKeyException raced) {
            return findByExternalId(alert.externalId()).orElseThrow(() -> raced);
        }
    }

    private Alert insert(Alert alert) {
        return insert(alert, null, null, null);
    }

    /**
     * Stores a received alert with what the platform called its type, the fingerprint of what it sent and the link to its
     * video, in the caller's transaction; a second alert of the same external id is a {@link DuplicateKeyException}.
     */
    public Alert insert(Alert alert, String platformType, String fingerprint, String clip) {
        return store.inTransaction(() -> find(insert(alert, null, null, null, platformType, fingerprint, clip)).orElseThrow());
    }

    /**
     * Stores a received alert as the intake has it — in its incident, with its pre-judgement ({@code priority} and
     * {@code factsJson}, a JSON object) — in one statement of the caller's transaction; a second alert of the same
     * external id is a {@link DuplicateKeyException}.
     *
     * @return the new alert's id
     */
    public long insert(Alert alert, Long incidentId, Integer priority, String factsJson, String platformType, String fingerprint, String clip) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO alert(external_id, camera_id, alert_type, detected_at, received_at, position, snapshot_path, "
                        + "confidence, township_code, screening, version, platform_type, payload_sha256, clip_url, incident_id, priority, facts) "
                        + "VALUES (:external, :camera, :type, :detected, :received, ST_GeomFromWKB(:position, 4490), :snapshot, :confidence, "
                        + ":township, :screening, 0, :platformType, :fingerprint, :clip, :incident, :priority, :facts)")
                .param("external", alert.externalId()).param("camera", alert.cameraId()).param("type", alert.type().name())
                .param("detected", Rows.timestamp(alert.detectedAt())).param("received", Rows.timestamp(alert.receivedAt()))
                .param("position", Wkb.write(alert.position())).param("snapshot", alert.snapshotPath())
                .param("confidence", alert.confidence()).param("township", alert.townshipCode())
                .param("screening", alert.screening().name()).param("platformType", platformType).param("fingerprint", fingerprint)
                .param("clip", clip).param("incident", incidentId).param("priority", priority).param("facts", factsJson)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The fingerprint of what the platform sent for the external id, if an alert of that id was received through intake. */
    public Optional<String> fingerprintOf(String externalId) {
        return store.jdbc().sql("SELECT COALESCE(payload_sha256, '') FROM alert WHERE external_id = :external").param("external", externalId)
                .query(String.class).optional();
    }

    /** The alert's pre-judgement: its priority, and its facts as a JSON object. */
    public void judged(long id, int priority, String factsJson) {
        store.jdbc().sql("UPDATE alert SET priority = :priority, facts = :facts WHERE id = :id")
                .param("priority", priority).param("facts", factsJson).param("id", id).update();
    }

    /** The alert's priority from its pre-judgement (1 first), if it was judged. */
    public Optional<Integer> priority(long id) {
        return store.jdbc().sql("SELECT priority FROM alert WHERE id = :id AND priority IS NOT NULL").param("id", id).query(Integer.class).optional();
    }

    /** The alert's pre-judgement facts as stored (a JSON object), if it has them. */
    public Optional<String> facts(long id) {
        return store.jdbc().sql("SELECT facts FROM alert WHERE id = :id AND facts IS NOT NULL").param("id", id).query(String.class).optional();
    }

    /** The alerts of an incident, the latest first. */
    public java.util.List<Alert> ofIncident(long incidentId) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM alert WHERE incident_id = :incident ORDER BY detected_at DESC, id DESC")
                .param("incident", incidentId).query(AlertRepository::map).list();
    }

    /** Where the alert's snapshot is kept (an attachment's storage path). */
    public void snapshotAt(long id, String path) {
        store.jdbc().sql("UPDATE alert SET snapshot_path = :path WHERE id = :id").param("path", path).param("id", id).update();
    }

    /** Records the duty officer's screening if the alert is still at the version the officer saw. */
    public Alert screen(long id, long expectedVersion, Screening screening, String by, String note, Instant at) {
        int updated = store.jdbc().sql("UPDATE alert SET screening = :screening, screened_by = :by, screened_at = :at, "
                        + "screening_note = :note, version = version + 1 WHERE id = :id AND version = :version")
                .param("screening", screening.name()).param("by", by).param("at", Rows.timestamp(at)).param("note", note)
                .param("id", id).param("version", expectedVersion).update();
        if (updated == 0) {
            find(id).orElseThrow(() -> new EntityNotFoundException("Alert " + id));
            throw new ConcurrentEditException("Alert " + id, expectedVersion);
        }
        return find(id).orElseThrow();
    }

    public Optional<Alert> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id").param("id", id)
                .query(AlertRepository::map).optional();
    }

    public Optional<Alert> findByExternalId(String externalId) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM alert WHERE external_id = :external").param("external", externalId)
                .query(AlertRepository::map).optional();
    }

    private static Alert map(ResultSet row, int n) throws SQLException {
        return new Alert(row.getLong("id"), row.getString("external_id"), row.getLong("camera_id"),
                Rows.enumValue(row, "alert_type", AlertType.class), Rows.instant(row, "detected_at"),
                Rows.instant(row, "received_at"), Rows.geometry(row, "position"), row.getString("snapshot_path"),
                Rows.nullableDouble(row, "confidence"), row.getString("township_code"),
                Rows.enumValue(row, "screening", Screening.class), row.getString("screened_by"),
                Rows.instant(row, "screened_at"), row.getString("screening_note"), row.getLong("version"));
    }
}
