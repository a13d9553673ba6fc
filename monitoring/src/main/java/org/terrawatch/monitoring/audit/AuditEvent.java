package org.terrawatch.monitoring.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded change: who, when, through which interface, to what, and the changed fields' values before
 * and after (only the fields that changed).
 *
 * @param entityKind PATCH, ALERT, WORK_ORDER, ...
 * @param action     what was done, e.g. CREATE, UPDATE, DELETE, or a workflow transition name
 */
public record AuditEvent(long id, Instant occurredAt, String actor, Channel channel, String entityKind, long entityId,
                         String action, Map<String, Object> before, Map<String, Object> after) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(entityKind, "entityKind");
        Objects.requireNonNull(action, "action");
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }
}
