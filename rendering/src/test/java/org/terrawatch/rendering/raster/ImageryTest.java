package org.terrawatch.rendering.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.List;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.rendering.MapView;

/**
 * An epoch whose fine levels are read window by window — the full resolution from the image, the levels above it
 * from the pyramid's scratch file — draws exactly as one held wholly in memory, while holding only its coarsest level.
 */
class ImageryTest {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 260;
    private static final double PIXEL = 2.0;
    private static final double EASTING = 500_000;
    private static final double NORTHING = 4_180_000;
    private static final Crs GAUSS_KRUGER = new Crs(4547, true);
    private static final List<String> ROLES = List.of("BLUE", "GREEN", "RED", "NIR");

    @TempDir
    static Path dir;
    private static Path file;
    private static WritableRaster pixels;

    @BeforeAll
    static void writeEpoch() throws Exception {
        pixels = Raster.createBandedRaster(DataBuffer.TYPE_USHORT, WIDTH, HEIGHT, 4, null);
        SplittableRandom random = new SplittableRandom(7);
        for (int row = 0; row < HEIGHT; row++) {
            for (int column = 0; column < WIDTH; column++) {
                boolean nodata = column < 5 && row < 5;
                for (int band = 0; band < 4; band++) {
                    pixels.setSample(column, row, band, nodata ? 0 : 200 + random.nextInt(4000));
                }
            }
        }
        file = dir.resolve("epoch.tif");
        // EPSG:4547's axes are northing, easting: rows run south along the first axis, columns east along the second.
        GridGeometry grid = new GridGeometry(new GridExtent(WIDTH, HEIGHT), PixelInCell.CELL_CORNER,
                MathTransforms.linear(new Matrix3(0, -PIXEL, NORTHING, PIXEL, 0, EASTING, 0, 0, 1)), CRS.forCode("EPSG:4547"));
        GridCoverage coverage = new GridCoverageBuilder().setValues(pixels).setDomain(grid).build();
        try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
            ((GeoTiffStore) store).append(coverage, null);
        }
    }

    @Test
    void fineLevelsReadFromTheFileDrawAsThoseHeldInMemory() {
        Imagery whole = ImageryReader.read("whole", file, GAUSS_KRUGER, ROLES, Long.MAX_VALUE);
        Imagery windowed = ImageryReader.read("windowed", file, GAUSS_KRUGER, ROLES, 1000);
        assertThat(whole.levels()).isEqualTo(4).isEqualTo(windowed.levels());
        assertThat(whole.pixelsInMemory()).isEqualTo(300L * 260 + 150 * 130 + 75 * 65 + 37 * 32);
        assertThat(windowed.pixelsInMemory()).as("only the coarsest level, 37 x 32 px, is kept").isEqualTo(37L * 32);
        // Level 0 (a map pixel of 2 m: from the image file), levels 1 and 2 (4 m, 8 m: from the scratch file), level 3
        // (16 m: in memory in both), a window at odd offsets running off the image's east and south.
        for (double mapPixel : new double[] {PIXEL, 2 * PIXEL, 4 * PIXEL, 8 * PIXEL}) {
            double west = EASTING + 137.5 * PIXEL;
            double north = NORTHING - 111.25 * PIXEL;
            MapView view = new MapView(new Envelope(west, west + 200 * mapPixel, north - 180 * mapPixel, north), 200, 180, GAUSS_KRUGER);
            for (ImageryRenderer.Mode mode : ImageryRenderer.Mode.values()) {
                BufferedImage expected = ImageryRenderer.render(whole, view, mode);
                BufferedImage actual = ImageryRenderer.render(windowed, view, mode);
                int drawn = 0;
                for (int y = 0; y < view.height(); y++) {
                    for (int x = 0; x < view.width(); x++) {
                        assertThat(actual.getRGB(x, y)).as("%s, map pixel %d, %d at %s m", mode, x, y, mapPixel).isEqualTo(expected.getRGB(x, y));
                        drawn += actual.getRGB(x, y) != 0 ? 1 : 0;
                    }
                }
                assertThat(drawn).as("the map shows the image where they overlap").isGreaterThan(300).isLessThan(200 * 180);
            }
        }
        // At full resolution a map pixel shows the image pixel under its centre.
        MapView view = new MapView(new Envelope(EASTING, EASTING + 20 * PIXEL, NORTHING - 20 * PIXEL, NORTHING), 20, 20, GAUSS_KRUGER);
        BufferedImage map = ImageryRenderer.render(windowed, view, ImageryRenderer.Mode.NDVI);
        int nir = pixels.getSample(12, 9, 3);
        int red = pixels.getSample(12, 9, 2);
        assertThat(map.getRGB(12, 9)).isEqualTo(0xff000000 | ImageryRenderer.ramp((nir - red) / (double) (nir + red)));
        assertThat(map.getRGB(2, 3)).as("nodata is transparent").isZero();
    }
}
