package org.terrawatch.app.cameras;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
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

    private static final Logger LOG = LoggerFactory.getLogger(CameraWatch.class);

    private final SpatialStore store;
    private final CameraRepository cameras;
    private final ChangeEvents events;
    private final IntakeProperties settings;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "camera-watch");
        thread.setDaemon(true);
        return thread;
    });

    public CameraWatch(SpatialStore store, ChangeEvents events, IntakeProperties settings, Clock clock) {
        this.store = store;
        this.cameras = new CameraRepository(store);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("Checking the cameras failed: {}", e.getMessage());
            }
        }, 30, 30, TimeUnit.SECONDS);
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
        worker.shutdownNow();
    }
}
