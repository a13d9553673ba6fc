package org.terrawatch.change.signal;

/**
 * Binary closing with a 3 × 3 square (dilation then erosion): fills one-pixel gaps and notches inside a changed
 * area without growing its outline.
 */
public final class Morphology {

    private Morphology() {
    }

    private static boolean[] dilate(boolean[] mask, int width, int height) {
        return square(mask, width, height, true);
    }

    private static boolean[] erode(boolean[] mask, int width, int height) {
        return square(mask, width, height, false);
    }

    public static boolean[] close(boolean[] mask, int width, int height) {
        return erode(dilate(mask, width, height), width, height);
    }

    /** Any (dilation) or all (erosion) of the pixels under the square that exist. */
    private static boolean[] square(boolean[] mask, int width, int height, boolean any) {
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean result = !any;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1) && result != any; yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
                        if (mask[yy * width + xx] == any) {
                            result = any;
                            break;
                        }
                    }
                }
                out[y * width + x] = result;
            }
        }
        return out;
    }
}
