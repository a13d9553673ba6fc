package org.terrawatch.change;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridCoverageBuilder;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.geotiff.GeoTiffStore;

/**
 * Small synthetic 16-bit 4-band epochs (blue, green, red, NIR) in EPSG:4547 with 2 m pixels: fields of crop, bare
 * soil and forest with noise; the after-epoch has another gain and offset and planted changes.
 */
final class TestImages {

    static final int[] CROP = {450, 800, 500, 3600};
    static final int[] BARE = {1250, 1550, 1850, 2350};
    static final int[] FOREST = {300, 550, 300, 3000};
    static final int[] BUILT = {1450, 1500, 1600, 1800};
    static final int[] WATER = {550, 650, 420, 180};
    static final double PIXEL = 2.0;
    static final double EASTING = 500_000; // EPSG:4547 has no zone prefix: on its central meridian
    static final double NORTHING = 4_180_000;

    /** A planted change: pixel rectangle [column, row, width, height] and what it becomes. */
    record Planted(int[] box, int[] cover) {
    }

    private TestImages() {
    }

    static int[] landCover(int column, int row) {
        int field = Math.floorMod((column / 40) * 7 + (row / 40) * 3, 3);
        return field == 0 ? CROP : field == 1 ? BARE : FOREST;
    }

    static WritableRaster epoch(int width, int height, boolean after, Planted[] planted, long seed) {
        return epoch(width, height, after, planted, seed, 4);
    }

    /** The epoch's first bands only: 3 gives an RGB-like product (blue, green, red). */
    static WritableRaster epoch(int width, int height, boolean after, Planted[] planted, long seed, int bands) {
        WritableRaster raster = Raster.createBandedRaster(DataBuffer.TYPE_USHORT, width, height, bands, null);
        SplittableRandom random = new SplittableRandom(seed);
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int[] cover = landCover(column, row);
                if (after) {
                    for (Planted p : planted) {
                        if (column >= p.box[0] && column < p.box[0] + p.box[2] && row >= p.box[1] && row < p.box[1] + p.box[3]) {
                            cover = p.cover;
                        }
                    }
                }
                for (int b = 0; b < bands; b++) {
                    double value = cover[b] * (1 + random.nextGaussian() * 0.03);
                    if (after) {
                        value = value * 1.12 + 80;
                    }
                    raster.setSample(column, row, b, Math.max(0, Math.min(65535, (int) Math.round(value))));
                }
            }
        }
        return raster;
    }

    /** Writes a raster whose upper-left corner lies the given number of pixels east and south of the common origin. */
    static Path write(Path file, Raster raster, int columnOffset, int rowOffset) throws Exception {
        return write(file, raster, new Matrix3(0, -PIXEL, NORTHING - rowOffset * PIXEL, PIXEL, 0, EASTING + columnOffset * PIXEL, 0, 0, 1),
                CRS.forCode("EPSG:4547"));
    }

    /**
     * Writes a raster in EPSG:4490 (latitude, longitude in degrees, as many Chinese products are delivered), its
     * upper-left corner at the given place, with square pixels of the given size in degrees.
     */
    static Path writeGeographic(Path file, Raster raster, double longitude, double latitude, double degrees) throws Exception {
        return write(file, raster, new Matrix3(0, -degrees, latitude, degrees, 0, longitude, 0, 0, 1), CRS.forCode("EPSG:4490"));
    }

    /** Writes a raster on the common 2 m grid without any CRS. */
    static Path writeWithoutCrs(Path file, Raster raster) throws Exception {
        return write(file, raster, new Matrix3(PIXEL, 0, EASTING, 0, -PIXEL, NORTHING, 0, 0, 1), null);
    }

    private static Path write(Path file, Raster raster, Matrix3 gridToCrs, org.opengis.referencing.crs.CoordinateReferenceSystem crs)
            throws Exception {
        Files.deleteIfExists(file);
        GridGeometry grid = new GridGeometry(new GridExtent(raster.getWidth(), raster.getHeight()), PixelInCell.CELL_CORNER,
                MathTransforms.linear(gridToCrs), crs);
        GridCoverage coverage = new GridCoverageBuilder().setValues(raster).setDomain(grid).build();
        try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
            ((GeoTiffStore) store).append(coverage, null);
        }
        return file;
    }
}
