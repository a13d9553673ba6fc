package org.terrawatch.change.signal;

/**
 * The mean over a square window around each pixel, of the values that exist (NaN and the image's edge are left
 * out): spatial context, so that an isolated noisy pixel does not pass a threshold and a changed field does as a
 * whole. Separable: a running sum along rows, then along columns.
 */
public final class BoxFilter {

    private BoxFilter() {
    }

    public static double[] mean(double[] values, int width, int height, int radius) {
        double[] rowSums = new double[values.length];
        int[] rowCounts = new int[values.length];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int count = 0;
                for (int xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
                    double v = values[base + xx];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        count++;
                    }
                }
                rowSums[base + x] = sum;
                rowCounts[base + x] = count;
            }
        }
        double[] out = new double[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int count = 0;
                for (int yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
                    sum += rowSums[yy * width + x];
                    count += rowCounts[yy * width + x];
                }
                int p = y * width + x;
                out[p] = Double.isNaN(values[p]) || count == 0 ? Double.NaN : sum / count;
            }
        }
        return out;
    }
}
