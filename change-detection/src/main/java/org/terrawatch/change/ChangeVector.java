package org.terrawatch.change;

/** Change-vector analysis: the Euclidean length of each pixel's spectral difference across all bands. */
public final class ChangeVector {

    private ChangeVector() {
    }

    public static double[] magnitude(Bands before, Bands after) {
        double[] magnitude = new double[before.pixels()];
        for (int band = 0; band < before.count(); band++) {
            float[] x = before.values()[band];
            float[] y = after.values()[band];
            for (int p = 0; p < magnitude.length; p++) {
                double d = y[p] - x[p];
                magnitude[p] += d * d;
            }
        }
        for (int p = 0; p < magnitude.length; p++) {
            magnitude[p] = Math.sqrt(magnitude[p]);
        }
        return magnitude;
    }
}
