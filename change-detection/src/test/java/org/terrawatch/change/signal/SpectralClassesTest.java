package org.terrawatch.change.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.terrawatch.raster.Bands;

/** k-means classes, and which of them are one kind of cover: those whose spheres overlap. */
class SpectralClassesTest {

    @Test
    void aCoverSplitByKMeansIsOneKindAndADistantCoverAnother() {
        // One round cover of 8,000 pixels, which three classes split in two, and a distant one of 2,000 pixels.
        int pixels = 10_000;
        float[][] values = new float[2][pixels];
        Random random = new Random(7);
        for (int p = 0; p < pixels; p++) {
            double centre = p < 8_000 ? 100 : 160;
            values[0][p] = (float) (centre + 5 * random.nextGaussian());
            values[1][p] = (float) (centre + 5 * random.nextGaussian());
        }
        Bands epoch = new Bands(pixels, 1, values);
        SpectralClasses classes = SpectralClasses.fit(epoch, epoch, new boolean[pixels], 3, 1);

        Set<Integer> round = new TreeSet<>();
        Set<Integer> distant = new TreeSet<>();
        for (int p = 0; p < pixels; p++) {
            (p < 8_000 ? round : distant).add(classes.classOf(epoch, p));
        }
        assertThat(round).as("k-means splits the larger cover").hasSize(2).doesNotContainAnyElementsOf(distant);
        assertThat(distant).hasSize(1);
        int first = round.stream().findFirst().orElseThrow();
        int second = round.stream().skip(1).findFirst().orElseThrow();
        int other = distant.iterator().next();
        assertThat(classes.sameKind(first, second)).as("two halves of one cover").isTrue();
        assertThat(classes.sameKind(second, first)).isTrue();
        assertThat(classes.sameKind(first, other)).as("another cover").isFalse();
        assertThat(classes.sameKind(other, second)).isFalse();
        assertThat(classes.sameKind(other, other)).isTrue();
    }
}
