package org.terrawatch.monitoring.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A reminder the calendar sends by a deadline (city rules, articles 13, 20–22): management data overdue, extraction due,
 * verification overdue. The notification rules decide who hears it (rules of kind {@code REMINDER} with the reminder's
 * kind as action, to the department's recipients); it is queued in the outbox in the transaction of the job that sends it.
 *
 * @param kind       {@code SUBMISSION_OVERDUE}, {@code EXTRACTION_DUE}, {@code VERIFICATION_OVERDUE}, ...
 * @param key        the same reminder twice has the same key (the outbox keeps it once)
 * @param department the department it concerns, or null for the satellite centre's own deadlines
 * @param facts      what it is about, for the message body
 */
public record Reminder(String kind, String key, String department, String subject, Map<String, Object> facts, long jobId, Instant at) {

    public Reminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }
}
