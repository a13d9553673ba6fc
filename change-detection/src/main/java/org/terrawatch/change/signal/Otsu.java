package org.terrawatch.change.signal;

/**
 * Otsu's automatic threshold: the value that best separates a 256-bin histogram into two classes (maximum
 * between-class variance). No per-image tuning.
 */
public final class Otsu {

    private static final int BINS = 256;

    private Otsu() {
    }

    public static double threshold(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            return max;
        }
        double width = (max - min) / BINS;
        long[] histogram = new long[BINS];
        for (double v : values) {
            histogram[Math.min(BINS - 1, (int) ((v - min) / width))]++;
        }
        double total = values.length;
        double sumAll = 0;
        for (int i = 0; i < BINS; i++) {
            sumAll += histogram[i] * (min + (i + 0.5) * width);
        }
        double weight = 0;
        double sum = 0;
        double best = -1;
        double threshold = min;
        for (int i = 0; i < BINS - 1; i++) {
            weight += histogram[i];
            sum += histogram[i] * (min + (i + 0.5) * width);
            if (weight == 0 || weight == total) {
                continue;
            }
            double between = Math.pow(sumAll * weight - sum * total, 2) / (weight * (total - weight));
            if (between > best) {
                best = between;
                threshold = min + (i + 0.5) * width;
            }
        }
        return threshold;
    }
}
