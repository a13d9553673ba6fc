package org.terrawatch.wms;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrawatch.ows.Crs;
import org.terrawatch.rendering.raster.Imagery;
import org.terrawatch.rendering.raster.ImageryReader;

/**
 * The imagery epochs the WMS publishes as the layer {@code terrawatch:imagery} (TIME picks the epoch), each opened
 * once — in the background when the server starts, else by its first map — and its pyramid kept: coarse levels in
 * memory, the rest read window by window.
 */
public final class ImageryEpochs {

    private static final Logger LOG = LoggerFactory.getLogger(ImageryEpochs.class);

    /** An epoch as registered: its file, CRS, band roles and where it lies. */
    public record Epoch(String name, LocalDate acquiredOn, Crs crs, List<String> bandRoles, Path file, Envelope lonLat) {
    }

    public static final ImageryEpochs NONE = new ImageryEpochs(List::of);

    private final Supplier<List<Epoch>> epochs;
    private final Map<String, Imagery> loaded = new ConcurrentHashMap<>();

    /** @param epochs the registered epochs, asked afresh for each request (new ones appear without a restart) */
    public ImageryEpochs(Supplier<List<Epoch>> epochs) {
        this.epochs = epochs;
    }

    public List<Epoch> all() {
        return epochs.get().stream().sorted(java.util.Comparator.comparing(Epoch::acquiredOn)).toList();
    }

    /** The latest epoch acquired within [from, to], or the latest of all without a range. */
    public Optional<Epoch> choose(LocalDate from, LocalDate to) {
        return all().stream().filter(e -> from == null || !e.acquiredOn().isBefore(from))
                .filter(e -> to == null || !e.acquiredOn().isAfter(to)).reduce((a, b) -> b);
    }

    /**
     * Builds the pyramids of the epochs registered now, one after another on a background thread of low priority, so
     * that the first map of each does not wait for its pyramid (seconds for a large epoch). An epoch that cannot be
     * read is logged here and fails where a map asks for it.
     */
    public void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                for (Epoch epoch : all()) {
                    try {
                        imagery(epoch);
                    } catch (RuntimeException e) {
                        LOG.warn("Imagery epoch {} cannot be drawn: {}", epoch.name(), e.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("The imagery epochs could not be listed to prepare them: {}", e.getMessage());
            }
        }, "imagery-pyramids");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Whether an epoch's pyramid is built (its maps draw without waiting). */
    public boolean prepared(Epoch epoch) {
        return loaded.containsKey(epoch.file().toString());
    }

    public Imagery imagery(Epoch epoch) {
        return loaded.computeIfAbsent(epoch.file().toString(), key -> ImageryReader.read(epoch.name(), epoch.file(), epoch.crs(),
                epoch.bandRoles()));
    }
}
