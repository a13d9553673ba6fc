package org.terrawatch.change.signal;

/**
 * The fixed settings of the change model, the same for every image.
 *
 * @param irMadIterations  reweighting rounds of IR-MAD
 * @param invariantShare   the share of least-changed pixels taken as pseudo-invariant
 * @param smoothingRadius  the radius of the square the change magnitude is averaged over
 * @param thresholdFactor  the threshold as a multiple of the minimum-error threshold on the sample's magnitudes
 * @param ownShare         a changed pixel's own magnitude must also pass this share of the threshold (so smoothing
 *                         does not spread a change onto its unchanged neighbours)
 * @param spectralClasses  the number of k-means classes a change of kind is judged by
 * @param closing          whether one-pixel gaps inside changed areas are closed
 * @param seed             the seed of k-means++, so runs repeat
 */
public record ModelSettings(int irMadIterations, double invariantShare, int smoothingRadius, double thresholdFactor,
                            double ownShare, int spectralClasses, boolean closing, long seed) {

    public static final ModelSettings DEFAULTS = new ModelSettings(20, 0.3, 1, 1.0, 1.0, 8, false, 1);

    public ModelSettings {
        if (irMadIterations < 1 || !(invariantShare > 0 && invariantShare < 1) || smoothingRadius < 0
                || !(thresholdFactor > 0) || spectralClasses < 2) {
            throw new IllegalArgumentException("Invalid change model settings");
        }
    }
}
