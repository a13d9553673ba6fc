package org.terrawatch.demo;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridCoverageBuilder;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.store.Wkb;

/**
 * Two small imagery epochs of a farming valley near Pingding, as 4-band (blue, green, red, NIR) 16-bit
 * GeoTIFFs in CGCS2000 / 3-degree Gauss-Krüger CM 114°E (EPSG:4547), 4 m pixels, reflectance × 10000.
 * The second epoch has a different illumination (gain and offset) and a handful of planted changes —
 * fields levelled, a pond dug, buildings on farmland, an open pit — whose outlines are returned so the
 * demo's patches sit exactly on them.
 */
final class DemoImagery {

    static final int SIZE = 512;
    static final double PIXEL_METRES = 4.0;
    static final String CRS_CODE = "EPSG:4547";
    static final List<String> BANDS = List.of("BLUE", "GREEN", "RED", "NIR");

    /** Reflectance × 10000 of the land covers, per band. */
    private static final int[] CROP = {450, 800, 500, 3600};
    private static final int[] FALLOW = {900, 1150, 1350, 2100};
    private static final int[] FOREST = {300, 550, 300, 3000};
    private static final int[] BARE = {1250, 1550, 1850, 2350};
    private static final int[] BUILT = {1450, 1500, 1600, 1800};
    private static final int[] WATER = {550, 650, 420, 180};

    /** A planted change: its pixel rectangle and what it becomes. */
    record PlantedChange(int col, int row, int width, int height, ChangeType type, Polygon outline) {
    }

    private final double originEasting;
    private final double originNorthing;
    private final CoordinateReferenceSystem crs;
    private final MathTransform toLonLat;
    private final List<PlantedChange> changes = new ArrayList<>();

    /** An image grid whose upper-left corner is near the given lon/lat, snapped to 100 m. */
    DemoImagery(double westLon, double northLat) {
        try {
            // EPSG:4547 as EPSG defines it (northing, easting): the GeoTIFF writer then records its EPSG code.
            crs = CRS.forCode(CRS_CODE);
            CoordinateReferenceSystem eastNorth = AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
            CoordinateReferenceSystem lonLat = AbstractCRS.castOrCopy(CRS.forCode("EPSG:4490")).forConvention(AxesConvention.RIGHT_HANDED);
            toLonLat = CRS.findOperation(eastNorth, lonLat, null).getMathTransform();
            double[] corner = {westLon, northLat};
            toLonLat.inverse().transform(corner, 0, corner, 0, 1);
            originEasting = Math.round(corner[0] / 100) * 100.0;
            originNorthing = Math.round(corner[1] / 100) * 100.0;
        } catch (FactoryException | TransformException e) {
            throw new IllegalStateException("The EPSG database (sis-embedded-data) is needed for the demo imagery", e);
        }
        plantChanges();
    }

    private void plantChanges() {
        plant(60, 70, 40, 30, ChangeType.LAND_LEVELLING);
        plant(300, 90, 24, 18, ChangeType.BUILDING_ON_FARMLAND);
        plant(150, 300, 45, 35, ChangeType.POND_DIGGING);
        plant(380, 380, 60, 50, ChangeType.OPEN_PIT_EXCAVATION);
        plant(420, 200, 20, 30, ChangeType.NEW_BUILDING);
        plant(230, 180, 30, 22, ChangeType.ROAD_OR_HARDENING);
        plant(90, 420, 35, 28, ChangeType.NURSERY_OR_ORCHARD);
    }

    private void plant(int col, int row, int width, int height, ChangeType type) {
        changes.add(new PlantedChange(col, row, width, height, type, outline(col, row, col + width, row + height)));
    }

    List<PlantedChange> changes() {
        return changes;
    }

    /** The area the images cover, in EPSG:4490 (lon/lat). */
    Polygon footprint() {
        return outline(0, 0, SIZE, SIZE);
    }

    /** Writes the before epoch (no changes, reference illumination) to the file. */
    void writeBefore(Path file) {
        write(file, render(false));
    }

    /** Writes the after epoch (planted changes, brighter and hazier illumination) to the file. */
    void writeAfter(Path file) {
        write(file, render(true));
    }

    private WritableRaster render(boolean after) {
        WritableRaster raster = Raster.createBandedRaster(DataBuffer.TYPE_USHORT, SIZE, SIZE, BANDS.size(), null);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(after ? 2 : 1);
        double gain = after ? 1.08 : 1.0;
        double offset = after ? 60 : 0;
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                int[] cover = after ? changedCover(col, row) : landCover(col, row);
                for (int band = 0; band < BANDS.size(); band++) {
                    double value = cover[band] * gain + offset + noise.nextGaussian() * 40;
                    raster.setSample(col, row, band, (int) Math.max(0, Math.min(10_000, Math.round(value))));
                }
            }
        }
        return raster;
    }

    /** The valley: forest on the slopes (east and south), a river, a village, and fields in a 32 px grid. */
    private int[] landCover(int col, int row) {
        if (Math.abs(row - (250 + 40 * Math.sin(col / 70.0))) < 6) {
            return WATER;
        }
        if (col > 340 && row > 340 || col + row > 820) {
            return FOREST;
        }
        if (col > 400 && row < 140) {
            return BUILT;
        }
        int field = (col / 32) * 31 + (row / 32) * 17;
        return field % 5 == 0 ? FALLOW : CROP;
    }

    private int[] changedCover(int col, int row) {
        for (PlantedChange change : changes) {
            if (col >= change.col() && col < change.col() + change.width() && row >= change.row() && row < change.row() + change.height()) {
                return switch (change.type()) {
                    case POND_DIGGING -> WATER;
                    case BUILDING_ON_FARMLAND, NEW_BUILDING, ROAD_OR_HARDENING -> BUILT;
                    case NURSERY_OR_ORCHARD -> FALLOW;
                    default -> BARE;
                };
            }
        }
        return landCover(col, row);
    }

    private void write(Path file, WritableRaster raster) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            GridGeometry grid = new GridGeometry(new GridExtent(SIZE, SIZE), PixelInCell.CELL_CORNER,
                    // (column, row) to (northing, easting)
                    MathTransforms.linear(new org.apache.sis.referencing.operation.matrix.Matrix3(
                            0, -PIXEL_METRES, originNorthing, PIXEL_METRES, 0, originEasting, 0, 0, 1)), crs);
            GridCoverage coverage = new GridCoverageBuilder().setValues(raster).setDomain(grid).build();
            try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
                ((GeoTiffStore) store).append(coverage, null);
            }
        } catch (IOException | DataStoreException e) {
            throw new IllegalStateException("Cannot write the demo imagery " + file + ": " + e.getMessage(), e);
        }
    }

    /** A pixel rectangle's outline in EPSG:4490. */
    private Polygon outline(int col0, int row0, int col1, int row1) {
        int[][] corners = {{col0, row0}, {col1, row0}, {col1, row1}, {col0, row1}, {col0, row0}};
        Coordinate[] ring = new Coordinate[corners.length];
        try {
            for (int i = 0; i < corners.length; i++) {
                double[] point = {originEasting + corners[i][0] * PIXEL_METRES, originNorthing - corners[i][1] * PIXEL_METRES};
                toLonLat.transform(point, 0, point, 0, 1);
                ring[i] = new Coordinate(point[0], point[1]);
            }
        } catch (TransformException e) {
            throw new IllegalStateException(e);
        }
        return Wkb.factory().createPolygon(ring);
    }
}
