package org.terrawatch.change.raster;

import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.PixelGrid;
import org.terrawatch.raster.RasterException;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.opengis.referencing.operation.TransformException;

/**
 * The two epochs of a comparison, read window by window on the before-epoch's grid. When the after-epoch lies on
 * another grid (other origin, pixel size or CRS) it is resampled onto the before-epoch's grid by nearest neighbour —
 * pixel values are never blended, so a change stays as sharp as it was imaged. Masked and nodata pixels read as NaN,
 * and so do pixels zero in every band: the fill GDAL and other tools put around a warped or clipped image when no
 * nodata value is declared, which would otherwise be compared as a very dark surface.
 */
public final class EpochPair implements AutoCloseable {

    private final EpochRaster before;
    private final EpochRaster after;
    private final CloudMask beforeMask;
    private final CloudMask afterMask;
    private final PixelGrid grid;
    private final PixelGrid afterGrid;
    private final MathTransform beforeToAfterCrs;
    private final boolean aligned;
    private final int originColumn;
    private final int originRow;
    private final int width;
    private final int height;
    private final boolean owner;
    private volatile boolean zeroFilled;

    /** @param beforeMask may be null; @param afterMask may be null */
    public EpochPair(EpochRaster before, EpochRaster after, CloudMask beforeMask, CloudMask afterMask) {
        int beforeBands = beforeMask == null ? before.bandCount() : beforeMask.spectralBands(before.bandCount());
        int afterBands = afterMask == null ? after.bandCount() : afterMask.spectralBands(after.bandCount());
        if (beforeBands != afterBands) {
            throw new RasterException("The epochs have different bands: " + before.file().getFileName() + " has "
                    + beforeBands + ", " + after.file().getFileName() + " has " + afterBands);
        }
        this.before = before;
        this.after = after;
        this.beforeMask = beforeMask;
        this.afterMask = afterMask;
        this.grid = before.pixelGrid();
        this.afterGrid = after.pixelGrid();
        checkMask(beforeMask, before);
        checkMask(afterMask, after);
        if ((grid.crs() == null) != (afterGrid.crs() == null)) {
            EpochRaster without = grid.crs() == null ? before : after;
            EpochRaster with = grid.crs() == null ? after : before;
            throw new RasterException(without.file().getFileName() + " has no coordinate reference system while "
                    + with.file().getFileName() + " is in " + name(with.pixelGrid()) + ": one cannot be placed on the other");
        }
        this.aligned = grid.sameAs(afterGrid, before.width(), before.height()) && before.width() == after.width()
                && before.height() == after.height();
        this.beforeToAfterCrs = aligned ? null : transform(grid.crs(), afterGrid.crs());
        this.originColumn = 0;
        this.originRow = 0;
        this.width = before.width();
        this.height = before.height();
        this.owner = true;
        if (!aligned && !overlap()) {
            throw new RasterException("The epochs do not overlap: " + after.file().getFileName() + " lies outside "
                    + before.file().getFileName());
        }
    }

    private EpochPair(EpochPair whole, int column, int row, int w, int h) {
        this.before = whole.before;
        this.after = whole.after;
        this.beforeMask = whole.beforeMask;
        this.afterMask = whole.afterMask;
        this.afterGrid = whole.afterGrid;
        this.aligned = whole.aligned;
        this.beforeToAfterCrs = whole.beforeToAfterCrs;
        PixelGrid g = whole.grid;
        this.grid = new PixelGrid(g.scaleX(), g.shearX(), g.x(column, row), g.shearY(), g.scaleY(), g.y(column, row), g.crs());
        this.originColumn = whole.originColumn + column;
        this.originRow = whole.originRow + row;
        this.width = w;
        this.height = h;
        this.owner = false;
    }

    /**
     * The part of the pair covering the given CRS envelope (x, y in the grid's CRS), or null when they do not meet.
     * Closing the part leaves the whole open.
     */
    public EpochPair window(double minX, double minY, double maxX, double maxY) {
        double[][] corners = {grid.pixelOf(minX, minY), grid.pixelOf(minX, maxY), grid.pixelOf(maxX, minY), grid.pixelOf(maxX, maxY)};
        double c0 = Double.POSITIVE_INFINITY;
        double r0 = Double.POSITIVE_INFINITY;
        double c1 = Double.NEGATIVE_INFINITY;
        double r1 = Double.NEGATIVE_INFINITY;
        for (double[] corner : corners) {
            c0 = Math.min(c0, corner[0]);
            r0 = Math.min(r0, corner[1]);
            c1 = Math.max(c1, corner[0]);
            r1 = Math.max(r1, corner[1]);
        }
        int column = (int) Math.max(0, Math.floor(c0));
        int row = (int) Math.max(0, Math.floor(r0));
        int endColumn = (int) Math.min(width, Math.ceil(c1));
        int endRow = (int) Math.min(height, Math.ceil(r1));
        if (endColumn - column < 1 || endRow - row < 1) {
            return null;
        }
        return new EpochPair(this, column, row, endColumn - column, endRow - row);
    }

    public PixelGrid grid() {
        return grid;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Spectral bands (mask bands left out). */
    public int bandCount() {
        return beforeMask == null ? before.bandCount() : beforeMask.spectralBands(before.bandCount());
    }

    /** Whether some of the after-epoch lies within the before-epoch (checked at its corners and middle). */
    private boolean overlap() {
        double[] point = new double[2];
        double minColumn = Double.POSITIVE_INFINITY;
        double minRow = Double.POSITIVE_INFINITY;
        double maxColumn = Double.NEGATIVE_INFINITY;
        double maxRow = Double.NEGATIVE_INFINITY;
        try {
            MathTransform afterToBefore = beforeToAfterCrs == null ? null : beforeToAfterCrs.inverse();
            for (double[] corner : new double[][] {{0, 0}, {after.width(), 0}, {0, after.height()}, {after.width(), after.height()},
                    {after.width() / 2.0, after.height() / 2.0}}) {
                point[0] = afterGrid.x(corner[0], corner[1]);
                point[1] = afterGrid.y(corner[0], corner[1]);
                if (afterToBefore != null) {
                    afterToBefore.transform(point, 0, point, 0, 1);
                }
                double[] here = grid.pixelOf(point[0], point[1]);
                minColumn = Math.min(minColumn, here[0]);
                maxColumn = Math.max(maxColumn, here[0]);
                minRow = Math.min(minRow, here[1]);
                maxRow = Math.max(maxRow, here[1]);
            }
        } catch (TransformException e) {
            throw new RasterException("Cannot map " + after.file().getFileName() + " onto " + before.file().getFileName() + ": " + e.getMessage(), e);
        }
        return maxColumn > 0 && minColumn < width && maxRow > 0 && minRow < height;
    }

    /** What resampling the pair does, in words for a detection's summary (only when the grids differ). */
    public String resampling() {
        return "The after-epoch " + after.file().getFileName() + " (" + after.width() + " × " + after.height() + " pixels of "
                + pixelSize(afterGrid) + " in " + name(afterGrid) + ") lies on another grid than the before-epoch "
                + before.file().getFileName() + " (" + before.width() + " × " + before.height() + " pixels of " + pixelSize(grid)
                + " in " + name(grid) + "): it was resampled onto the before-epoch's grid by nearest neighbour, and only "
                + "where both have data is change detected";
    }

    private static String pixelSize(PixelGrid grid) {
        return String.format(java.util.Locale.ROOT, "%.6g", Math.sqrt(grid.pixelArea()));
    }

    private static String name(PixelGrid grid) {
        return grid.crs() == null ? "no CRS" : grid.crs().getName().getCode();
    }

    /** Whether the after-epoch shares the before-epoch's grid (no resampling). */
    public boolean aligned() {
        return aligned;
    }

    /** A window of both epochs on the before-epoch's grid: {before, after}. */
    public Bands[] read(int windowColumn, int windowRow, int w, int h) {
        int column = originColumn + windowColumn;
        int row = originRow + windowRow;
        Bands first = before.read(column, row, w, h);
        if (beforeMask != null) {
            first = beforeMask.apply(first, column, row);
        }
        Bands second = aligned ? readAligned(column, row, w, h) : resampled(column, row, w, h);
        zeroFill(first);
        zeroFill(second);
        return new Bands[] {first, second};
    }

    /** Whether some pixel read so far was zero in every band and read as no data. */
    public boolean zeroFilled() {
        return zeroFilled;
    }

    /** Pixels zero in every band set to NaN, in place. */
    private void zeroFill(Bands window) {
        float[][] values = window.values();
        boolean found = false;
        for (int p = 0; p < window.pixels(); p++) {
            boolean zero = true;
            for (int b = 0; b < values.length && zero; b++) {
                zero = values[b][p] == 0;
            }
            if (zero) {
                for (float[] band : values) {
                    band[p] = Float.NaN;
                }
                found = true;
            }
        }
        if (found) {
            zeroFilled = true;
        }
    }

    private Bands readAligned(int column, int row, int w, int h) {
        Bands second = after.read(column, row, w, h);
        return afterMask == null ? second : afterMask.apply(second, column, row);
    }

    private Bands resampled(int column, int row, int w, int h) {
        int[] sourceColumn = new int[w * h];
        int[] sourceRow = new int[w * h];
        int minColumn = Integer.MAX_VALUE;
        int minRow = Integer.MAX_VALUE;
        int maxColumn = Integer.MIN_VALUE;
        int maxRow = Integer.MIN_VALUE;
        double[] point = new double[2];
        try {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    point[0] = grid.x(column - originColumn + x + 0.5, row - originRow + y + 0.5);
                    point[1] = grid.y(column - originColumn + x + 0.5, row - originRow + y + 0.5);
                    if (beforeToAfterCrs != null) {
                        beforeToAfterCrs.transform(point, 0, point, 0, 1);
                    }
                    double[] there = afterGrid.pixelOf(point[0], point[1]);
                    int p = y * w + x;
                    sourceColumn[p] = (int) Math.floor(there[0]);
                    sourceRow[p] = (int) Math.floor(there[1]);
                    minColumn = Math.min(minColumn, sourceColumn[p]);
                    maxColumn = Math.max(maxColumn, sourceColumn[p]);
                    minRow = Math.min(minRow, sourceRow[p]);
                    maxRow = Math.max(maxRow, sourceRow[p]);
                }
            }
        } catch (TransformException e) {
            throw new RasterException("Cannot map " + before.file().getFileName() + " onto " + after.file().getFileName() + ": " + e.getMessage(), e);
        }
        minColumn = Math.max(minColumn, -1);
        minRow = Math.max(minRow, -1);
        maxColumn = Math.min(maxColumn, after.width());
        maxRow = Math.min(maxRow, after.height());
        int bands = afterMask == null ? after.bandCount() : afterMask.spectralBands(after.bandCount());
        float[][] values = new float[bands][w * h];
        if (minColumn > maxColumn || minRow > maxRow) {
            for (float[] band : values) {
                java.util.Arrays.fill(band, Float.NaN);
            }
            return new Bands(w, h, values);
        }
        int sw = maxColumn - minColumn + 1;
        int sh = maxRow - minRow + 1;
        Bands source = after.read(minColumn, minRow, sw, sh);
        if (afterMask != null) {
            source = afterMask.apply(source, minColumn, minRow);
        }
        for (int p = 0; p < w * h; p++) {
            int sx = sourceColumn[p] - minColumn;
            int sy = sourceRow[p] - minRow;
            boolean inside = sx >= 0 && sy >= 0 && sx < sw && sy < sh;
            for (int b = 0; b < values.length; b++) {
                values[b][p] = inside ? source.values()[b][sy * sw + sx] : Float.NaN;
            }
        }
        return new Bands(w, h, values);
    }

    private static void checkMask(CloudMask mask, EpochRaster epoch) {
        if (mask == null) {
            return;
        }
        if (mask.raster() == null && (mask.band() < 0 || mask.band() >= epoch.bandCount())) {
            throw new RasterException(epoch.file().getFileName() + " has no band " + (mask.band() + 1) + " to mask with");
        }
        if (mask.raster() != null && (mask.raster().width() != epoch.width() || mask.raster().height() != epoch.height())) {
            throw new RasterException("The mask " + mask.raster().file().getFileName() + " does not lie on the grid of " + epoch.file().getFileName());
        }
    }

    private static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        if (from == null || to == null || org.apache.sis.util.Utilities.equalsIgnoreMetadata(from, to)) {
            return null;
        }
        try {
            return CRS.findOperation(from, to, null).getMathTransform();
        } catch (FactoryException e) {
            throw new RasterException("No transformation from " + from.getName() + " to " + to.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!owner) {
            return;
        }
        before.close();
        after.close();
        for (CloudMask mask : new CloudMask[] {beforeMask, afterMask}) {
            if (mask != null && mask.raster() != null) {
                mask.raster().close();
            }
        }
    }
}
