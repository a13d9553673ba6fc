package org.terrawatch.monitoring.camera;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    public Optional<Camera> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM camera WHERE id = :id").param("id", id)
                .query(CameraRepository::map).optional();
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
