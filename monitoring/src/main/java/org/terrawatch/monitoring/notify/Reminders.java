package org.terrawatch.monitoring.notify;

/** Where reminders go: the notification rules, which queue them in the outbox in the caller's transaction. */
@FunctionalInterface
public interface Reminders {

    /** Sends nowhere (no rules configured, tests). */
    Reminders NONE = reminder -> {
    };

    void remind(Reminder reminder);
}
