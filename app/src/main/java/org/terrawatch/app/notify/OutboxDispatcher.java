package org.terrawatch.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrawatch.app.config.Periodic;
import org.terrawatch.monitoring.notify.Outbox;
import org.terrawatch.monitoring.notify.OutboxMessage;

/**
 * Delivers the outbox: twice a second the messages due are sent over their channels; a failed attempt waits
 * {@code retry}, doubled each time up to {@code max-retry}, and after {@code attempts} the message is given up (FAILED).
 * Messages left by a stopped server are simply due at the next start: delivery is at least once, and the idempotency
 * key lets receivers drop repeats.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final NotificationProperties settings;
    private final Clock clock;
    private final Map<NotificationProperties.Kind, MessageSender> senders = Map.of(NotificationProperties.Kind.WEBHOOK, HttpSenders.WEBHOOK,
            NotificationProperties.Kind.CHAT, HttpSenders.CHAT, NotificationProperties.Kind.SMS, HttpSenders.SMS,
            NotificationProperties.Kind.EMAIL, new EmailSender());
    private final Periodic worker = new Periodic("outbox-dispatcher");

    public OutboxDispatcher(Outbox outbox, NotificationProperties settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    public void start() {
        worker.every(Duration.ofMillis(500), this::deliverDue);
    }

    /** Sends what is due now; returns how many were delivered. */
    int deliverDue() {
        int delivered = 0;
        try {
            for (OutboxMessage message : outbox.due(clock.instant(), 50)) {
                NotificationProperties.Channel channel = settings.channels().get(message.channel());
                try {
                    if (channel == null) {
                        throw new IllegalStateException("No channel " + message.channel() + " in notifications.yml");
                    }
                    senders.get(channel.kind()).send(message, channel);
                    outbox.delivered(message.id(), clock.instant());
                    delivered++;
                } catch (Exception e) {
                    int attempt = message.attempts() + 1;
                    Instant next = attempt >= settings.attempts() ? null : clock.instant().plus(backoff(attempt));
                    LOG.info("Message {} to {} over {}: attempt {} failed ({}){}", message.id(), message.recipient(), message.channel(), attempt,
                            e.getMessage(), next == null ? "; given up" : "; tried again at " + next);
                    outbox.failed(message.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), next);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The outbox could not be read: {}", e.getMessage());
        }
        return delivered;
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.retry().multipliedBy(1L << Math.min(20, attempt - 1));
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    @Override
    public void close() {
        worker.close();
    }
}
