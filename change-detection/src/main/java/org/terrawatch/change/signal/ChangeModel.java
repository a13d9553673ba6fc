package org.terrawatch.change.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.terrawatch.raster.Bands;

/**
 * The change model of one pair of epochs, learned from a sample of both and then applied window by window, so
 * an image of any size is decided by the same figures:
 * <ol>
 * <li>IR-MAD's chi-square picks the pseudo-invariant pixels (the given share least changed);</li>
 * <li>the after-epoch is normalised onto the before-epoch on them ({@link RelativeNormalisation});</li>
 * <li>each band's difference is standardised by its mean and spread on those pixels, and the length of the
 *     standardised change vector is averaged over a square of (2·radius + 1)² pixels;</li>
 * <li>a pixel changed where that averaged magnitude passes the threshold — Kittler and Illingworth's minimum-error
 *     threshold on the sample's averaged magnitudes —, its own magnitude does too (so the average does not spread a
 *     change onto its neighbours), IR-MAD agrees (the square root of its chi-square, averaged over the same square,
 *     passes its own minimum-error threshold: two signals, one learned without the normalisation, must both see a
 *     change), and its spectral class ({@link SpectralClasses}) changes kind between the dates within one pixel of
 *     it.</li>
 * </ol>
 * No figure is tuned per image.
 */
public final class ChangeModel {

    /** IR-MAD, the normalisation, the spreads and the classes are learned from at most this many sample pixels. */
    static final int STATISTICS_PIXELS = 1 << 18;

    private final ModelSettings settings;
    private final RelativeNormalisation normalisation;
    private final double[] differenceMean;
    private final double[] differenceSpread;
    private final SpectralClasses classes;
    private final double threshold;
    private final IrMad mad;
    private final double madThreshold;

    private ChangeModel(ModelSettings settings, RelativeNormalisation normalisation, double[] differenceMean,
                        double[] differenceSpread, SpectralClasses classes, double threshold, IrMad mad, double madThreshold) {
        this.settings = settings;
        this.normalisation = normalisation;
        this.differenceMean = differenceMean;
        this.differenceSpread = differenceSpread;
        this.classes = classes;
        this.threshold = threshold;
        this.mad = mad;
        this.madThreshold = madThreshold;
    }

    /**
     * Learns the model from sample windows (each a before and an after window on the same grid; NaN where a
     * pixel has no value or is masked).
     */
    public static ChangeModel fit(List<Bands[]> sample, ModelSettings settings) {
        Bands[] valid = thinned(validPixels(sample), STATISTICS_PIXELS);
        Bands before = valid[0];
        Bands after = valid[1];
        if (before.pixels() < 100) {
            throw new IllegalArgumentException("The epochs share fewer than 100 valid pixels: nothing to compare");
        }
        IrMad mad = IrMad.fit(before, after, settings.irMadIterations());
        boolean[] invariant = RelativeNormalisation.lowest(mad.sampleChiSquare(), settings.invariantShare());
        RelativeNormalisation normalisation = RelativeNormalisation.fit(before, after, invariant);
        Bands normalised = normalisation.apply(after);
        int bands = before.count();
        double[] mean = new double[bands];
        double[] spread = new double[bands];
        for (int b = 0; b < bands; b++) {
            double n = 0;
            double sum = 0;
            double squares = 0;
            for (int p = 0; p < before.pixels(); p++) {
                if (invariant[p]) {
                    double d = normalised.values()[b][p] - before.values()[b][p];
                    n++;
                    sum += d;
                    squares += d * d;
                }
            }
            mean[b] = sum / n;
            double sd = Math.sqrt(Math.max(0, squares / n - mean[b] * mean[b]));
            spread[b] = sd > 0 ? sd : 1;
        }
        ChangeModel unclassified = new ChangeModel(settings, normalisation, mean, spread, null, Double.NaN, mad, Double.NaN);
        List<Double> magnitudes = new ArrayList<>();
        List<Double> madMagnitudes = new ArrayList<>();
        for (Bands[] window : sample) {
            Bands windowAfter = normalisation.apply(window[1]);
            addValid(magnitudes, unclassified.smooth(unclassified.magnitude(window[0], windowAfter), window[0]));
            addValid(madMagnitudes, unclassified.smooth(unclassified.madMagnitude(window[0], window[1]), window[0]));
        }
        double threshold = settings.thresholdFactor() * KittlerIllingworth.threshold(values(magnitudes));
        double madThreshold = settings.thresholdFactor() * KittlerIllingworth.threshold(values(madMagnitudes));
        double[] own = unclassified.magnitude(before, normalised);
        boolean[] candidate = new boolean[own.length];
        for (int p = 0; p < own.length; p++) {
            candidate[p] = own[p] > threshold;
        }
        SpectralClasses classes = SpectralClasses.fit(before, normalised, candidate, settings.spectralClasses(), settings.seed());
        return new ChangeModel(settings, normalisation, mean, spread, classes, threshold, mad, madThreshold);
    }

    private static void addValid(List<Double> list, double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                list.add(v);
            }
        }
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Decides every pixel of a window of both epochs (on the same grid). Spectral classes are computed only around
     * pixels whose magnitudes pass, where the decision needs them.
     */
    public StripSignal evaluate(Bands before, Bands after) {
        Bands normalised = normalisation.apply(after);
        double[] own = magnitude(before, normalised);
        double[] magnitude = smooth(own, before);
        double[] madOwn = new double[own.length];
        Arrays.fill(madOwn, -1); // computed where needed: around the pixels that pass the other conditions
        int width = before.width();
        int height = before.height();
        byte[] kind = new byte[own.length]; // 0 unknown, 1 same kind of cover on both dates, 2 another kind
        boolean[] changed = new boolean[own.length];
        double ownThreshold = settings.ownShare() * threshold;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (!(magnitude[p] > threshold && own[p] > ownThreshold && madMean(before, after, madOwn, x, y) > madThreshold)) {
                    continue;
                }
                search:
                for (int yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
                        int q = yy * width + xx;
                        if (kind[q] == 0) {
                            boolean sameKind = Double.isNaN(own[q]) || classes.sameKind(classes.classOf(before, q), classes.classOf(normalised, q));
                            kind[q] = (byte) (sameKind ? 1 : 2);
                        }
                        if (kind[q] == 2) {
                            changed[p] = true;
                            break search;
                        }
                    }
                }
            }
        }
        if (settings.closing()) {
            changed = Morphology.close(changed, width, height);
            for (int p = 0; p < changed.length; p++) {
                changed[p] &= !Double.isNaN(magnitude[p]);
            }
        }
        return new StripSignal(changed, magnitude, before, normalised);
    }

    /** The threshold the smoothed magnitude must pass. */
    public double threshold() {
        return threshold;
    }

    /** Rows a window needs beyond the rows it decides, for smoothing and morphology to match the whole image. */
    public int halo() {
        return settings.smoothingRadius() + 3;
    }

    private double[] smooth(double[] values, Bands window) {
        return BoxFilter.mean(values, window.width(), window.height(), settings.smoothingRadius());
    }

    /**
     * The mean of the IR-MAD magnitudes over the square around a pixel, as {@link BoxFilter} takes it, each computed
     * once when first needed (-1: not yet).
     */
    private double madMean(Bands before, Bands after, double[] madOwn, int x, int y) {
        int width = before.width();
        int height = before.height();
        int radius = settings.smoothingRadius();
        double sum = 0;
        int count = 0;
        for (int yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
            for (int xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
                int q = yy * width + xx;
                if (madOwn[q] < 0) {
                    madOwn[q] = Math.sqrt(mad.chiSquare(before, after, q));
                }
                if (!Double.isNaN(madOwn[q])) {
                    sum += madOwn[q];
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The square root of each pixel's IR-MAD chi-square (the length of its standardised MAD vector). */
    private double[] madMagnitude(Bands before, Bands after) {
        double[] chi = mad.chiSquare(before, after);
        for (int p = 0; p < chi.length; p++) {
            chi[p] = Math.sqrt(chi[p]);
        }
        return chi;
    }

    /** The length of each pixel's standardised change vector. */
    private double[] magnitude(Bands before, Bands normalisedAfter) {
        double[] magnitude = new double[before.pixels()];
        for (int b = 0; b < before.count(); b++) {
            float[] x = before.values()[b];
            float[] y = normalisedAfter.values()[b];
            for (int p = 0; p < magnitude.length; p++) {
                double z = (y[p] - x[p] - differenceMean[b]) / differenceSpread[b];
                magnitude[p] += z * z;
            }
        }
        for (int p = 0; p < magnitude.length; p++) {
            magnitude[p] = Math.sqrt(magnitude[p]);
        }
        return magnitude;
    }

    /** Every n-th pixel, so that at most the given number remain: the statistics need no more. */
    private static Bands[] thinned(Bands[] pixels, int limit) {
        int count = pixels[0].pixels();
        if (count <= limit) {
            return pixels;
        }
        int step = (count + limit - 1) / limit;
        int kept = (count + step - 1) / step;
        Bands[] out = new Bands[2];
        for (int e = 0; e < 2; e++) {
            float[][] values = new float[pixels[e].count()][kept];
            for (int b = 0; b < values.length; b++) {
                float[] source = pixels[e].values()[b];
                for (int i = 0; i < kept; i++) {
                    values[b][i] = source[i * step];
                }
            }
            out[e] = new Bands(kept, 1, values);
        }
        return out;
    }

    /** The pixels valid on both dates, of all windows, as two one-row images. */
    private static Bands[] validPixels(List<Bands[]> sample) {
        int bands = sample.get(0)[0].count();
        int count = 0;
        for (Bands[] window : sample) {
            if (window[0].count() != bands || window[1].count() != bands) {
                throw new IllegalArgumentException("Both epochs need the same bands: " + window[0].count() + " and " + window[1].count());
            }
            for (int p = 0; p < window[0].pixels(); p++) {
                count += valid(window, p) ? 1 : 0;
            }
        }
        float[][] before = new float[bands][count];
        float[][] after = new float[bands][count];
        int i = 0;
        for (Bands[] window : sample) {
            for (int p = 0; p < window[0].pixels(); p++) {
                if (valid(window, p)) {
                    for (int b = 0; b < bands; b++) {
                        before[b][i] = window[0].values()[b][p];
                        after[b][i] = window[1].values()[b][p];
                    }
                    i++;
                }
            }
        }
        return new Bands[] {new Bands(count, 1, before), new Bands(count, 1, after)};
    }

    private static boolean valid(Bands[] window, int p) {
        for (Bands epoch : window) {
            for (float[] band : epoch.values()) {
                if (Float.isNaN(band[p])) {
                    return false;
                }
            }
        }
        return true;
    }
}
