package org.terrawatch.monitoring.imagery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

/**
 * Imagery of one acquisition, registered for change detection and publication.
 *
 * @param id           0 before it is registered
 * @param crs          the file's CRS, e.g. {@code EPSG:4547}
 * @param bandLayout   band roles in file order, e.g. {@code [BLUE, GREEN, RED, NIR]}
 * @param fileLocation path relative to the data directory, or an absolute URI
 * @param footprint    the covered area in EPSG:4490
 * @param maskLocation a separate cloud mask on the image's grid (first band, non-zero is cloud), located like the
 *                     file; null when there is none (a mask band in the layout serves instead, or nothing is masked)
 */
public record ImageryEpoch(long id, String name, String sensor, LocalDate acquiredOn, double resolutionM, String crs,
                           List<String> bandLayout, Double cloudPercent, String fileLocation, Polygon footprint,
                           Instant registeredAt, String maskLocation) {

    /** An epoch without a separate cloud mask. */
    public ImageryEpoch(long id, String name, String sensor, LocalDate acquiredOn, double resolutionM, String crs, List<String> bandLayout,
                        Double cloudPercent, String fileLocation, Polygon footprint, Instant registeredAt) {
        this(id, name, sensor, acquiredOn, resolutionM, crs, bandLayout, cloudPercent, fileLocation, footprint, registeredAt, null);
    }

    public ImageryEpoch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(acquiredOn, "acquiredOn");
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(fileLocation, "fileLocation");
        Objects.requireNonNull(footprint, "footprint");
        bandLayout = List.copyOf(bandLayout);
        if (bandLayout.isEmpty()) {
            throw new IllegalArgumentException("An imagery epoch has at least one band");
        }
        if (!(resolutionM > 0)) {
            throw new IllegalArgumentException("Resolution must be positive: " + resolutionM);
        }
    }

    /** The image file: the location resolved against the data directory, or the absolute {@code file:} URI it is. */
    public Path file(Path dataDir) {
        return resolve(fileLocation, dataDir);
    }

    /** The separate cloud mask's file, or null when the epoch has none. */
    public Path maskFile(Path dataDir) {
        return maskLocation == null ? null : resolve(maskLocation, dataDir);
    }

    private static Path resolve(String location, Path dataDir) {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : dataDir.resolve(location);
    }
}
