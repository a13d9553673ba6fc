package org.terrawatch.change.vector;

import java.util.Arrays;

/**
 * A 4-connected area of changed pixels as the labeller builds it: its runs (row, first column, column after the
 * last), its pixel count and bounds, and the sums of each band on both dates and of the change magnitude, from
 * which its mean spectra and direction of change follow.
 */
public final class Component {

    private int[] runs = new int[24];
    private int runCount;
    private long pixels;
    private int minColumn = Integer.MAX_VALUE;
    private int maxColumn = Integer.MIN_VALUE;
    private int minRow = Integer.MAX_VALUE;
    private int maxRow = Integer.MIN_VALUE;
    private final double[] beforeSums;
    private final double[] afterSums;
    private double magnitudeSum;
    Component parent = this;

    Component(int bands) {
        this.beforeSums = new double[bands];
        this.afterSums = new double[bands];
    }

    void addRun(int row, int start, int end) {
        if (3 * (runCount + 1) > runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
        }
        runs[3 * runCount] = row;
        runs[3 * runCount + 1] = start;
        runs[3 * runCount + 2] = end;
        runCount++;
        pixels += end - start;
        minColumn = Math.min(minColumn, start);
        maxColumn = Math.max(maxColumn, end - 1);
        minRow = Math.min(minRow, row);
        maxRow = Math.max(maxRow, row);
    }

    void addPixel(float[] before, float[] after, double magnitude) {
        for (int b = 0; b < beforeSums.length; b++) {
            beforeSums[b] += before[b];
            afterSums[b] += after[b];
        }
        magnitudeSum += magnitude;
    }

    /** Takes over another component's runs and sums (the two touched). */
    void absorb(Component other) {
        for (int r = 0; r < other.runCount; r++) {
            addRun(other.runs[3 * r], other.runs[3 * r + 1], other.runs[3 * r + 2]);
        }
        for (int b = 0; b < beforeSums.length; b++) {
            beforeSums[b] += other.beforeSums[b];
            afterSums[b] += other.afterSums[b];
        }
        magnitudeSum += other.magnitudeSum;
        other.runs = null;
    }

    public long pixels() {
        return pixels;
    }

    public int runCount() {
        return runCount;
    }

    /** Run i as {row, first column, column after the last}. */
    public int[] run(int i) {
        return new int[] {runs[3 * i], runs[3 * i + 1], runs[3 * i + 2]};
    }

    public int minColumn() {
        return minColumn;
    }

    public int maxColumn() {
        return maxColumn;
    }

    public int minRow() {
        return minRow;
    }

    public int maxRow() {
        return maxRow;
    }

    public double[] meanBefore() {
        return mean(beforeSums);
    }

    /** In the before-epoch's radiometry. */
    public double[] meanAfter() {
        return mean(afterSums);
    }

    public double meanMagnitude() {
        return magnitudeSum / pixels;
    }

    private double[] mean(double[] sums) {
        double[] mean = new double[sums.length];
        for (int b = 0; b < sums.length; b++) {
            mean[b] = sums[b] / pixels;
        }
        return mean;
    }

    Component root() {
        Component c = this;
        while (c.parent != c) {
            c.parent = c.parent.parent;
            c = c.parent;
        }
        return c;
    }
}
