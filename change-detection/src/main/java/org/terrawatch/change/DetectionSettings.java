package org.terrawatch.change;

import org.terrawatch.change.signal.ModelSettings;

/**
 * How a detection runs.
 *
 * @param model              the change model's fixed settings
 * @param minimumAreaM2      the sieve: changed areas smaller than this are dropped and smaller holes filled (the
 *                           smallest minimum mapping unit of any category; each category's own is applied later)
 * @param simplifyMetres     outline simplification tolerance on the ground, in metres (0 keeps the pixel staircase;
 *                           {@link #HALF_A_PIXEL}, the default, half the pixel's ground size, whatever the resolution)
 * @param stripRows          rows decided per window
 * @param threads            windows decided at once
 * @param samplePixels       at most this many pixels are sampled to learn the model (a whole image below it)
 */
public record DetectionSettings(ModelSettings model, double minimumAreaM2, double simplifyMetres, int stripRows, int threads,
                                long samplePixels) {

    /** The simplification tolerance that follows the resolution: half a pixel on the ground. */
    public static final double HALF_A_PIXEL = -1;

    public static final DetectionSettings DEFAULTS = new DetectionSettings(ModelSettings.DEFAULTS, 200, HALF_A_PIXEL, 256,
            Math.max(1, Runtime.getRuntime().availableProcessors()), 1L << 20);

    public DetectionSettings {
        if (!(minimumAreaM2 >= 0) || !(simplifyMetres >= 0 || simplifyMetres == HALF_A_PIXEL) || stripRows < 8 || threads < 1 || samplePixels < 65_536) {
            throw new IllegalArgumentException("Invalid detection settings");
        }
    }

    public DetectionSettings withMinimumArea(double squareMetres) {
        return new DetectionSettings(model, squareMetres, simplifyMetres, stripRows, threads, samplePixels);
    }

    public DetectionSettings withThreads(int count) {
        return new DetectionSettings(model, minimumAreaM2, simplifyMetres, stripRows, count, samplePixels);
    }

    public DetectionSettings withSimplification(double metres) {
        return new DetectionSettings(model, minimumAreaM2, metres, stripRows, threads, samplePixels);
    }

    /**
     * The simplification tolerance in the image's CRS units, for pixels of {@code pixelSize} CRS units and
     * {@code pixelGroundM2} m² on the ground.
     */
    public double simplificationTolerance(double pixelSize, double pixelGroundM2) {
        return simplifyMetres == HALF_A_PIXEL ? 0.5 * pixelSize : simplifyMetres * pixelSize / Math.sqrt(pixelGroundM2);
    }
}
