package org.terrawatch.monitoring.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.geodesy.GeodesicDistance;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/**
 * Incidents: a received alert joins the pending incident of its camera and type whose last alert is at most
 * {@code window} before it and whose place is at most {@code distanceMetres} away; otherwise it opens a new one.
 */
public final class IncidentRepository {

    private static final String COLUMNS = "id, camera_id, alert_type, first_at, last_at, ST_AsBinary(position) AS position, alerts, priority, "
            + "township_code, screening";

    private final SpatialStore store;

    public IncidentRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The incident the stored alert belongs to, joined or opened, in the caller's transaction; the alert is linked to it. */
    public Incident assign(Alert alert, int priority, double distanceMetres, Duration window) {
        return store.inTransaction(() -> {
            // The camera's row lock (taken already by the intake): two alerts of one camera at once join one incident, not two.
            new CameraRepository(store).claim(alert.cameraId());
            Incident incident = join(alert, priority, distanceMetres, window);
            link(alert.id(), incident.id());
            return incident;
        });
    }

    /**
     * The incident an alert joins (its camera's pending incident of its type, near enough, recent enough) or opens, as it
     * is after the alert; the caller holds the camera's row lock, so two alerts of one camera never open two incidents.
     */
    public Incident join(Alert alert, int priority, double distanceMetres, Duration window) {
        List<Incident> open = store.jdbc().sql("SELECT " + COLUMNS + " FROM incident WHERE screening = 'PENDING' AND camera_id = :camera "
                        + "AND alert_type = :type AND last_at >= :since ORDER BY last_at DESC")
                .param("camera", alert.cameraId()).param("type", alert.type().name())
                .param("since", Rows.timestamp(alert.detectedAt().minus(window))).query(IncidentRepository::map).list();
        Optional<Incident> near = open.stream().filter(i -> GeodesicDistance.metres(i.position(), alert.position()) <= distanceMetres).findFirst();
        if (near.isPresent()) {
            Incident joined = near.get();
            store.jdbc().sql("UPDATE incident SET alerts = alerts + 1, priority = LEAST(priority, :priority), "
                            + "last_at = GREATEST(last_at, :at) WHERE id = :id")
                    .param("priority", priority).param("at", Rows.timestamp(alert.detectedAt())).param("id", joined.id()).update();
            Instant last = joined.lastAt().isAfter(alert.detectedAt()) ? joined.lastAt() : alert.detectedAt();
            return new Incident(joined.id(), joined.cameraId(), joined.type(), joined.firstAt(), last, joined.position(), joined.alerts() + 1,
                    Math.min(joined.priority(), priority), joined.townshipCode(), joined.screening());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO incident(camera_id, alert_type, first_at, last_at, position, alerts, priority, township_code, "
                        + "screening) VALUES (:camera, :type, :at, :at, ST_GeomFromWKB(:position, 4490), 1, :priority, :township, 'PENDING')")
                .param("camera", alert.cameraId()).param("type", alert.type().name()).param("at", Rows.timestamp(alert.detectedAt()))
                .param("position", Wkb.write(alert.position())).param("priority", priority).param("township", alert.townshipCode())
                .update(key, "id");
        return new Incident(key.getKey().longValue(), alert.cameraId(), alert.type(), alert.detectedAt(), alert.detectedAt(), alert.position(), 1,
                priority, alert.townshipCode(), Screening.PENDING);
    }

    /** Puts the alert in the incident. */
    public void link(long alertId, long incidentId) {
        store.jdbc().sql("UPDATE alert SET incident_id = :incident WHERE id = :alert").param("incident", incidentId).param("alert", alertId).update();
    }

    /** Records the incident's screening (the duty officer's verdict on all its alerts). */
    public void screen(long id, Screening screening) {
        store.jdbc().sql("UPDATE incident SET screening = :screening WHERE id = :id").param("screening", screening.name()).param("id", id).update();
    }

    public Optional<Incident> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM incident WHERE id = :id").param("id", id).query(IncidentRepository::map).optional();
    }

    /** The pending incidents, first priority first, then the latest first. */
    public List<Incident> pending(int limit) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM incident WHERE screening = 'PENDING' ORDER BY priority, last_at DESC, id DESC "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(IncidentRepository::map).list();
    }

    private static Incident map(ResultSet row, int n) throws SQLException {
        return new Incident(row.getLong("id"), row.getLong("camera_id"), Rows.enumValue(row, "alert_type", AlertType.class),
                Rows.instant(row, "first_at"), Rows.instant(row, "last_at"), Rows.geometry(row, "position"), row.getInt("alerts"),
                row.getInt("priority"), row.getString("township_code"), Rows.enumValue(row, "screening", Screening.class));
    }
}
