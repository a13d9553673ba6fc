package org.terrawatch.change.signal;

import org.terrawatch.raster.Bands;

/**
 * What the change model makes of a window of both epochs: which pixels changed, the change magnitude, and the
 * after-epoch in the before-epoch's radiometry (for the direction of each change).
 */
public record StripSignal(boolean[] changed, double[] magnitude, Bands before, Bands normalisedAfter) {
}
