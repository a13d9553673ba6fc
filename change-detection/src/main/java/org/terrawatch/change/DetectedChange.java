package org.terrawatch.change;

import org.locationtech.jts.geom.Geometry;
import org.terrawatch.change.vector.Component;

/**
 * One changed area found by a detection.
 *
 * @param outline       polygon (with holes) or multipolygon in the image's CRS
 * @param pixels        changed pixels in it
 * @param areaM2        its pixels' area on the ground, m² ({@link org.terrawatch.raster.GroundPixels}), whatever the CRS
 * @param direction     what kind of change its spectra show
 * @param meanMagnitude its mean change magnitude (the model's threshold is where change begins)
 * @param component     its pixels as runs, for rasterising it back (accuracy checks); valid during the callback
 */
public record DetectedChange(Geometry outline, long pixels, double areaM2, ChangeDirection direction,
                             double meanMagnitude, Component component) {
}
