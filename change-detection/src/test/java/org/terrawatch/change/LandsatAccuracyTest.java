package org.terrawatch.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.terrawatch.change.raster.Bands;
import org.terrawatch.change.raster.EpochRaster;
import org.terrawatch.change.signal.ChangeModel;
import org.terrawatch.change.signal.ModelSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy on real data: the two Landsat pairs of ../shared/data/landsat-jiangsu with their sampled ground truth,
 * the same automatic settings for both, scored on the labelled pixels. Asserts the figures this pipeline reaches
 * today (printed), so a regression fails; the goals (kappa ≥ 0.95 Taizhou, ≥ 0.82 Nanjing, false alarms
 * ≤ 0.03) are met on Taizhou and not yet on Nanjing.
 */
class LandsatAccuracyTest {

    static final Path DATA = Path.of(System.getProperty("terrawatch.shared.data", "../../shared/data"), "landsat-jiangsu");

    @ParameterizedTest
    @CsvSource({
            "taizhou, taizhou_2000_L7ETM_6b, taizhou_2003_L7ETM_6b, 0.97, 0.001",
            "nanjing, nanjing_2000_L5TM_6b, nanjing_2002_L5TM_6b, 0.77, 0.063"})
    void normalisedChangeVectorsOnRealLandsatPairs(String site, String before, String after, double minimumKappa, double maximumFalseAlarms) {
        assertThat(DATA.resolve(site + "_gt.tif")).as("the Landsat test data in " + DATA.toAbsolutePath()
                + " (../shared/data, see its README; set -Dterrawatch.shared.data to another place)").exists();
        Bands first = EpochRaster.readAll(DATA.resolve(before + ".tif"));
        Bands second = EpochRaster.readAll(DATA.resolve(after + ".tif"));
        float[] labels = EpochRaster.readAll(DATA.resolve(site + "_gt.tif")).values()[0];
        int[] truth = new int[labels.length];
        for (int p = 0; p < labels.length; p++) {
            truth[p] = Math.round(labels[p]);
        }
        ChangeModel model = ChangeModel.fit(java.util.List.<Bands[]>of(new Bands[] {first, second}), ModelSettings.DEFAULTS);
        Accuracy accuracy = Accuracy.of(model.evaluate(first, second).changed(), truth);
        System.out.printf("%s (%d x %d, %d bands): %s%n", site, first.width(), first.height(), first.count(), accuracy);
        assertThat(accuracy.kappa()).isGreaterThanOrEqualTo(minimumKappa);
        assertThat(accuracy.falseAlarmRate()).isLessThanOrEqualTo(maximumFalseAlarms);
    }
}
