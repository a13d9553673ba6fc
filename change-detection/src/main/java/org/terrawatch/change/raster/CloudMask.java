package org.terrawatch.change.raster;

/**
 * Pixels of an epoch to leave out — clouds, their shadows, snow, fill — from a mask band on the epoch's grid: a
 * pixel is masked where its value has any of the given bits set. A plain mask (non-zero = masked) uses every bit;
 * a Landsat Collection 2 {@code QA_PIXEL} band uses {@link #LANDSAT_QA_PIXEL_CLOUDS}.
 */
public record CloudMask(EpochRaster band, int bits) {

    /** Any non-zero value masks. */
    public static final int ANY = -1;
    /** Landsat Collection 2 QA_PIXEL: fill (bit 0), dilated cloud (1), cirrus (2), cloud (3), cloud shadow (4). */
    public static final int LANDSAT_QA_PIXEL_CLOUDS = 0b1_1111;

    /** Sets every band of the window to NaN where the mask says so. */
    public void apply(Bands window, int column, int row) {
        float[] mask = band.read(column, row, window.width(), window.height()).values()[0];
        for (int p = 0; p < mask.length; p++) {
            if (!Float.isNaN(mask[p]) && ((int) mask[p] & bits) != 0) {
                for (float[] values : window.values()) {
                    values[p] = Float.NaN;
                }
            }
        }
    }
}
