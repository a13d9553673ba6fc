package org.terrawatch.app.duty;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.terrawatch.app.config.Periodic;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.event.ChangeEvent;

/**
 * The duty desk's live stream (Server-Sent Events): every alert received and every incident opened or joined, sent to
 * every open stream as soon as its transaction has committed — before the platform hears its 2xx. A comment every 20 s
 * keeps proxies from closing a quiet stream; a stream that cannot be written to is dropped (the browser reconnects); all
 * end as the server stops.
 */
@Component
public class DutyStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DutyStream.class);
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();
    private final Periodic keepAlive = new Periodic("duty-stream-keep-alive");

    public DutyStream() {
        keepAlive.every(Duration.ofSeconds(20), () -> sendToAll(() -> SseEmitter.event().comment("keep-alive")));
    }

    /** A new stream for a signed-in duty officer; it ends after half an hour, and the browser opens the next. */
    public SseEmitter open() {
        SseEmitter stream = new SseEmitter(LIFETIME.toMillis());
        streams.add(stream);
        stream.onCompletion(() -> streams.remove(stream));
        stream.onTimeout(() -> streams.remove(stream));
        stream.onError(e -> streams.remove(stream));
        try {
            stream.send(SseEmitter.event().name("hello").data(Map.of("streams", streams.size())));
        } catch (IOException e) {
            streams.remove(stream);
        }
        return stream;
    }

    @EventListener
    public void changed(ChangeEvent event) {
        if (!event.entityKind().equals(AlertIntake.KIND) && !event.entityKind().equals(AlertIntake.INCIDENT)) {
            return;
        }
        String name = event.entityKind().equals(AlertIntake.KIND) ? "alert" : "incident";
        Map<String, Object> data = Map.of("id", event.entityId(), "action", event.action(), "externalId", event.code() == null ? "" : event.code(),
                "at", event.at().toString());
        sendToAll(() -> SseEmitter.event().name(name).id(name + "-" + event.entityId() + "-" + event.action()).data(data));
    }

    /** @param event a fresh builder for each stream (a builder is spent once built) */
    private void sendToAll(Supplier<SseEmitter.SseEventBuilder> event) {
        for (SseEmitter stream : streams) {
            try {
                stream.send(event.get());
            } catch (IOException | IllegalStateException gone) {
                LOG.debug("Dropping a duty stream: {}", gone.getMessage());
                streams.remove(stream);
            }
        }
    }

    /** Ends every stream as the server begins to stop, so a graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    public void stopping() {
        close();
    }

    @Override
    public void close() {
        keepAlive.close();
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }
}
