package org.terrawatch.rendering.raster;

import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.Crs;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;

/**
 * One imagery epoch, ready to draw: a pyramid of resolutions, level k with pixels 2^k times the image's (each level
 * the one before halved, pixels averaged, nodata left out) down to 64 pixels a side ({@link ImageryLevels}); where
 * the pixels lie (pixel corner → CRS); and the 2 %–98 % range of each band for the display stretch. Only the coarse
 * levels stay in memory; a map takes from the level it is drawn at just the window it covers.
 */
public final class Imagery {

    /** Pixels a level may have to be kept in memory (about 8 MB for four bands). */
    public static final long IN_MEMORY_PIXELS = 1 << 20;

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
    private final ImageryLevels levels;

    private Imagery(String name, Crs crs, AffineTransform gridToCrs, List<String> bandRoles, int nodata, EpochRaster source,
                    long inMemoryPixels) {
        this.name = Objects.requireNonNull(name, "name");
        this.crs = crs;
        this.gridToCrs = gridToCrs;
        this.bandRoles = bandRoles.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
        this.nodata = nodata;
        this.source = source;
        this.levels = ImageryLevels.build(source, nodata, inMemoryPixels);
    }

    /**
     * The imagery of an opened epoch, its pyramid built now (one pass over the file).
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
        return levels.stretch()[band];
    }

    /** The band of a role, or -1. */
    public int band(String role) {
        return bandRoles.indexOf(role);
    }

    /** How many levels the pyramid has (level 0 is the full resolution). */
    public int levels() {
        return levels.count();
    }

    public int width(int level) {
        return levels.width(level);
    }

    public int height(int level) {
        return levels.height(level);
    }

    /** The pixels held in memory, all levels and bands counted once. */
    public long pixelsInMemory() {
        return levels.pixelsInMemory();
    }

    /**
     * A window of a level, in the level's pixels: the whole level where it is in memory, else the window (clipped to
     * the level) read from the pyramid's scratch file or, at full resolution, from the image itself.
     */
    public Level window(int level, int column, int row, int w, int h) {
        if (!levels.fromImage(level)) {
            return levels.window(level, column, row, w, h);
        }
        int x0 = Math.max(0, column);
        int y0 = Math.max(0, row);
        int width = Math.max(0, Math.min(source.width(), column + w) - x0);
        int height = Math.max(0, Math.min(source.height(), row + h) - y0);
        short[][] out = new short[source.bandCount()][width * height];
        if (width > 0 && height > 0) {
            Bands read = source.read(x0, y0, width, height);
            for (int band = 0; band < out.length; band++) {
                float[] values = read.values()[band];
                for (int i = 0; i < values.length; i++) {
                    out[band][i] = ImageryLevels.sample(values[i], nodata);
                }
            }
            source.forgetBlocks(); // a wide window may have left whole-width blocks decoded; the next map reads anew
        }
        return new Level(x0, y0, width, height, out);
    }
}
