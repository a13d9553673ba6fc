package org.terrawatch.change;

import java.util.List;

/**
 * What a detection did, and what it could not do.
 *
 * @param width, height   the before-epoch's grid
 * @param resampled       whether the after-epoch was resampled onto it
 * @param pixelAreaM2     a pixel's area on the ground at the image's middle row, m²
 * @param threshold       the change-magnitude threshold the model learned
 * @param changedPixels   pixels decided changed before the sieve
 * @param areas           changed areas found, before the sieve
 * @param kept            changed areas that passed the sieve
 * @param largestDroppedM2 the largest changed area the sieve dropped, m² (0 when none was)
 * @param notes           statements for whoever reads the result: resampling, what the band layout limits, and why
 *                        nothing was kept when nothing was
 */
public record DetectionSummary(int width, int height, boolean resampled, double pixelAreaM2, double threshold, long changedPixels,
                               long areas, long kept, double largestDroppedM2, List<String> notes) {

    public DetectionSummary {
        notes = List.copyOf(notes);
    }
}
