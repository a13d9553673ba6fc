package org.terrawatch.app.cameras;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.terrawatch.app.config.Periodic;
import org.terrawatch.app.intake.IntakeProperties;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.store.SpatialStore;

/**
 * Watches the cameras: every half minute, a camera not heard from (heartbeat or alert) for {@code camera-silence} goes
 * offline — in the layer, the coverage figure and the summary — and a {@code CAMERA OFFLINE} change is published, which
 * the notification rules can send to the video platform's operator.
 */
@Component
public class CameraWatch implements AutoCloseable {

    /** The entity kind of a camera's changes. */
    public static final String KIND = "CAMERA";

    private final SpatialStore store;
    private final CameraRepository cameras;
    private final ChangeEvents events;
    private final IntakeProperties settings;
    private final Clock clock;
    private final Periodic worker = new Periodic("camera-watch");

    public CameraWatch(SpatialStore store, ChangeEvents events, IntakeProperties settings, Clock clock) {
        this.store = store;
        this.cameras = new CameraRepository(store);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.every(Duration.ofSeconds(30), this::check);
    }

    /** Marks the silent cameras offline now; returns them. */
    public List<Camera> check() {
        return store.inTransaction(() -> {
            List<Camera> silent = cameras.markSilent(clock.instant().minus(settings.cameraSilence()));
            for (Camera camera : silent) {
                events.publishAfterCommit(new ChangeEvent(KIND, camera.id(), camera.code(), "OFFLINE", "system", Channel.SYSTEM,
                        camera.position().getEnvelopeInternal(), clock.instant()));
            }
            return silent;
        });
    }

    @Override
    public void close() {
        worker.close();
    }
}
