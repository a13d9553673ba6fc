package org.terrawatch.change.signal;

/**
 * Kittler and Illingworth's minimum-error threshold (1986): the histogram is taken as a mixture of two normal
 * populations, and the threshold is the value at which classifying by it makes the fewest errors under that model
 * (the minimum of J(t) = 1 + 2 [P₁ ln σ₁ + P₂ ln σ₂] − 2 [P₁ ln P₁ + P₂ ln P₂]). Unlike Otsu's, which favours
 * classes of similar spread, it holds when the unchanged pixels far outnumber the changed and spread less.
 */
public final class KittlerIllingworth {

    private static final int BINS = 256;

    private KittlerIllingworth() {
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
        double[] histogram = new double[BINS];
        for (double v : values) {
            histogram[Math.min(BINS - 1, (int) ((v - min) / width))] += 1.0 / values.length;
        }
        double[] centres = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            centres[i] = min + (i + 0.5) * width;
        }
        double best = Double.POSITIVE_INFINITY;
        double threshold = Double.NaN;
        for (int split = 1; split < BINS - 1; split++) {
            double[] lower = moments(histogram, centres, 0, split);
            double[] upper = moments(histogram, centres, split, BINS);
            if (lower[0] < 1e-6 || upper[0] < 1e-6 || lower[2] <= 0 || upper[2] <= 0) {
                continue;
            }
            double j = 1 + lower[0] * Math.log(lower[2]) + upper[0] * Math.log(upper[2])
                    - 2 * (lower[0] * Math.log(lower[0]) + upper[0] * Math.log(upper[0]));
            if (j < best) {
                best = j;
                threshold = min + split * width;
            }
        }
        return Double.isNaN(threshold) ? Otsu.threshold(values) : threshold;
    }

    /** Weight, mean and variance of the bins [from, to). */
    private static double[] moments(double[] histogram, double[] centres, int from, int to) {
        double weight = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            weight += histogram[i];
            sum += histogram[i] * centres[i];
        }
        if (weight <= 0) {
            return new double[] {0, 0, 0};
        }
        double mean = sum / weight;
        double variance = 0;
        for (int i = from; i < to; i++) {
            variance += histogram[i] * (centres[i] - mean) * (centres[i] - mean);
        }
        return new double[] {weight, mean, variance / weight};
    }
}
