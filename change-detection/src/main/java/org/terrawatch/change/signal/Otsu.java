package org.terrawatch.change.signal;

/**
 * Otsu's automatic threshold: the value that best separates a 256-bin histogram into two classes (maximum
 * between-class variance). No per-image tuning.
 */
public final class Otsu {

    private Otsu() {
    }

    public static double threshold(double[] values) {
        Histogram histogram = Histogram.of(values);
        if (!histogram.spread()) {
            return histogram.max();
        }
        long[] counts = histogram.counts();
        double total = histogram.total();
        double sumAll = 0;
        for (int i = 0; i < Histogram.BINS; i++) {
            sumAll += counts[i] * histogram.centre(i);
        }
        double weight = 0;
        double sum = 0;
        double best = -1;
        double threshold = histogram.min();
        for (int i = 0; i < Histogram.BINS - 1; i++) {
            weight += counts[i];
            sum += counts[i] * histogram.centre(i);
            if (weight == 0 || weight == total) {
                continue;
            }
            double between = Math.pow(sumAll * weight - sum * total, 2) / (weight * (total - weight));
            if (between > best) {
                best = between;
                threshold = histogram.centre(i);
            }
        }
        return threshold;
    }
}
