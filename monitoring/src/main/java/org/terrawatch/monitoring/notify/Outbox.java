package org.terrawatch.monitoring.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** The transactional outbox ({@code outbox_message}): messages added in the caller's transaction, then delivered. */
public final class Outbox {

    private final SpatialStore store;

    public Outbox(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Adds the message in the caller's transaction, unless one of the same idempotency key is there already. */
    public void add(OutboxMessage message) {
        boolean known = store.jdbc().sql("SELECT COUNT(*) FROM outbox_message WHERE idempotency_key = :key").param("key", message.idempotencyKey())
                .query(Long.class).single() > 0;
        if (known) {
            return;
        }
        store.jdbc().sql("INSERT INTO outbox_message(idempotency_key, created_at, channel, recipient, subject, body, entity_kind, entity_id, "
                        + "state, attempts, next_attempt_at) VALUES (:key, :at, :channel, :recipient, :subject, :body, :kind, :entity, "
                        + "'PENDING', 0, :at)")
                .param("key", message.idempotencyKey()).param("at", Rows.timestamp(message.createdAt())).param("channel", message.channel())
                .param("recipient", message.recipient()).param("subject", message.subject()).param("body", message.body())
                .param("kind", message.entityKind()).param("entity", message.entityId()).update();
    }

    /** Pending messages due by now, oldest first. */
    public List<OutboxMessage> due(Instant now, int limit) {
        return store.jdbc().sql("SELECT * FROM outbox_message WHERE state = 'PENDING' AND next_attempt_at <= :now ORDER BY next_attempt_at, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("now", Rows.timestamp(now)).param("limit", limit).query(Outbox::map).list();
    }

    public void delivered(long id, Instant at) {
        store.jdbc().sql("UPDATE outbox_message SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, last_error = NULL "
                + "WHERE id = :id").param("at", Rows.timestamp(at)).param("id", id).update();
    }

    /** An attempt failed: tried again at {@code next}, or given up on when {@code next} is null. */
    public void failed(long id, String error, Instant next) {
        String message = error == null ? "failed" : error.length() > 1000 ? error.substring(0, 997) + "..." : error;
        store.jdbc().sql("UPDATE outbox_message SET attempts = attempts + 1, last_error = :error, state = :state, "
                        + "next_attempt_at = COALESCE(:next, next_attempt_at) WHERE id = :id")
                .param("error", message).param("state", next == null ? "FAILED" : "PENDING").param("next", next == null ? null : Rows.timestamp(next))
                .param("id", id).update();
    }

    /** The latest messages first, for administrators. */
    public List<OutboxMessage> latest(int limit) {
        return store.jdbc().sql("SELECT * FROM outbox_message ORDER BY id DESC FETCH FIRST :limit ROWS ONLY").param("limit", limit)
                .query(Outbox::map).list();
    }

    private static OutboxMessage map(ResultSet row, int n) throws SQLException {
        return new OutboxMessage(row.getLong("id"), row.getString("idempotency_key"), Rows.instant(row, "created_at"), row.getString("channel"),
                row.getString("recipient"), row.getString("subject"), row.getString("body"), row.getString("entity_kind"),
                row.getLong("entity_id"), Rows.enumValue(row, "state", OutboxMessage.State.class), row.getInt("attempts"),
                Rows.instant(row, "next_attempt_at"), row.getString("last_error"), Rows.instant(row, "delivered_at"));
    }
}
