package org.terrawatch.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.terrawatch.change.signal.BoxFilter;
import org.terrawatch.change.signal.Otsu;
import org.junit.jupiter.api.Test;

/** Otsu's threshold, the box filter and the accuracy figures on values whose answers are known. */
class ThresholdAndAccuracyTest {

    @Test
    void otsuSeparatesTwoPopulations() {
        Random random = new Random(7);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 15_000 ? 10 + random.nextGaussian() * 2 : 40 + random.nextGaussian() * 3;
        }
        assertThat(Otsu.threshold(values)).isBetween(18.0, 32.0);
    }

    @Test
    void kappaAndRatesFollowTheirDefinitions() {
        // 40 changed found, 10 missed; 5 false alarms among 145 unchanged.
        Accuracy accuracy = new Accuracy(40, 5, 10, 140);
        assertThat(accuracy.recall()).isCloseTo(0.8, within(1e-12));
        assertThat(accuracy.falseAlarmRate()).isCloseTo(5 / 145.0, within(1e-12));
        assertThat(accuracy.overall()).isCloseTo(180 / 195.0, within(1e-12));
        double expected = (45 * 50 + 150 * 145) / (195.0 * 195.0);
        assertThat(accuracy.kappa()).isCloseTo((180 / 195.0 - expected) / (1 - expected), within(1e-12));
        assertThat(Accuracy.of(new boolean[] {true, false, true, false}, new int[] {1, 1, 2, 0}))
                .isEqualTo(new Accuracy(1, 1, 1, 0));
    }

    @Test
    void theBoxFilterAveragesWhatLiesInTheImage() {
        double[] values = {0, 0, 0, 0, 9, 0, 0, 0, 0};
        double[] mean = BoxFilter.mean(values, 3, 3, 1);
        assertThat(mean[4]).isEqualTo(1.0);
        assertThat(mean[0]).isEqualTo(9 / 4.0);
    }
}
