package org.terrawatch.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.change.raster.CloudMask;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.RasterException;

/**
 * The streamed detection on synthetic epochs with planted changes: found where planted, with the planted area and
 * the right direction, the same whatever the strip size, the thread count or the after-epoch's grid, and nothing
 * under a cloud mask.
 */
class StreamedDetectionTest {

    static final int SIZE = 300;
    static final List<String> LAYOUT = List.of("BLUE", "GREEN", "RED", "NIR");
    static final TestImages.Planted[] PLANTED = {
            new TestImages.Planted(new int[] {5, 12, 30, 20}, TestImages.BUILT),     // on a crop field: vegetation loss
            new TestImages.Planted(new int[] {200, 205, 25, 25}, TestImages.WATER),  // a pond dug in a forest
            new TestImages.Planted(new int[] {45, 45, 20, 30}, TestImages.FOREST),   // bare soil planted: vegetation gain
    };

    @TempDir
    static Path dir;
    static Path before;
    static Path after;
    static Path shiftedAfter;

    @BeforeAll
    static void images() throws Exception {
        before = TestImages.write(dir.resolve("before.tif"), TestImages.epoch(SIZE, SIZE, false, PLANTED, 1), 0, 0);
        WritableRaster second = TestImages.epoch(SIZE, SIZE, true, PLANTED, 2);
        after = TestImages.write(dir.resolve("after.tif"), second, 0, 0);
        // The same after-epoch on a grid 7 columns east and 5 rows south: its pixel (c, r) is the before-grid's (c + 7, r + 5).
        shiftedAfter = TestImages.write(dir.resolve("after-shifted.tif"), second.createChild(7, 5, SIZE - 7, SIZE - 5, 0, 0, null), 7, 5);
    }

    @Test
    void findsThePlantedChangesWithTheirAreasAndDirections() {
        List<DetectedChange> found = detect(after, null, DetectionSettings.DEFAULTS);
        assertThat(found).hasSize(3);
        // Each planted area comes out whole, give or take a few noisy pixels on its edge.
        assertThat(only(found, ChangeDirection.VEGETATION_LOSS).areaM2()).isCloseTo(30 * 20 * 4.0, within(100.0));
        assertThat(only(found, ChangeDirection.VEGETATION_GAIN).areaM2()).isCloseTo(20 * 30 * 4.0, within(100.0));
        assertThat(only(found, ChangeDirection.WATER_GAIN).areaM2()).isCloseTo(25 * 25 * 4.0, within(100.0));
        for (DetectedChange change : found) {
            assertThat(change.outline().isValid()).isTrue();
            // Outline in EPSG:4547 easting/northing (the file's CRS says northing first).
            assertThat(change.outline().getEnvelopeInternal().getMinX()).isBetween(TestImages.EASTING, TestImages.EASTING + SIZE * TestImages.PIXEL);
            assertThat(change.outline().getArea()).isCloseTo(change.areaM2(), within(0.05 * change.areaM2()));
        }
        Geometry pond = only(found, ChangeDirection.WATER_GAIN).outline();
        assertThat(pond.getEnvelopeInternal().getMinX()).isCloseTo(TestImages.EASTING + 200 * TestImages.PIXEL, within(2.0));
        assertThat(pond.getEnvelopeInternal().getMaxY()).isCloseTo(TestImages.NORTHING - 205 * TestImages.PIXEL, within(2.0));
    }

    @Test
    void theResultDoesNotDependOnStripsOrThreads() {
        Set<String> reference = outlines(detect(after, null, DetectionSettings.DEFAULTS));
        DetectionSettings thin = new DetectionSettings(DetectionSettings.DEFAULTS.model(), 200, DetectionSettings.HALF_A_PIXEL, 8, 1, 1L << 20);
        assertThat(outlines(detect(after, null, thin))).isEqualTo(reference);
        assertThat(outlines(detect(after, null, thin.withThreads(3)))).isEqualTo(reference);
    }

    @Test
    void anAfterEpochOnAnotherGridIsResampledOntoTheBeforeGrid() {
        List<DetectedChange> aligned = detect(after, null, DetectionSettings.DEFAULTS);
        List<DetectedChange> resampled = detect(shiftedAfter, null, DetectionSettings.DEFAULTS);
        // The shifted epoch lacks the first columns and rows, so the model learns from slightly fewer pixels:
        // the same areas, directions and places, outlines within a pixel.
        assertThat(resampled).hasSameSizeAs(aligned);
        for (DetectedChange change : aligned) {
            assertThat(resampled).anySatisfy(other -> {
                assertThat(other.direction()).isEqualTo(change.direction());
                assertThat(other.outline().symDifference(change.outline()).getArea()).isLessThan(0.1 * change.areaM2());
            });
        }
    }

    @Test
    void masksLeaveOutWhatTheyCover() throws Exception {
        WritableRaster mask = Raster.createBandedRaster(DataBuffer.TYPE_BYTE, SIZE, SIZE, 1, null);
        for (int row = 190; row < 240; row++) {
            for (int column = 190; column < 240; column++) {
                mask.setSample(column, row, 0, 0b1000); // Landsat QA: cloud
            }
        }
        Path qa = TestImages.write(dir.resolve("qa.tif"), mask, 0, 0);
        List<DetectedChange> found = detect(after, CloudMask.external(EpochRaster.open(qa), CloudMask.LANDSAT_QA_PIXEL_CLOUDS), DetectionSettings.DEFAULTS);
        assertThat(found).hasSize(2).noneMatch(c -> c.direction() == ChangeDirection.WATER_GAIN);
    }

    @Test
    void aQaBandOfTheEpochItselfMasksAndIsNoSpectralBand() throws Exception {
        WritableRaster spectral = TestImages.epoch(SIZE, SIZE, true, PLANTED, 2);
        WritableRaster withQa = Raster.createBandedRaster(DataBuffer.TYPE_USHORT, SIZE, SIZE, 5, null);
        for (int b = 0; b < 4; b++) {
            withQa.setSamples(0, 0, SIZE, SIZE, b, spectral.getSamples(0, 0, SIZE, SIZE, b, (int[]) null));
        }
        for (int row = 190; row < 240; row++) {
            for (int column = 190; column < 240; column++) {
                withQa.setSample(column, row, 4, 0b1000); // cloud
            }
        }
        Path file = TestImages.write(dir.resolve("after-qa.tif"), withQa, 0, 0);
        List<DetectedChange> found = new ArrayList<>();
        try (EpochPair pair = new EpochPair(EpochRaster.open(before), EpochRaster.open(file), null,
                CloudMask.inBand(4, CloudMask.LANDSAT_QA_PIXEL_CLOUDS))) {
            assertThat(pair.bandCount()).isEqualTo(4);
            ChangeDetection.run(pair, BandRoles.of(LAYOUT), DetectionSettings.DEFAULTS, found::add, DetectionProgress.NONE);
        }
        assertThat(found).hasSize(2).noneMatch(c -> c.direction() == ChangeDirection.WATER_GAIN);
        assertThatThrownBy(() -> new EpochPair(EpochRaster.open(before), EpochRaster.open(file), null, null))
                .isInstanceOf(RasterException.class).hasMessageContaining("different bands");
    }

    @Test
    void windowsReadWhatTheWholeImageHolds() {
        Bands whole = EpochRaster.readAll(before);
        try (EpochRaster raster = EpochRaster.open(before)) {
            Bands window = raster.read(290, 17, 20, 9);
            assertThat(window.values()[2][0]).isEqualTo(whole.values()[2][17 * SIZE + 290]);
            assertThat(window.values()[3][8 * 20 + 9]).isEqualTo(whole.values()[3][25 * SIZE + 299]);
            assertThat(window.values()[0][10]).isNaN(); // column 300 lies outside
            assertThat(raster.epsgCode()).isEqualTo(4547);
        }
    }

    @Test
    void tiledCompressedImagesReadTheSameAtAnyWindow() throws Exception {
        // The same image as a tiled, DEFLATE-compressed GeoTIFF (64 px tiles), made by GDAL from Debian (the test command installs it).
        Path tiled = dir.resolve("tiled.tif");
        Process translate = new ProcessBuilder("gdal_translate", "-q", "-co", "TILED=YES", "-co", "BLOCKXSIZE=64", "-co", "BLOCKYSIZE=64",
                "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2", before.toString(), tiled.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start(); // it warns about the colour table SIS writes
        assertThat(translate.waitFor()).as("gdal_translate (gdal-bin) makes the tiled copy").isZero();
        Bands whole = EpochRaster.readAll(before);
        try (EpochRaster raster = EpochRaster.open(tiled)) {
            for (int[] window : new int[][] {{0, 0, 300, 300}, {61, 127, 70, 9}, {250, 290, 60, 20}, {-3, 63, 5, 130}}) {
                Bands part = raster.read(window[0], window[1], window[2], window[3]);
                for (int y = 0; y < window[3]; y++) {
                    for (int x = 0; x < window[2]; x++) {
                        int column = window[0] + x;
                        int row = window[1] + y;
                        float expected = column < 0 || row < 0 || column >= SIZE || row >= SIZE ? Float.NaN : whole.values()[1][row * SIZE + column];
                        assertThat(Float.valueOf(part.values()[1][y * window[2] + x])).as("column %d, row %d", column, row).isEqualTo(Float.valueOf(expected));
                    }
                }
            }
        }
        try (EpochRaster raster = EpochRaster.open(tiled)) {
            // One pass top to bottom, in windows of 37 rows that never cross a block of tiles, in order.
            int[] next = {0};
            raster.scan(37, rows -> {
                assertThat(rows.width()).isEqualTo(SIZE);
                for (int i = 0; i < rows.pixels(); i++) {
                    assertThat(rows.values()[1][i]).isEqualTo(whole.values()[1][next[0] * SIZE + i]);
                }
                next[0] += rows.height();
            });
            assertThat(next[0]).isEqualTo(SIZE);
        }
        List<DetectedChange> fromTiled = new ArrayList<>();
        try (EpochPair pair = new EpochPair(EpochRaster.open(tiled), EpochRaster.open(after), null, null)) {
            ChangeDetection.run(pair, BandRoles.of(LAYOUT), DetectionSettings.DEFAULTS, fromTiled::add, DetectionProgress.NONE);
        }
        assertThat(outlines(fromTiled)).isEqualTo(outlines(detect(after, null, DetectionSettings.DEFAULTS)));
    }

    @Test
    void epochsWithDifferentBandsAreRefused() throws Exception {
        Path oneBand = TestImages.write(dir.resolve("one.tif"), Raster.createBandedRaster(DataBuffer.TYPE_USHORT, SIZE, SIZE, 1, null), 0, 0);
        assertThatThrownBy(() -> new EpochPair(EpochRaster.open(before), EpochRaster.open(oneBand), null, null))
                .isInstanceOf(RasterException.class).hasMessageContaining("different bands");
    }

    static List<DetectedChange> detect(Path second, CloudMask afterMask, DetectionSettings settings) {
        List<DetectedChange> found = new ArrayList<>();
        try (EpochPair pair = new EpochPair(EpochRaster.open(before), EpochRaster.open(second), null, afterMask)) {
            ChangeDetection.run(pair, BandRoles.of(LAYOUT), settings, found::add, DetectionProgress.NONE);
        }
        return found;
    }

    static DetectedChange only(List<DetectedChange> found, ChangeDirection direction) {
        List<DetectedChange> matching = found.stream().filter(c -> c.direction() == direction).toList();
        assertThat(matching).as(direction.name()).hasSize(1);
        return matching.get(0);
    }

    static Set<String> outlines(List<DetectedChange> changes) {
        Set<String> set = new TreeSet<>();
        for (DetectedChange change : changes) {
            Geometry normalised = change.outline().norm();
            set.add(normalised.toText() + " " + change.direction());
        }
        return set;
    }
}
