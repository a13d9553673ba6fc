package org.terrawatch.change;

/**
 * The mean over a square window around each pixel (edges use the pixels that exist): spatial context, so that
 * an isolated noisy pixel does not pass a threshold and a changed field does as a whole.
 */
public final class BoxFilter {

    private BoxFilter() {
    }

    public static double[] mean(double[] values, int width, int height, int radius) {
        double[] out = new double[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int count = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int dx = -radius; dx <= radius; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < width) {
                            sum += values[yy * width + xx];
                            count++;
                        }
                    }
                }
                out[y * width + x] = sum / count;
            }
        }
        return out;
    }
}
