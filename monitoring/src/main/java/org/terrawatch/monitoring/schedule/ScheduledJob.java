package org.terrawatch.monitoring.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One job of the calendar, as the store keeps it.
 *
 * @param key     unique: the kind and its subject, e.g. {@code MONTHLY_TASK:2026-11}
 * @param subject what it is about: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}), a task's code
 * @param outcome what it did (JSON), once done
 */
public record ScheduledJob(long id, String key, String kind, String subject, Instant dueAt, State state, int attempts, String claimedBy,
                           Instant leaseUntil, Instant startedAt, Instant finishedAt, String outcome, String lastError) {

    public enum State {
        PENDING,
        RUNNING,
        DONE,
        FAILED
    }

    public ScheduledJob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    public static String key(String kind, String subject) {
        return kind + ":" + subject;
    }
}
