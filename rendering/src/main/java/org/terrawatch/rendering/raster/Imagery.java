package org.terrawatch.rendering.raster;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.Crs;

/**
 * One imagery epoch in memory, ready to draw: its bands at full resolution and at each overview level (every
 * level half the one before, pixels averaged, nodata left out), where its pixels lie (pixel corner → CRS), and
 * the 2 %–98 % range of each band for the display stretch. Built once per file.
 *
 * @param bandRoles the role of each band (BLUE, GREEN, RED, NIR, ...), upper case
 * @param nodata    the value that marks no data (shown transparent)
 */
public record Imagery(String name, Crs crs, AffineTransform gridToCrs, List<String> bandRoles, int nodata, List<Level> levels,
                      double[][] stretch) {

    /** One resolution: width × height pixels, band-major samples as unsigned 16-bit values. */
    public record Level(int width, int height, short[][] bands) {

        int sample(int band, int x, int y) {
            return bands[band][y * width + x] & 0xffff;
        }
    }

    public Imagery {
        Objects.requireNonNull(name, "name");
        bandRoles = bandRoles.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
        levels = List.copyOf(levels);
    }

    /** The band of a role, or -1. */
    public int band(String role) {
        return bandRoles.indexOf(role);
    }

    /** Builds the overviews of full-resolution bands and the display stretch. */
    public static Imagery of(String name, Crs crs, AffineTransform gridToCrs, List<String> bandRoles, int nodata, Level full) {
        List<Level> levels = new ArrayList<>(List.of(full));
        Level level = full;
        while (level.width() > 64 && level.height() > 64) {
            level = halve(level, nodata);
            levels.add(level);
        }
        Level sample = levels.get(Math.min(levels.size() - 1, 1));
        double[][] stretch = new double[full.bands().length][];
        for (int band = 0; band < stretch.length; band++) {
            stretch[band] = percentiles(sample.bands()[band], nodata);
        }
        return new Imagery(name, crs, gridToCrs, bandRoles, nodata, levels, stretch);
    }

    private static Level halve(Level level, int nodata) {
        int width = level.width() / 2;
        int height = level.height() / 2;
        short[][] bands = new short[level.bands().length][width * height];
        for (int band = 0; band < bands.length; band++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int sum = 0;
                    int count = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int value = level.sample(band, 2 * x + dx, 2 * y + dy);
                            if (value != nodata) {
                                sum += value;
                                count++;
                            }
                        }
                    }
                    bands[band][y * width + x] = (short) (count == 0 ? nodata : sum / count);
                }
            }
        }
        return new Level(width, height, bands);
    }

    private static double[] percentiles(short[] samples, int nodata) {
        int[] histogram = new int[65536];
        int count = 0;
        for (short sample : samples) {
            int value = sample & 0xffff;
            if (value != nodata) {
                histogram[value]++;
                count++;
            }
        }
        if (count == 0) {
            return new double[] {0, 1};
        }
        double low = -1;
        double high = -1;
        int seen = 0;
        for (int value = 0; value < histogram.length; value++) {
            seen += histogram[value];
            if (low < 0 && seen >= 0.02 * count) {
                low = value;
            }
            if (high < 0 && seen >= 0.98 * count) {
                high = value;
                break;
            }
        }
        return new double[] {low, Math.max(high, low + 1)};
    }
}
