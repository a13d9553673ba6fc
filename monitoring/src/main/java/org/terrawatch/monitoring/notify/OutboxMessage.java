package org.terrawatch.monitoring.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification waiting for delivery, delivered, or given up on.
 *
 * @param idempotencyKey the same for every attempt: a receiver drops what it has had before
 * @param channel        the configured channel's name (notifications.yml)
 * @param recipient      an e-mail address, a phone number, or empty for the channel's own URL
 * @param body           JSON: the event and its facts
 */
public record OutboxMessage(long id, String idempotencyKey, Instant createdAt, String channel, String recipient, String subject, String body,
                            String entityKind, long entityId, State state, int attempts, Instant nextAttemptAt, String lastError,
                            Instant deliveredAt) {

    public enum State { PENDING, DELIVERED, FAILED }

    public OutboxMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        recipient = recipient == null ? "" : recipient;
    }

    /** A new message, due at once. */
    public static OutboxMessage pending(String idempotencyKey, Instant now, String channel, String recipient, String subject, String body,
                                        String entityKind, long entityId) {
        return new OutboxMessage(0, idempotencyKey, now, channel, recipient, subject, body, entityKind, entityId, State.PENDING, 0, now, null,
                null);
    }
}
