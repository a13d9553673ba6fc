package org.terrawatch.rendering.raster;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.Crs;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;

/**
 * One imagery epoch, ready to draw: a pyramid of resolutions, level k with pixels 2^k times the image's (each the
 * mean of those it covers, nodata left out), down to 64 pixels a side. The coarse levels, from the first of at most
 * a given number of pixels, are built once and kept in memory; the finer ones are read from the file window by window
 * as a map needs them, so an epoch of any size costs the server a few megabytes. Also where the pixels lie (pixel
 * corner → CRS) and the 2 %–98 % range of each band for the display stretch.
 */
public final class Imagery {

    /** Pixels a level may have to be kept in memory (about 8 MB for four bands). */
    public static final long IN_MEMORY_PIXELS = 1 << 20;
    /** Samples per band read from the file at once while a window is averaged. */
    private static final int READ_SAMPLES = 1 << 21;
    private static final int SMALLEST_SIDE = 64;

    /** A window of one level: width × height pixels from (column, row) of the level, band-major, unsigned 16-bit. */
    public record Level(int column, int row, int width, int height, short[][] bands) {

        /** The sample at (x, y) in the level's pixels. */
        int sample(int band, int x, int y) {
            return bands[band][(y - row) * width + (x - column)] & 0xffff;
        }
    }

    private final String name;
    private final Crs crs;
    private final AffineTransform gridToCrs;
    private final List<String> bandRoles;
    private final int nodata;
    private final EpochRaster source;
    private final int levels;
    private final int firstInMemory;
    private final List<Level> inMemory;
    private final double[][] stretch;

    private Imagery(String name, Crs crs, AffineTransform gridToCrs, List<String> bandRoles, int nodata, EpochRaster source,
                    long inMemoryPixels) {
        this.name = Objects.requireNonNull(name, "name");
        this.crs = crs;
        this.gridToCrs = gridToCrs;
        this.bandRoles = bandRoles.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
        this.nodata = nodata;
        this.source = source;
        int count = 1;
        while (source.width() >> (count - 1) > SMALLEST_SIDE && source.height() >> (count - 1) > SMALLEST_SIDE) {
            count++;
        }
        this.levels = count;
        int first = 0;
        while (first < levels - 1 && (long) (source.width() >> first) * (source.height() >> first) > inMemoryPixels) {
            first++;
        }
        this.firstInMemory = first;
        List<Level> kept = new ArrayList<>();
        Level level = average(first, 0, 0, source.width() >> first, source.height() >> first);
        kept.add(level);
        for (int k = first + 1; k < levels; k++) {
            level = halve(level);
            kept.add(level);
        }
        this.inMemory = List.copyOf(kept);
        Level sample = kept.get(Math.min(kept.size() - 1, first == 0 ? 1 : 0));
        this.stretch = new double[source.bandCount()][];
        for (int band = 0; band < stretch.length; band++) {
            stretch[band] = percentiles(sample.bands()[band]);
        }
    }

    /**
     * The imagery of an opened epoch, its coarse levels built now.
     *
     * @param bandRoles      the role of each band (BLUE, GREEN, RED, NIR, ...)
     * @param nodata         the value that marks no data (shown transparent); a nodata value the file declares too
     * @param inMemoryPixels the most pixels a level kept in memory may have
     */
    public static Imagery of(String name, Crs crs, AffineTransform gridToCrs, List<String> bandRoles, int nodata, EpochRaster source,
                             long inMemoryPixels) {
        return new Imagery(name, crs, gridToCrs, bandRoles, nodata, source, inMemoryPixels);
    }

    public String name() {
        return name;
    }

    public Crs crs() {
        return crs;
    }

    /** Pixel corner of the full resolution → CRS. */
    public AffineTransform gridToCrs() {
        return gridToCrs;
    }

    public List<String> bandRoles() {
        return bandRoles;
    }

    public int nodata() {
        return nodata;
    }

    /** The 2 %–98 % range of a band. */
    public double[] stretch(int band) {
        return stretch[band];
    }

    /** The band of a role, or -1. */
    public int band(String role) {
        return bandRoles.indexOf(role);
    }

    /** How many levels the pyramid has (level 0 is the full resolution). */
    public int levels() {
        return levels;
    }

    public int width(int level) {
        return source.width() >> level;
    }

    public int height(int level) {
        return source.height() >> level;
    }

    /** The pixels held in memory, all levels and bands counted once. */
    public long pixelsInMemory() {
        return inMemory.stream().mapToLong(l -> (long) l.width() * l.height()).sum();
    }

    /**
     * A window of a level, in the level's pixels: the whole level where it is in memory, else read from the file
     * (the window clipped to the level).
     */
    public Level window(int level, int column, int row, int w, int h) {
        if (level >= firstInMemory) {
            return inMemory.get(level - firstInMemory);
        }
        int x0 = Math.max(0, column);
        int y0 = Math.max(0, row);
        int x1 = Math.min(width(level), column + w);
        int y1 = Math.min(height(level), row + h);
        return average(level, x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /** A window of a level read from the file: each pixel the mean of the 2^level × 2^level it covers. */
    private Level average(int level, int column, int row, int w, int h) {
        int factor = 1 << level;
        int bands = source.bandCount();
        short[][] out = new short[bands][w * h];
        if (w == 0 || h == 0) {
            return new Level(column, row, w, h, out);
        }
        long[][] sums = new long[bands][w];
        int[][] counts = new int[bands][w];
        int levelRowsPerRead = Math.max(1, READ_SAMPLES / (w * factor * factor));
        for (int first = 0; first < h; first += levelRowsPerRead) {
            int rows = Math.min(levelRowsPerRead, h - first);
            Bands read = source.read(column * factor, (row + first) * factor, w * factor, rows * factor);
            int readWidth = w * factor;
            for (int y = 0; y < rows; y++) {
                for (int band = 0; band < bands; band++) {
                    Arrays.fill(sums[band], 0);
                    Arrays.fill(counts[band], 0);
                    float[] values = read.values()[band];
                    for (int dy = 0; dy < factor; dy++) {
                        int base = (y * factor + dy) * readWidth;
                        for (int x = 0; x < readWidth; x++) {
                            float v = values[base + x];
                            if (!Float.isNaN(v) && (int) v != nodata) {
                                sums[band][x / factor] += Math.max(0, Math.min(65535, (int) v));
                                counts[band][x / factor]++;
                            }
                        }
                    }
                    for (int x = 0; x < w; x++) {
                        out[band][(first + y) * w + x] = (short) (counts[band][x] == 0 ? nodata : sums[band][x] / counts[band][x]);
                    }
                }
            }
        }
        source.forgetBlocks(); // a drawn window is read once; the epoch holds only its coarse levels between maps
        return new Level(column, row, w, h, out);
    }

    private Level halve(Level level) {
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
        return new Level(0, 0, width, height, bands);
    }

    private double[] percentiles(short[] samples) {
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
