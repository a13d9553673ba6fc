package org.terrawatch.change;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.PixelGrid;
import org.terrawatch.raster.RasterException;

/**
 * The detection from the command line, for benchmarks and batch runs outside the server:
 * {@code DetectChanges BEFORE.tif AFTER.tif OUT.geojsons [--bands BLUE,GREEN,RED,NIR] [--min-area M2] [--simplify M] [--threads N]}.
 * Writes one GeoJSON feature per line (the image's CRS, with the decimals that keep a hundredth of a pixel) with
 * pixels, ground area in m² and direction, and prints a summary with its notes. Bad arguments and unreadable or
 * unfitting epochs are answered with a message and exit status 2 (1 for a failure while running); the output file is
 * written beside itself and moved into place only when the run succeeds, so a failed run leaves an existing file as
 * it was.
 */
public final class DetectChanges {

    static final String USAGE = "Usage: DetectChanges BEFORE.tif AFTER.tif OUT.geojsons [--bands BLUE,GREEN,RED,NIR] "
            + "[--min-area M2] [--simplify M] [--threads N]";

    /** What the command line asked for. */
    record Arguments(Path before, Path after, Path output, List<String> bands, DetectionSettings settings) {
    }

    /** Arguments the command cannot run with: the message says which and why. */
    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message);
        }
    }

    private DetectChanges() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    /** Runs the command; the exit status: 0 done, 1 failed while running, 2 refused before running. */
    static int run(String[] arguments, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = parse(arguments);
        } catch (BadArguments e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            DetectionSummary summary = detect(parsed, err);
            out.println(summaryJson(summary));
            return 0;
        } catch (RasterException | IllegalArgumentException e) {
            err.println("DetectChanges: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("DetectChanges failed: " + e.getMessage() + "; " + parsed.output() + " was left as it was");
            return 1;
        }
    }

    static Arguments parse(String[] arguments) {
        if (arguments.length < 3) {
            throw new BadArguments("Three files are needed: the before-epoch, the after-epoch and the output");
        }
        Path before = existing(arguments[0], "before-epoch");
        Path after = existing(arguments[1], "after-epoch");
        Path output = Path.of(arguments[2]);
        Path folder = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output) || folder == null || !Files.isDirectory(folder)) {
            throw new BadArguments("The output " + output + " must be a file in an existing folder");
        }
        List<String> bands = List.of("BLUE", "GREEN", "RED", "NIR");
        DetectionSettings settings = DetectionSettings.DEFAULTS;
        for (int i = 3; i < arguments.length; i += 2) {
            String option = arguments[i];
            if (i + 1 >= arguments.length) {
                throw new BadArguments("The option " + option + " needs a value");
            }
            String value = arguments[i + 1];
            switch (option) {
                case "--bands" -> bands = Arrays.stream(value.split(",")).map(String::trim).map(b -> b.toUpperCase(Locale.ROOT)).toList();
                case "--min-area" -> settings = settings.withMinimumArea(number(option, value, 0, Double.MAX_VALUE));
                case "--simplify" -> settings = settings.withSimplification(number(option, value, 0, 1_000));
                case "--threads" -> settings = settings.withThreads((int) number(option, value, 1, 256));
                default -> throw new BadArguments("Unknown option " + option);
            }
        }
        if (bands.isEmpty() || bands.stream().anyMatch(String::isEmpty)) {
            throw new BadArguments("--bands names every band of the epochs in file order, e.g. RED,GREEN,BLUE");
        }
        return new Arguments(before, after, output, bands, settings);
    }

    private static Path existing(String name, String what) {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadArguments("The " + what + " " + name + " is not a readable file");
        }
        return file;
    }

    private static double number(String option, String value, double min, double max) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadArguments(option + " takes a number, not " + value);
        }
        if (!(parsed >= min && parsed <= max) || (option.equals("--threads") && parsed != Math.rint(parsed))) {
            throw new BadArguments(option + " " + value + " is out of range");
        }
        return parsed;
    }

    private static DetectionSummary detect(Arguments arguments, PrintStream err) throws IOException {
        long start = System.nanoTime();
        Path partial = Files.createTempFile(arguments.output().toAbsolutePath().getParent(), ".detect-", ".partial");
        try {
            DetectionSummary summary;
            try (EpochPair pair = new EpochPair(EpochRaster.open(arguments.before()), EpochRaster.open(arguments.after()), null, null);
                 BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                GeoJsonWriter geojson = new GeoJsonWriter(decimals(pair.grid()));
                geojson.setEncodeCRS(false);
                summary = ChangeDetection.run(pair, BandRoles.of(arguments.bands()), arguments.settings(), change -> {
                    try {
                        out.write("{\"type\":\"Feature\",\"geometry\":" + geojson.write(change.outline()) + ",\"properties\":{\"pixels\":"
                                + change.pixels() + ",\"area\":" + String.format(Locale.ROOT, "%.1f", change.areaM2())
                                + ",\"direction\":\"" + change.direction() + "\"}}\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, (percent, message) -> {
                    if (percent % 10 == 0 || percent == 5) {
                        err.printf(Locale.ROOT, "%5.1f s %3d %% %s%n", (System.nanoTime() - start) / 1e9, percent, message);
                    }
                });
            }
            Files.move(partial, arguments.output(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Decimals that keep a hundredth of a pixel: 2 for 2 m pixels, 6 for pixels of 0.0001°. */
    static int decimals(PixelGrid grid) {
        double pixel = Math.sqrt(grid.pixelArea());
        return (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(pixel / 100) - 1e-9)));
    }

    static String summaryJson(DetectionSummary summary) {
        StringBuilder notes = new StringBuilder();
        for (String note : summary.notes()) {
            notes.append(notes.length() == 0 ? "" : ",").append('"').append(note.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return String.format(Locale.ROOT, "{\"width\":%d,\"height\":%d,\"resampled\":%b,\"pixel_area_m2\":%.3f,\"threshold\":%.3f,"
                        + "\"changed_pixels\":%d,\"areas\":%d,\"kept\":%d,\"largest_dropped_m2\":%.1f,\"notes\":[%s]}",
                summary.width(), summary.height(), summary.resampled(), summary.pixelAreaM2(), summary.threshold(),
                summary.changedPixels(), summary.areas(), summary.kept(), summary.largestDroppedM2(), notes);
    }
}
