package org.terrawatch.change;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.raster.EpochRaster;

/**
 * The detection from the command line, for benchmarks and batch runs outside the server:
 * {@code DetectChanges BEFORE.tif AFTER.tif OUT.geojsons [--bands BLUE,GREEN,RED,NIR] [--min-area M2] [--threads N]}.
 * Writes one GeoJSON feature per line (the image's CRS) with pixels, area and direction, and prints a summary.
 */
public final class DetectChanges {

    private DetectChanges() {
    }

    public static void main(String[] arguments) throws IOException {
        if (arguments.length < 3) {
            System.err.println("Usage: DetectChanges BEFORE.tif AFTER.tif OUT.geojsons [--bands BLUE,GREEN,RED,NIR] [--min-area M2] [--threads N]");
            System.exit(2);
        }
        List<String> bands = List.of("BLUE", "GREEN", "RED", "NIR");
        DetectionSettings settings = DetectionSettings.DEFAULTS;
        for (int i = 3; i + 1 < arguments.length; i += 2) {
            switch (arguments[i]) {
                case "--bands" -> bands = Arrays.asList(arguments[i + 1].split(","));
                case "--min-area" -> settings = settings.withMinimumArea(Double.parseDouble(arguments[i + 1]));
                case "--threads" -> settings = settings.withThreads(Integer.parseInt(arguments[i + 1]));
                default -> throw new IllegalArgumentException("Unknown option " + arguments[i]);
            }
        }
        long start = System.nanoTime();
        GeoJsonWriter geojson = new GeoJsonWriter(3);
        geojson.setEncodeCRS(false);
        long[] written = new long[1];
        DetectionSummary summary;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(arguments[2]), StandardCharsets.UTF_8);
             EpochPair pair = new EpochPair(EpochRaster.open(Path.of(arguments[0])), EpochRaster.open(Path.of(arguments[1])), null, null)) {
            summary = ChangeDetection.run(pair, BandRoles.of(bands), settings, change -> {
                try {
                    out.write("{\"type\":\"Feature\",\"geometry\":" + geojson.write(change.outline()) + ",\"properties\":{\"pixels\":"
                            + change.pixels() + ",\"area\":" + Math.round(change.planarAreaM2()) + ",\"direction\":\"" + change.direction() + "\"}}\n");
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, (percent, message) -> {
                if (percent % 10 == 0 || percent == 5) {
                    System.err.printf("%5.1f s %3d %% %s%n", (System.nanoTime() - start) / 1e9, percent, message);
                }
            });
        }
        System.out.printf("{\"width\":%d,\"height\":%d,\"threshold\":%.3f,\"changed_pixels\":%d,\"areas\":%d,\"written\":%d,\"seconds\":%.1f}%n",
                summary.width(), summary.height(), summary.threshold(), summary.changedPixels(), summary.areas(), written[0],
                (System.nanoTime() - start) / 1e9);
    }
}
