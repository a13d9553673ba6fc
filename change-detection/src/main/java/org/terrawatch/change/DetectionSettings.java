package org.terrawatch.change;

import org.terrawatch.change.signal.ModelSettings;

/**
 * How a detection runs.
 *
 * @param model              the change model's fixed settings
 * @param minimumAreaM2      the sieve: changed areas smaller than this are dropped and smaller holes filled (the
 *                           smallest minimum mapping unit of any category; each category's own is applied later)
 * @param simplifyPixels     outline simplification tolerance in pixels (0 keeps the pixel staircase)
 * @param stripRows          rows decided per window
 * @param threads            windows decided at once
 * @param samplePixels       at most this many pixels are sampled to learn the model (a whole image below it)
 */
public record DetectionSettings(ModelSettings model, double minimumAreaM2, double simplifyPixels, int stripRows, int threads,
                                long samplePixels) {

    public static final DetectionSettings DEFAULTS = new DetectionSettings(ModelSettings.DEFAULTS, 200, 0.5, 256,
            Math.max(1, Runtime.getRuntime().availableProcessors()), 1L << 20);

    public DetectionSettings {
        if (!(minimumAreaM2 >= 0) || !(simplifyPixels >= 0) || stripRows < 8 || threads < 1 || samplePixels < 65_536) {
            throw new IllegalArgumentException("Invalid detection settings");
        }
    }

    public DetectionSettings withMinimumArea(double squareMetres) {
        return new DetectionSettings(model, squareMetres, simplifyPixels, stripRows, threads, samplePixels);
    }

    public DetectionSettings withThreads(int count) {
        return new DetectionSettings(model, minimumAreaM2, simplifyPixels, stripRows, count, samplePixels);
    }
}
