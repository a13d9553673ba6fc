package org.terrawatch.change.signal;

/**
 * Kittler and Illingworth's minimum-error threshold (1986): the histogram is taken as a mixture of two normal
 * populations, and the threshold is the value at which classifying by it makes the fewest errors under that model
 * (the minimum of J(t) = 1 + 2 [P₁ ln σ₁ + P₂ ln σ₂] − 2 [P₁ ln P₁ + P₂ ln P₂]). Unlike Otsu's, which favours
 * classes of similar spread, it holds when the unchanged pixels far outnumber the changed and spread less.
 */
public final class KittlerIllingworth {

    private KittlerIllingworth() {
    }

    public static double threshold(double[] values) {
        Histogram counted = Histogram.of(values);
        if (!counted.spread()) {
            return counted.max();
        }
        double[] histogram = new double[Histogram.BINS];
        double[] centres = new double[Histogram.BINS];
        for (int i = 0; i < Histogram.BINS; i++) {
            histogram[i] = counted.counts()[i] / (double) counted.total();
            centres[i] = counted.centre(i);
        }
        double best = Double.POSITIVE_INFINITY;
        double threshold = Double.NaN;
        for (int split = 1; split < Histogram.BINS - 1; split++) {
            double[] lower = moments(histogram, centres, 0, split);
            double[] upper = moments(histogram, centres, split, Histogram.BINS);
            if (lower[0] < 1e-6 || upper[0] < 1e-6 || lower[2] <= 0 || upper[2] <= 0) {
                continue;
            }
            double j = 1 + lower[0] * Math.log(lower[2]) + upper[0] * Math.log(upper[2])
                    - 2 * (lower[0] * Math.log(lower[0]) + upper[0] * Math.log(upper[0]));
            if (j < best) {
                best = j;
                threshold = counted.start(split);
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
