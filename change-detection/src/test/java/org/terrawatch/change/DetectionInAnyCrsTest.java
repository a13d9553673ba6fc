package org.terrawatch.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.RasterException;

/**
 * What a detection does with epochs as they are delivered: in degrees (EPSG:4490) the minimum area is still square
 * metres on the ground; RGB imagery runs only with a layout that fits it and says what that limits; an epoch without a
 * CRS, or on another grid, is refused or resampled with a statement; and a run that keeps nothing says why.
 */
class DetectionInAnyCrsTest {

    /** About 1.76 m east-west and 2.22 m north-south at 37.7° N: 3.9 m² a pixel. */
    static final double DEGREES = 0.00002;

    @TempDir
    static Path dir;
    static Path before;
    static Path after;
    static Path geographicBefore;
    static Path geographicAfter;

    @BeforeAll
    static void images() throws Exception {
        int size = StreamedDetectionTest.SIZE;
        TestImages.Planted[] planted = StreamedDetectionTest.PLANTED;
        before = TestImages.write(dir.resolve("before.tif"), TestImages.epoch(size, size, false, planted, 1), 0, 0);
        after = TestImages.write(dir.resolve("after.tif"), TestImages.epoch(size, size, true, planted, 2), 0, 0);
        geographicBefore = TestImages.writeGeographic(dir.resolve("before-4490.tif"), TestImages.epoch(size, size, false, planted, 1),
                113.55, 37.75, DEGREES);
        geographicAfter = TestImages.writeGeographic(dir.resolve("after-4490.tif"), TestImages.epoch(size, size, true, planted, 2),
                113.55, 37.75, DEGREES);
    }

    @Test
    void inDegreesTheMinimumAreaIsSquareMetresOnTheGround() {
        List<DetectedChange> found = new ArrayList<>();
        DetectionSummary summary = run(geographicBefore, geographicAfter, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, found);
        assertThat(summary.pixelAreaM2()).isBetween(3.8, 4.0);
        assertThat(found).hasSize(3); // 200 m² is 51 pixels here, not 200 square degrees
        for (DetectedChange change : found) {
            // The outline is in the image's CRS, longitude first: its geodesic area is the ground area reported.
            assertThat(change.areaM2()).isCloseTo(GeodesicArea.of(change.outline()).squareMetres(), within(0.05 * change.areaM2()));
        }
        // The 30 × 20 px building: 600 pixels of 3.9 m².
        assertThat(StreamedDetectionTest.only(found, ChangeDirection.VEGETATION_LOSS).areaM2()).isCloseTo(600 * summary.pixelAreaM2(),
                within(25 * summary.pixelAreaM2()));
        assertThat(summary.notes()).isEmpty();
    }

    @Test
    void theSimplificationIsMetresOnTheGround() {
        // In degrees: 3 m on the ground at 3.9 m² a pixel is 3 / 1.97 pixels of 0.00002°, not 3 degrees.
        double tolerance = DetectionSettings.DEFAULTS.withSimplification(3).simplificationTolerance(DEGREES, 3.9);
        assertThat(tolerance).isCloseTo(3 / Math.sqrt(3.9) * DEGREES, within(1e-12));
        assertThat(DetectionSettings.DEFAULTS.simplificationTolerance(DEGREES, 3.9)).isEqualTo(DEGREES / 2);
        List<DetectedChange> staircase = new ArrayList<>();
        run(geographicBefore, geographicAfter, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS.withSimplification(0), staircase);
        List<DetectedChange> simplified = new ArrayList<>();
        run(geographicBefore, geographicAfter, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS.withSimplification(3), simplified);
        assertThat(simplified).hasSameSizeAs(staircase);
        for (ChangeDirection direction : List.of(ChangeDirection.VEGETATION_LOSS, ChangeDirection.VEGETATION_GAIN)) {
            Geometry exact = StreamedDetectionTest.only(staircase, direction).outline();
            Geometry coarse = StreamedDetectionTest.only(simplified, direction).outline();
            assertThat(coarse.getNumPoints()).isLessThanOrEqualTo(exact.getNumPoints());
            assertThat(DiscreteHausdorffDistance.distance(exact, coarse)).isLessThanOrEqualTo(tolerance * 1.0001);
        }
    }

    @Test
    void theZeroFillAroundAWarpedImageIsNoDataNotChange() throws Exception {
        // Footprints as gdalwarp leaves them without -dstnodata: 0 in every band, 30 columns on the before-epoch's
        // east side, 60 on the after-epoch's (a strip 30 px wide where only one epoch has data).
        int size = StreamedDetectionTest.SIZE;
        java.awt.image.WritableRaster first = TestImages.epoch(size, size, false, StreamedDetectionTest.PLANTED, 1);
        java.awt.image.WritableRaster second = TestImages.epoch(size, size, true, StreamedDetectionTest.PLANTED, 2);
        for (int b = 0; b < 4; b++) {
            first.setSamples(size - 30, 0, 30, size, b, new int[30 * size]);
            second.setSamples(size - 60, 0, 60, size, b, new int[60 * size]);
        }
        Path filledBefore = TestImages.write(dir.resolve("filled-before.tif"), first, 0, 0);
        Path filledAfter = TestImages.write(dir.resolve("filled-after.tif"), second, 0, 0);
        List<DetectedChange> found = new ArrayList<>();
        DetectionSummary summary = run(filledBefore, filledAfter, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, found);
        assertThat(found).hasSize(3); // the planted changes, and nothing along the fill
        // Each no larger than a planted one (at most 25 × 25 px of 4 m²); the one-sided strip would be 30 × 300 px.
        assertThat(found).allSatisfy(c -> assertThat(c.areaM2()).isLessThan(700 * 4.0));
        assertThat(summary.notes()).anyMatch(note -> note.startsWith("Pixels zero in every band were read as no data"));
        summary = run(before, after, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, new ArrayList<>());
        assertThat(summary.notes()).noneMatch(note -> note.contains("zero in every band"));
    }

    @Test
    void aRunThatKeepsNothingSaysWhy() {
        List<DetectedChange> found = new ArrayList<>();
        DetectionSummary summary = run(geographicBefore, geographicAfter, StreamedDetectionTest.LAYOUT,
                DetectionSettings.DEFAULTS.withMinimumArea(10_000), found);
        assertThat(found).isEmpty();
        assertThat(summary.kept()).isZero();
        assertThat(summary.changedPixels()).isPositive();
        assertThat(summary.largestDroppedM2()).isBetween(2000.0, 10_000.0);
        assertThat(summary.notes()).singleElement().asString().contains("none reached the minimum area of 10000 m²", "the largest was");
    }

    @Test
    void rgbImageryRunsOnlyWithALayoutThatFitsAndSaysWhatThatLimits() throws Exception {
        int size = StreamedDetectionTest.SIZE;
        TestImages.Planted[] planted = StreamedDetectionTest.PLANTED;
        Path rgbBefore = TestImages.write(dir.resolve("rgb-before.tif"), TestImages.epoch(size, size, false, planted, 1, 3), 0, 0);
        Path rgbAfter = TestImages.write(dir.resolve("rgb-after.tif"), TestImages.epoch(size, size, true, planted, 2, 3), 0, 0);
        List<DetectedChange> found = new ArrayList<>();
        assertThatThrownBy(() -> run(rgbBefore, rgbAfter, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, found))
                .isInstanceOf(RasterException.class).hasMessageContaining("names 4 bands but the epochs have 3");
        DetectionSummary summary = run(rgbBefore, rgbAfter, List.of("BLUE", "GREEN", "RED"), DetectionSettings.DEFAULTS, found);
        assertThat(found).isNotEmpty().allMatch(c -> c.direction() == ChangeDirection.BRIGHTENING || c.direction() == ChangeDirection.OTHER);
        assertThat(summary.notes()).anyMatch(note -> note.startsWith("No near-infrared band") && note.contains("accuracy"));
    }

    @Test
    void anEpochWithoutACrsIsRefused() throws Exception {
        Path plain = TestImages.writeWithoutCrs(dir.resolve("no-crs.tif"),
                TestImages.epoch(StreamedDetectionTest.SIZE, StreamedDetectionTest.SIZE, true, StreamedDetectionTest.PLANTED, 2));
        assertThatThrownBy(() -> new EpochPair(EpochRaster.open(before), EpochRaster.open(plain), null, null))
                .isInstanceOf(RasterException.class).hasMessageContaining("no-crs.tif has no coordinate reference system while before.tif");
        assertThatThrownBy(() -> run(plain, plain, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, new ArrayList<>()))
                .isInstanceOf(RasterException.class).hasMessageContaining("area on the ground is unknown");
    }

    @Test
    void anEpochOnAnotherGridIsResampledAndTheSummarySaysSo() throws Exception {
        Path elsewhere = TestImages.writeGeographic(dir.resolve("far.tif"),
                TestImages.epoch(50, 50, true, StreamedDetectionTest.PLANTED, 2), 100.0, 30.0, DEGREES);
        assertThatThrownBy(() -> new EpochPair(EpochRaster.open(geographicBefore), EpochRaster.open(elsewhere), null, null))
                .isInstanceOf(RasterException.class).hasMessageContaining("do not overlap");
        List<DetectedChange> found = new ArrayList<>();
        DetectionSummary summary = run(before, after, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, found);
        assertThat(summary.resampled()).isFalse();
        Path shifted = TestImages.write(dir.resolve("shifted.tif"),
                TestImages.epoch(StreamedDetectionTest.SIZE, StreamedDetectionTest.SIZE, true, StreamedDetectionTest.PLANTED, 2), 3, 2);
        summary = run(before, shifted, StreamedDetectionTest.LAYOUT, DetectionSettings.DEFAULTS, found);
        assertThat(summary.resampled()).isTrue();
        assertThat(summary.notes()).anyMatch(note -> note.contains("resampled onto the before-epoch's grid by nearest neighbour"));
    }

    static DetectionSummary run(Path first, Path second, List<String> layout, DetectionSettings settings, List<DetectedChange> found) {
        try (EpochPair pair = new EpochPair(EpochRaster.open(first), EpochRaster.open(second), null, null)) {
            return ChangeDetection.run(pair, BandRoles.of(layout), settings, found::add, DetectionProgress.NONE);
        }
    }
}
