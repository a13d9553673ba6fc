package org.terrawatch.processing.imagery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.change.BandRoles;
import org.terrawatch.monitoring.admin.Jurisdiction;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.GroundPixels;
import org.terrawatch.raster.PixelGrid;
import org.terrawatch.raster.RasterException;
import org.terrawatch.store.SpatialStore;

/**
 * Registers an imagery epoch — a GeoTIFF or COG from the configured imagery folder, or uploaded into it — after checking
 * it: readable, its CRS known by an EPSG code (the WMS publishes it by that code), its bands as the declared layout
 * names them, its name free, its date not in the future. It computes the footprint (the image's outline in CGCS2000,
 * its edges densified), the ground resolution ({@link GroundPixels}), the share of the jurisdiction it covers and,
 * when a mask band is declared ({@code CLOUD_MASK}: non-zero is cloud; {@code QA_PIXEL}: Landsat's cloud and shadow
 * bits) or a separate cloud mask is given (a raster on the image's grid, non-zero is cloud; kept with the epoch and
 * used by its detections), the cloud cover within the jurisdiction from a sample of its pixels. Then the epoch is in
 * the register, drawn by the WMS as {@code terrawatch:imagery} at its date and ready for detection. A refused file
 * leaves nothing behind: an upload is deleted, the register unchanged.
 */
public final class ImageryRegistration {

    static final int SAMPLE_ROWS = 128;
    static final int SAMPLE_COLUMNS = 256;
    private static final Set<Role> REGISTRARS = Set.of(Role.ANALYST, Role.ADMIN);

    /**
     * What a registration names.
     *
     * @param path       the file, relative to the imagery folder (null when uploaded)
     * @param upload     the file's content when uploaded (null for a path)
     * @param maskPath   a separate cloud mask, relative to the imagery folder, or null
     * @param maskUpload a separate cloud mask's content when uploaded, or null
     */
    public record Request(String name, String sensor, String acquired, String bands, String path, String fileName, byte[] upload,
                          String maskPath, byte[] maskUpload) {

        /** A registration without a separate cloud mask. */
        public Request(String name, String sensor, String acquired, String bands, String path, String fileName, byte[] upload) {
            this(name, sensor, acquired, bands, path, fileName, upload, null, null);
        }
    }

    /** A registered epoch, with the share of the jurisdiction it covers and what to know about it. */
    public record Registered(ImageryEpoch epoch, Double coveragePercent, List<String> notes) {
    }

    private final SpatialStore store;
    private final Path dataDir;
    private final Path folder;
    private final Clock clock;
    private final ChangeEvents events;

    /**
     * @param folder the imagery folder (files are registered from it, uploads written into it)
     * @param events told of each epoch registered ({@code IMAGERY}, {@code REGISTER}): a detection waiting for it runs
     */
    public ImageryRegistration(SpatialStore store, Path dataDir, Path folder, Clock clock, ChangeEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public Registered register(Request request, Actor actor) {
        if (actor == null || !actor.hasAny(REGISTRARS)) {
            throw RuleViolation.forbidden("imagery", "file", "Only the satellite centre's analysts and administrators register imagery");
        }
        String sensor = required(request.sensor(), "sensor");
        LocalDate acquired = acquired(request.acquired());
        ImageryEpochRepository epochs = new ImageryEpochRepository(store);
        String name = request.name() != null && !request.name().isBlank() ? request.name().strip()
                : baseName(request.path() != null ? request.path() : request.fileName());
        if (name == null || name.isBlank() || !name.matches("[\\p{L}\\p{N}_.-]{1,100}")) {
            throw new ImageryRefused("MISSING", "Name the epoch (name): letters, digits, _ . - only, e.g. GF2-2026-11");
        }
        if (epochs.findByName(name).isPresent()) {
            throw new ImageryRefused("NAME_TAKEN", "An epoch named " + name + " is registered already");
        }
        Path file = request.upload() != null ? upload(name + ".tif", request.upload()) : inFolder(request.path());
        Path mask = null;
        try {
            mask = request.maskUpload() != null ? upload(name + ".cloud-mask.tif", request.maskUpload())
                    : request.maskPath() == null || request.maskPath().isBlank() ? null : inFolder(request.maskPath());
            Registered registered = inspect(name, sensor, acquired, request.bands(), file, mask);
            ImageryEpoch stored = epochs.register(registered.epoch());
            events.publishAfterCommit(new ChangeEvent("IMAGERY", stored.id(), stored.name(), "REGISTER", actor.username(), Channel.REST,
                    stored.footprint().getEnvelopeInternal(), clock.instant()));
            return new Registered(stored, registered.coveragePercent(), registered.notes());
        } catch (RuntimeException e) {
            if (request.upload() != null) {
                deleteQuietly(file);
            }
            if (request.maskUpload() != null && mask != null) {
                deleteQuietly(mask);
            }
            throw e instanceof RasterException raster ? new ImageryRefused("UNREADABLE", raster.getMessage()) : e;
        }
    }

    private Registered inspect(String name, String sensor, LocalDate acquired, String bands, Path file, Path mask) {
        try (EpochRaster raster = EpochRaster.open(file); EpochRaster maskRaster = mask == null ? null : EpochRaster.open(mask)) {
            if (raster.crs() == null) {
                throw new ImageryRefused("NO_CRS", file.getFileName() + " has no coordinate reference system: georeference it (CGCS2000, "
                        + "e.g. EPSG:4490 or a Gauss-Krüger zone) before registering it");
            }
            Integer epsg = raster.epsgCode();
            if (epsg == null) {
                throw new ImageryRefused("UNKNOWN_CRS", file.getFileName() + " is in " + raster.crs().getName().getCode()
                        + ", which has no EPSG code: write it in a CRS the EPSG database knows (EPSG:4490, 4534–4554, 4326, 32649, ...)");
            }
            List<String> layout = BandLayout.parse(bands, raster.bandCount());
            PixelGrid grid = raster.pixelGrid();
            GroundPixels ground = GroundPixels.of(grid, raster.width(), raster.height());
            Reprojection toStorage = Reprojection.from(grid.crs(), Crs.STORAGE);
            Polygon footprint = (Polygon) toStorage.apply(outline(grid, raster.width(), raster.height()));
            Jurisdiction jurisdiction = Jurisdiction.of(store);
            List<String> notes = new ArrayList<>();
            Double coverage = jurisdiction.coveragePercent(footprint);
            if (coverage != null && coverage == 0) {
                notes.add("The epoch does not cover the jurisdiction");
            }
            if (maskRaster != null) {
                if (layout.contains("CLOUD_MASK") || layout.contains("QA_PIXEL")) {
                    throw new ImageryRefused("TWO_MASKS", "The band layout names a mask band and a separate cloud mask is given too: give one");
                }
                if (maskRaster.width() != raster.width() || maskRaster.height() != raster.height()
                        || (maskRaster.crs() != null && !maskRaster.pixelGrid().sameAs(grid, raster.width(), raster.height()))) {
                    throw new ImageryRefused("MASK_GRID", "The cloud mask " + mask.getFileName() + " (" + maskRaster.width() + " × "
                            + maskRaster.height() + " px) does not lie on the grid of " + file.getFileName() + " (" + raster.width() + " × "
                            + raster.height() + " px): write it on the image's grid");
                }
            }
            Double cloud = maskRaster != null ? cloudPercent(maskRaster, 0, -1, false, grid, toStorage, jurisdiction, notes)
                    : cloudPercent(raster, layout, grid, toStorage, jurisdiction, notes);
            notes.addAll(BandRoles.of(layout.stream().filter(r -> !r.equals("CLOUD_MASK") && !r.equals("QA_PIXEL")).toList()).limitations());
            ImageryEpoch epoch = new ImageryEpoch(0, name, sensor, acquired, Math.sqrt(ground.typical()), "EPSG:" + epsg, layout, cloud,
                    location(file), footprint, clock.instant(), mask == null ? null : location(mask));
            return new Registered(epoch, coverage, notes);
        }
    }

    /** The image's outline, 16 points an edge (edges are not straight in CGCS2000 degrees when the image is projected). */
    static Polygon outline(PixelGrid grid, int width, int height) {
        List<Coordinate> ring = new ArrayList<>();
        int steps = 16;
        double[][] corners = {{0, 0}, {width, 0}, {width, height}, {0, height}};
        for (int c = 0; c < 4; c++) {
            double[] from = corners[c];
            double[] to = corners[(c + 1) % 4];
            for (int i = 0; i < steps; i++) {
                double column = from[0] + (to[0] - from[0]) * i / steps;
                double row = from[1] + (to[1] - from[1]) * i / steps;
                ring.add(new Coordinate(grid.x(column, row), grid.y(column, row)));
            }
        }
        ring.add(new Coordinate(ring.get(0)));
        return new GeometryFactory().createPolygon(ring.toArray(Coordinate[]::new));
    }

    /**
     * The share of cloud among the image's valid pixels within the jurisdiction, from a grid of sampled pixels (rows read
     * in order, whole width, as the detection reads them); null without a mask band or where the image misses the
     * jurisdiction.
     */
    private static Double cloudPercent(EpochRaster raster, List<String> layout, PixelGrid grid, Reprojection toStorage,
                                       Jurisdiction jurisdiction, List<String> notes) {
        int qa = layout.indexOf("QA_PIXEL");
        int mask = qa >= 0 ? qa : layout.indexOf("CLOUD_MASK");
        if (mask < 0) {
            notes.add("No mask band (CLOUD_MASK or QA_PIXEL) declared: the cloud cover is unknown");
            return null;
        }
        int bits = qa >= 0 ? 0b1_1110 : -1; // QA_PIXEL: dilated cloud, cirrus, cloud, shadow (fill is not cloud)
        return cloudPercent(raster, mask, bits, qa >= 0, grid, toStorage, jurisdiction, notes);
    }

    /** The share of pixels with any of the bits set in the mask band, among the valid ones within the jurisdiction. */
    private static Double cloudPercent(EpochRaster raster, int mask, int bits, boolean qaFill, PixelGrid grid, Reprojection toStorage,
                                       Jurisdiction jurisdiction, List<String> notes) {
        GeometryFactory factory = new GeometryFactory();
        long inside = 0;
        long cloudy = 0;
        int rows = Math.min(SAMPLE_ROWS, raster.height());
        int columns = Math.min(SAMPLE_COLUMNS, raster.width());
        for (int r = 0; r < rows; r++) {
            int row = (int) ((r + 0.5) * raster.height() / rows);
            Bands line = raster.read(0, row, raster.width(), 1);
            for (int c = 0; c < columns; c++) {
                int column = (int) ((c + 0.5) * raster.width() / columns);
                Coordinate there = new Coordinate(grid.x(column + 0.5, row + 0.5), grid.y(column + 0.5, row + 0.5));
                if (jurisdiction.known() && !jurisdiction.contains(toStorage.apply(factory.createPoint(there)))) {
                    continue;
                }
                float value = line.values()[mask][column];
                if (Float.isNaN(value) || (qaFill && ((int) value & 1) != 0)) {
                    continue; // nodata or fill
                }
                inside++;
                if (((int) value & bits) != 0) {
                    cloudy++;
                }
            }
        }
        if (inside == 0) {
            notes.add("No valid pixel of the epoch lies within the jurisdiction: the cloud cover there is unknown");
            return null;
        }
        return Math.round(1000.0 * cloudy / inside) / 10.0;
    }

    private Path inFolder(String path) {
        if (path == null || path.isBlank()) {
            throw new ImageryRefused("MISSING", "Give the file: upload it (file) or name it in the imagery folder (path)");
        }
        Path file = folder.resolve(path.strip()).toAbsolutePath().normalize();
        if (!file.startsWith(folder)) {
            throw new ImageryRefused("OUTSIDE_FOLDER", "The path " + path + " leads outside the imagery folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageryRefused("NOT_FOUND", "No file " + path + " in the imagery folder");
        }
        return file;
    }

    /** Writes an upload into the imagery folder's {@code uploads}, forced to disk, under a name from the epoch's. */
    private Path upload(String fileName, byte[] content) {
        try {
            Path uploads = Files.createDirectories(folder.resolve("uploads"));
            Path file = uploads.resolve(fileName);
            if (Files.exists(file)) {
                throw new ImageryRefused("NAME_TAKEN", "A file " + folder.relativize(file) + " is in the imagery folder already");
            }
            Path partial = Files.createTempFile(uploads, ".upload-", ".partial");
            Files.write(partial, content);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the upload into " + folder, e);
        }
    }

    /** Where the file is for the register: relative to the data directory when inside it, else its absolute URI. */
    private String location(Path file) {
        return file.startsWith(dataDir) ? dataDir.relativize(file).toString().replace('\\', '/') : file.toUri().toString();
    }

    private LocalDate acquired(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(required(text, "acquired").strip());
        } catch (DateTimeParseException e) {
            throw new ImageryRefused("BAD_DATE", "The acquisition date " + text + " is not a day like 2026-11-28");
        }
        if (day.isAfter(LocalDate.ofInstant(clock.instant(), Deadlines.CHINA))) {
            throw new ImageryRefused("BAD_DATE", "The acquisition date " + day + " lies in the future");
        }
        return day;
    }

    private static String required(String value, String part) {
        if (value == null || value.isBlank()) {
            throw new ImageryRefused("MISSING", "The " + part + " is missing");
        }
        return value;
    }

    private static String baseName(String path) {
        if (path == null) {
            return null;
        }
        String file = Path.of(path).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray upload is found by its name and refused again: never registered
        }
    }
}
