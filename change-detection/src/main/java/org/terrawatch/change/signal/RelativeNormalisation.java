package org.terrawatch.change.signal;

import java.util.Arrays;
import org.terrawatch.raster.Bands;

/**
 * Relative radiometric normalisation: the after-epoch mapped onto the before-epoch band by band with the
 * least-squares line fitted on pseudo-invariant pixels (those IR-MAD finds least changed), so different
 * illumination, atmosphere or sensor gain does not read as change.
 */
public final class RelativeNormalisation {

    private final double[] gains;
    private final double[] offsets;

    private RelativeNormalisation(double[] gains, double[] offsets) {
        this.gains = gains;
        this.offsets = offsets;
    }

    /** @param invariant which pixels are pseudo-invariant */
    public static RelativeNormalisation fit(Bands before, Bands after, boolean[] invariant) {
        double[] gains = new double[after.count()];
        double[] offsets = new double[after.count()];
        for (int band = 0; band < after.count(); band++) {
            double n = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            float[] x = after.values()[band];
            float[] y = before.values()[band];
            for (int p = 0; p < x.length; p++) {
                if (invariant[p]) {
                    n++;
                    sx += x[p];
                    sy += y[p];
                    sxx += (double) x[p] * x[p];
                    sxy += (double) x[p] * y[p];
                }
            }
            double variance = n * sxx - sx * sx;
            gains[band] = variance == 0 ? 1 : (n * sxy - sx * sy) / variance;
            offsets[band] = n == 0 ? 0 : (sy - gains[band] * sx) / n;
        }
        return new RelativeNormalisation(gains, offsets);
    }

    /** An after-epoch value of a band in the before-epoch's radiometry. */
    public double apply(int band, double value) {
        return gains[band] * value + offsets[band];
    }

    /** The after-epoch in the before-epoch's radiometry. */
    public Bands apply(Bands after) {
        float[][] normalised = new float[after.count()][];
        for (int band = 0; band < after.count(); band++) {
            float[] x = after.values()[band];
            normalised[band] = new float[x.length];
            for (int p = 0; p < x.length; p++) {
                normalised[band][p] = (float) apply(band, x[p]);
            }
        }
        return new Bands(after.width(), after.height(), normalised);
    }

    /** The given share of pixels with the lowest statistic: pseudo-invariant candidates. */
    public static boolean[] lowest(double[] statistic, double share) {
        double[] sorted = statistic.clone();
        Arrays.sort(sorted);
        double limit = sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
        boolean[] chosen = new boolean[statistic.length];
        for (int p = 0; p < statistic.length; p++) {
            chosen[p] = statistic[p] < limit;
        }
        return chosen;
    }
}
