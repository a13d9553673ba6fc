package org.terrawatch.rendering.raster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;

/**
 * The levels of an imagery epoch's pyramid, built in one pass over the file: level k is level k − 1 halved (each
 * pixel the integer mean of the 2 × 2 it covers, nodata left out; an odd last row or column dropped). Levels of at
 * most a given number of pixels are kept in memory; the larger ones above them — except the full resolution, which
 * the file itself serves — go to a scratch file (uncompressed, a third of the image's size at most, gone with the
 * server even when it is killed) from which any window reads back in one positioned read per row and band, like
 * GDAL's external overviews. Heap use stays a few megabytes whatever the image's size, and a map at any scale reads
 * about as many pixels as it shows.
 */
final class ImageryLevels {

    /** Samples per band read from the image at once while the levels are built. */
    private static final int READ_SAMPLES = 1 << 19;
    /** The pyramid ends at the first level with a side of at most this many pixels. */
    private static final int SMALLEST_SIDE = 64;
    /**
     * The stretch is taken on level 1, or on the first level of at most this many pixels if that is coarser: the same
     * level whatever is kept in memory.
     */
    private static final long STRETCH_PIXELS = 1 << 20;

    private final int bands;
    private final int nodata;
    private final int[] widths;
    private final int[] heights;
    private final int firstInMemory;
    private final short[][][] inMemory; // [level][band][row * width + column], null below firstInMemory
    private final long[] offsets; // where a level starts in the scratch file, -1 where it is not there
    private final FileChannel scratch;
    private final double[][] stretch;
    private int[][] histograms; // of the stretch level's samples, while the levels are built
    private final int stretchLevel;
    private final int[] rowsDone;
    private final short[][][] pending; // [level][band][column]: a row of level k waiting for its pair, or null

    private ImageryLevels(EpochRaster source, int nodata, long inMemoryPixels) throws IOException {
        this.bands = source.bandCount();
        this.nodata = nodata;
        int levels = 1;
        while (source.width() >> (levels - 1) > SMALLEST_SIDE && source.height() >> (levels - 1) > SMALLEST_SIDE) {
            levels++;
        }
        this.widths = new int[levels];
        this.heights = new int[levels];
        int first = levels - 1;
        for (int k = levels - 1; k >= 0; k--) {
            widths[k] = source.width() >> k;
            heights[k] = source.height() >> k;
            if ((long) widths[k] * heights[k] <= inMemoryPixels) {
                first = k;
            }
        }
        this.firstInMemory = first;
        this.inMemory = new short[levels][][];
        this.offsets = new long[levels];
        long end = 0;
        for (int k = 0; k < levels; k++) {
            offsets[k] = -1;
            if (k >= firstInMemory) {
                inMemory[k] = new short[bands][widths[k] * heights[k]];
            } else if (k > 0) {
                offsets[k] = end;
                end += 2L * bands * widths[k] * heights[k];
            }
        }
        this.scratch = end == 0 ? null : scratchFile();
        int stretchAt = Math.min(levels - 1, 1);
        while (stretchAt < levels - 1 && (long) widths[stretchAt] * heights[stretchAt] > STRETCH_PIXELS) {
            stretchAt++;
        }
        this.stretchLevel = stretchAt;
        this.histograms = new int[bands][65536];
        this.rowsDone = new int[levels];
        this.pending = new short[levels][][];
        build(source);
        this.stretch = new double[bands][];
        for (int band = 0; band < bands; band++) {
            stretch[band] = percentiles(histograms[band]);
        }
        histograms = null;
    }

    /**
     * Builds the levels of an epoch.
     *
     * @param inMemoryPixels the most pixels a level kept in memory may have
     */
    static ImageryLevels build(EpochRaster source, int nodata, long inMemoryPixels) {
        try {
            return new ImageryLevels(source, nodata, inMemoryPixels);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the imagery's levels to a scratch file: " + e.getMessage(), e);
        }
    }

    /**
     * A scratch file, unlinked as soon as it is open where the system allows it (it then vanishes with the channel,
     * even if the server is killed), else deleted when the channel closes or the server stops.
     */
    private static FileChannel scratchFile() throws IOException {
        Path file = Files.createTempFile("terrawatch-imagery-", ".levels");
        file.toFile().deleteOnExit();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an open file cannot be unlinked here: it goes when the channel closes
        }
        return channel;
    }

    /** Whether a level is served by the image file itself (the full resolution, when too large to keep). */
    boolean fromImage(int level) {
        return level < firstInMemory && offsets[level] < 0;
    }

    /** How many levels there are (level 0 is the full resolution). */
    int count() {
        return widths.length;
    }

    int width(int level) {
        return widths[level];
    }

    int height(int level) {
        return heights[level];
    }

    /** The pixels held in memory, all levels counted once. */
    long pixelsInMemory() {
        long pixels = 0;
        for (int k = firstInMemory; k < widths.length; k++) {
            pixels += (long) widths[k] * heights[k];
        }
        return pixels;
    }

    /** The 2 %–98 % range of each band on the stretch level. */
    double[][] stretch() {
        return stretch;
    }

    /** A window of a level that is not served by the image file, clipped to the level. */
    Imagery.Level window(int level, int column, int row, int w, int h) {
        if (level >= firstInMemory) {
            return new Imagery.Level(0, 0, widths[level], heights[level], inMemory[level]);
        }
        int x0 = Math.max(0, column);
        int y0 = Math.max(0, row);
        int x1 = Math.min(widths[level], column + w);
        int y1 = Math.min(heights[level], row + h);
        int width = Math.max(0, x1 - x0);
        int height = Math.max(0, y1 - y0);
        short[][] out = new short[bands][width * height];
        if (width > 0 && height > 0) {
            ByteBuffer buffer = ByteBuffer.allocate(2 * width).order(ByteOrder.nativeOrder());
            ShortBuffer shorts = buffer.asShortBuffer();
            try {
                for (int y = y0; y < y1; y++) {
                    for (int band = 0; band < bands; band++) {
                        buffer.clear();
                        long position = offsets[level] + 2 * (((long) y * bands + band) * widths[level] + x0);
                        while (buffer.hasRemaining()) {
                            if (scratch.read(buffer, position + buffer.position()) < 0) {
                                throw new IOException("the scratch file ends early");
                            }
                        }
                        shorts.clear();
                        shorts.get(out[band], (y - y0) * width, width);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the imagery's levels: " + e.getMessage(), e);
            }
        }
        return new Imagery.Level(x0, y0, width, height, out);
    }

    /** Reads the image once, top to bottom, and passes its rows down the pyramid. */
    private void build(EpochRaster source) {
        int width = widths[0];
        short[][] row = new short[bands][width];
        source.scan(Math.max(1, READ_SAMPLES / Math.max(1, width)), read -> {
            for (int y = 0; y < read.height(); y++) {
                for (int band = 0; band < bands; band++) {
                    float[] values = read.values()[band];
                    short[] samples = row[band];
                    int offset = y * width;
                    for (int x = 0; x < width; x++) {
                        samples[x] = sample(values[offset + x], nodata);
                    }
                }
                push(0, row);
            }
        });
    }

    /** A row of a level arrives: keep it, and halve it with the row before it into the next level. */
    private void push(int level, short[][] row) {
        int y = rowsDone[level]++;
        if (level == stretchLevel) {
            for (int band = 0; band < bands; band++) {
                for (short sample : row[band]) {
                    int value = sample & 0xffff;
                    if (value != nodata) {
                        histograms[band][value]++;
                    }
                }
            }
        }
        if (level >= firstInMemory) {
            for (int band = 0; band < bands; band++) {
                System.arraycopy(row[band], 0, inMemory[level][band], y * widths[level], widths[level]);
            }
        } else if (offsets[level] >= 0) {
            ByteBuffer buffer = ByteBuffer.allocate(2 * bands * widths[level]).order(ByteOrder.nativeOrder());
            for (int band = 0; band < bands; band++) {
                buffer.asShortBuffer().position(band * widths[level]).put(row[band], 0, widths[level]);
            }
            long position = offsets[level] + 2L * y * bands * widths[level];
            try {
                while (buffer.hasRemaining()) {
                    scratch.write(buffer, position + buffer.position());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the imagery's levels to a scratch file: " + e.getMessage(), e);
            }
        }
        int next = level + 1;
        if (next >= widths.length) {
            return;
        }
        if (pending[next] == null) {
            pending[next] = new short[bands][];
            for (int band = 0; band < bands; band++) {
                pending[next][band] = row[band].clone();
            }
            return;
        }
        short[][] halved = new short[bands][widths[next]];
        for (int band = 0; band < bands; band++) {
            short[] upper = pending[next][band];
            short[] lower = row[band];
            for (int x = 0; x < widths[next]; x++) {
                halved[band][x] = mean(upper[2 * x], upper[2 * x + 1], lower[2 * x], lower[2 * x + 1]);
            }
        }
        pending[next] = null;
        push(next, halved);
    }

    /** A value as read (a float; NaN where the file has none) as an unsigned 16-bit sample. */
    static short sample(float value, int nodata) {
        int integer = (int) value; // clamps to the int range
        return (short) (value != value ? nodata : integer < 0 ? 0 : integer > 65535 ? 65535 : integer);
    }

    /** The integer mean of four samples, nodata left out (nodata if all four are). */
    private short mean(short a, short b, short c, short d) {
        int sum = valid(a) + valid(b) + valid(c) + valid(d);
        int count = counts(a) + counts(b) + counts(c) + counts(d);
        return (short) (count == 0 ? nodata : sum / count);
    }

    /** A sample's value, or 0 for nodata. */
    private int valid(short sample) {
        int value = sample & 0xffff;
        return value == nodata ? 0 : value;
    }

    /** 1 for a sample with a value, 0 for nodata. */
    private int counts(short sample) {
        return (sample & 0xffff) == nodata ? 0 : 1;
    }

    private static double[] percentiles(int[] histogram) {
        long count = 0;
        for (int n : histogram) {
            count += n;
        }
        if (count == 0) {
            return new double[] {0, 1};
        }
        double low = -1;
        double high = -1;
        long seen = 0;
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
