package org.terrawatch.monitoring.camera;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/** The camera register. */
public final class CameraRepository {

    private static final String COLUMNS = "id, code, name, kind, township_code, ST_AsBinary(position) AS position, "
            + "mount_height_m, ST_AsBinary(coverage) AS coverage, online, last_seen_at";

    private final SpatialStore store;

    public CameraRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Camera add(Camera camera) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO camera(code, name, kind, township_code, position, mount_height_m, coverage, online, last_seen_at) "
                        + "VALUES (:code, :name, :kind, :township, ST_GeomFromWKB(:position, 4490), :height, "
                        + "ST_GeomFromWKB(:coverage, 4490), :online, :seen)")
                .param("code", camera.code()).param("name", camera.name()).param("kind", camera.kind().name())
                .param("township", camera.townshipCode()).param("position", Wkb.write(camera.position()))
                .param("height", camera.mountHeightM()).param("coverage", Wkb.write(camera.coverage()))
                .param("online", camera.online()).param("seen", Rows.timestamp(camera.lastSeenAt()))
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    /** Changes a camera's registry entry (name, kind, township, position, height, coverage); its sightings stay. */
    public Camera update(Camera camera) {
        store.jdbc().sql("UPDATE camera SET name = :name, kind = :kind, township_code = :township, position = ST_GeomFromWKB(:position, 4490), "
                        + "mount_height_m = :height, coverage = ST_GeomFromWKB(:coverage, 4490) WHERE id = :id")
                .param("name", camera.name()).param("kind", camera.kind().name()).param("township", camera.townshipCode())
                .param("position", Wkb.write(camera.position())).param("height", camera.mountHeightM())
                .param("coverage", Wkb.write(camera.coverage())).param("id", camera.id()).update();
        return find(camera.id()).orElseThrow();
    }

    /** Marks offline the online cameras not heard from since the moment; returns them. */
    public List<Camera> markSilent(Instant since) {
        List<Camera> silent = store.jdbc().sql("SELECT " + COLUMNS + " FROM camera WHERE online = TRUE AND (last_seen_at IS NULL OR last_seen_at < :since)")
                .param("since", Rows.timestamp(since)).query(CameraRepository::map).list();
        for (Camera camera : silent) {
            store.jdbc().sql("UPDATE camera SET online = FALSE WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :since)")
                    .param("id", camera.id()).param("since", Rows.timestamp(since)).update();
        }
        return silent;
    }

    /** The cameras whose coverage takes in some of the geometry (EPSG:4490). */
    public List<Camera> seeing(Geometry place) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM camera WHERE coverage && ST_GeomFromWKB(:place, 4490) "
                        + "AND ST_Intersects(coverage, ST_GeomFromWKB(:place, 4490)) ORDER BY code")
                .param("place", Wkb.write(place)).query(CameraRepository::map).list();
    }

    public Optional<Camera> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM camera WHERE id = :id").param("id", id)
                .query(CameraRepository::map).optional();
    }

    /**
     * Takes the camera's row lock for the rest of the caller's transaction. An alert's transaction takes it first, before
     * its insert (whose foreign key share-locks the row): two alerts of one camera then queue instead of deadlocking.
     */
    public void claim(long id) {
        store.jdbc().sql("SELECT id FROM camera WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list();
    }

    /**
     * The camera was heard from at that time (an alert), and its row is locked for the rest of the caller's transaction:
     * the one statement does both, so an alert's transaction takes the lock before its insert (whose foreign key
     * share-locks the row) and two alerts of one camera queue instead of deadlocking.
     */
    public void claimSeen(long id, Instant at) {
        store.jdbc().sql("UPDATE camera SET online = TRUE, last_seen_at = CASE WHEN last_seen_at IS NULL OR last_seen_at < :at THEN :at "
                        + "ELSE last_seen_at END WHERE id = :id")
                .param("at", Rows.timestamp(at)).param("id", id).update();
    }

    /** The camera was heard from (a heartbeat, an alert): it is online, last seen then. */
    public void seen(long id, Instant at) {
        store.jdbc().sql("UPDATE camera SET online = TRUE, last_seen_at = :at WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :at)")
                .param("at", Rows.timestamp(at)).param("id", id).update();
    }

    public Optional<Camera> findByCode(String code) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM camera WHERE code = :code").param("code", code)
                .query(CameraRepository::map).optional();
    }

    public List<Camera> all() {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM camera ORDER BY code").query(CameraRepository::map).list();
    }

    private static Camera map(ResultSet row, int n) throws SQLException {
        return new Camera(row.getLong("id"), row.getString("code"), row.getString("name"),
                Rows.enumValue(row, "kind", CameraKind.class), row.getString("township_code"), Rows.geometry(row, "position"),
                Rows.nullableDouble(row, "mount_height_m"), Rows.geometry(row, "coverage"), row.getBoolean("online"),
                Rows.instant(row, "last_seen_at"));
    }
}
