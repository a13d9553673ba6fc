package org.terrawatch.change;

/**
 * What a detection did.
 *
 * @param width, height   the before-epoch's grid
 * @param resampled       whether the after-epoch was resampled onto it
 * @param threshold       the change-magnitude threshold the model learned
 * @param changedPixels   pixels decided changed before the sieve
 * @param areas           changed areas found, before the sieve
 * @param kept            changed areas that passed the sieve
 */
public record DetectionSummary(int width, int height, boolean resampled, double threshold, long changedPixels, long areas, long kept) {
}
