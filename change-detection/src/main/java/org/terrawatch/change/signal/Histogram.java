package org.terrawatch.change.signal;

/**
 * A histogram of 256 equal bins between the values' minimum and maximum: what the automatic thresholds read.
 */
record Histogram(double min, double max, double width, long[] counts, long total) {

    static final int BINS = 256;

    static Histogram of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long[] counts = new long[BINS];
        double width = max > min ? (max - min) / BINS : 0;
        if (width > 0) {
            for (double v : values) {
                counts[Math.min(BINS - 1, (int) ((v - min) / width))]++;
            }
        }
        return new Histogram(min, max, width, counts, values.length);
    }

    /** Whether the values differ at all (else there is nothing to separate). */
    boolean spread() {
        return width > 0;
    }

    /** The value in the middle of a bin. */
    double centre(int bin) {
        return min + (bin + 0.5) * width;
    }

    /** The value where a bin begins. */
    double start(int bin) {
        return min + bin * width;
    }
}
