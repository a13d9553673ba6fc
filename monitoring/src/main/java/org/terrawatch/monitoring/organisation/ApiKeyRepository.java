package org.terrawatch.monitoring.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.terrawatch.store.SpatialStore;

/** The API keys in the store: created (by an admin, or declared in the data directory), listed, revoked, their use noted. */
public final class ApiKeyRepository {

    private final SpatialStore store;

    public ApiKeyRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Adds the key; false when a key of that id exists already (a declared key is added once). */
    public boolean add(ApiKey key) {
        if (find(key.id()).isPresent()) {
            return false;
        }
        store.jdbc().sql("""
                        INSERT INTO api_key(id, name, secret_digest, roles, department_code, jurisdictions, paths, layers, may_write,
                                            created_by, created_at)
                        VALUES (:id, :name, :digest, :roles, :department, :jurisdictions, :paths, :layers, :write, :by, :at)""")
                .param("id", key.id()).param("name", key.name()).param("digest", key.secretDigest())
                .param("roles", key.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("department", key.departmentCode()).param("jurisdictions", join(key.jurisdictions()))
                .param("paths", join(key.paths())).param("layers", key.layers() == null ? null : join(key.layers()))
                .param("write", key.mayWrite()).param("by", key.createdBy()).param("at", time(key.createdAt()))
                .update();
        return true;
    }

    public Optional<ApiKey> find(String id) {
        return store.jdbc().sql("SELECT * FROM api_key WHERE id = :id").param("id", id).query(ROW).optional();
    }

    public List<ApiKey> all() {
        return store.jdbc().sql("SELECT * FROM api_key ORDER BY created_at, id").query(ROW).list();
    }

    /** Revokes the key from that instant on; false when there is no such key or it was revoked before. */
    public boolean revoke(String id, Instant at) {
        return store.jdbc().sql("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", time(at)).param("id", id).update() == 1;
    }

    public void used(String id, Instant at, String from) {
        store.jdbc().sql("UPDATE api_key SET last_used_at = :at, last_used_from = :from WHERE id = :id")
                .param("at", time(at)).param("from", from).param("id", id).update();
    }

    private static final RowMapper<ApiKey> ROW = ApiKeyRepository::key;

    private static ApiKey key(ResultSet row, int n) throws SQLException {
        String layers = row.getString("layers");
        return new ApiKey(row.getString("id"), row.getString("name"), row.getString("secret_digest"),
                split(row.getString("roles")).stream().map(Role::valueOf).collect(Collectors.toSet()), row.getString("department_code"),
                split(row.getString("jurisdictions")), split(row.getString("paths")), layers == null ? null : split(layers),
                row.getBoolean("may_write"), row.getString("created_by"), instant(row, "created_at"), instant(row, "revoked_at"),
                instant(row, "last_used_at"), row.getString("last_used_from"));
    }

    private static String join(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(String text) {
        return text == null || text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
