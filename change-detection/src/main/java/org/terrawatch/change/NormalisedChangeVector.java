package org.terrawatch.change;

/**
 * The first change signal of the pipeline: IR-MAD finds pseudo-invariant pixels (the 30 % least changed), the
 * after-epoch is normalised onto the before-epoch on them, the change vector's length is averaged over 3 × 3
 * pixels and Otsu's threshold separates changed from unchanged. Same settings for every image.
 */
public final class NormalisedChangeVector {

    public static final int IR_MAD_ITERATIONS = 20;
    public static final double INVARIANT_SHARE = 0.3;
    public static final int SMOOTHING_RADIUS = 1;

    private NormalisedChangeVector() {
    }

    /** Changed pixels. */
    public static boolean[] detect(Bands before, Bands after) {
        double[] chi = IrMad.chiSquare(before, after, IR_MAD_ITERATIONS);
        Bands normalised = RelativeNormalisation.normalise(before, after, RelativeNormalisation.lowest(chi, INVARIANT_SHARE));
        double[] magnitude = BoxFilter.mean(ChangeVector.magnitude(before, normalised), before.width(), before.height(), SMOOTHING_RADIUS);
        double threshold = Otsu.threshold(magnitude);
        boolean[] changed = new boolean[magnitude.length];
        for (int p = 0; p < magnitude.length; p++) {
            changed[p] = magnitude[p] > threshold;
        }
        return changed;
    }
}
