package org.terrawatch.monitoring.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail. {@link #record(AuditEvent)} joins the caller's transaction, so a change and its audit
 * entry commit or roll back together. Values are kept as JSON objects.
 */
public final class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final SpatialStore store;

    public AuditLog(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public void record(AuditEvent event) {
        store.jdbc().sql("INSERT INTO audit_event(occurred_at, actor, interface, entity_kind, entity_id, action, before_values, after_values) "
                        + "VALUES (:at, :actor, :channel, :kind, :entity, :action, :before, :after)")
                .param("at", Rows.timestamp(event.occurredAt())).param("actor", event.actor())
                .param("channel", event.channel().name()).param("kind", event.entityKind()).param("entity", event.entityId())
                .param("action", event.action()).param("before", JSON.writeValueAsString(event.before()))
                .param("after", JSON.writeValueAsString(event.after()))
                .update();
    }

    /** The history of one entity, oldest first. */
    public List<AuditEvent> history(String entityKind, long entityId) {
        return store.jdbc().sql("SELECT * FROM audit_event WHERE entity_kind = :kind AND entity_id = :entity ORDER BY occurred_at, id")
                .param("kind", entityKind).param("entity", entityId).query(AuditLog::map).list();
    }

    private static AuditEvent map(ResultSet row, int n) throws SQLException {
        return new AuditEvent(row.getLong("id"), Rows.instant(row, "occurred_at"), row.getString("actor"),
                Rows.enumValue(row, "interface", Channel.class), row.getString("entity_kind"), row.getLong("entity_id"),
                row.getString("action"), json(row.getString("before_values")), json(row.getString("after_values")));
    }

    private static Map<String, Object> json(String text) {
        return text == null ? Map.of() : JSON.readValue(text, OBJECT);
    }
}
