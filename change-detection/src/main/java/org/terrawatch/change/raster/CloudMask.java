package org.terrawatch.change.raster;

import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;

/**
 * Pixels of an epoch to leave out — clouds, their shadows, snow, fill — from a mask band: a pixel is masked where
 * the band's value has any of the given bits set. The band is either one of the epoch's own (a {@code QA_PIXEL} or
 * {@code CLOUD_MASK} band in its layout, then not a spectral band) or the first band of a separate raster on the
 * epoch's grid. A plain mask (non-zero = masked) uses every bit; a Landsat Collection 2 {@code QA_PIXEL} band uses
 * {@link #LANDSAT_QA_PIXEL_CLOUDS}.
 *
 * @param raster a separate mask raster, or null for a band of the epoch itself
 * @param band   the mask band: in the epoch, or 0 in a separate raster
 */
public record CloudMask(EpochRaster raster, int band, int bits) {

    /** Any non-zero value masks. */
    public static final int ANY = -1;
    /** Landsat Collection 2 QA_PIXEL: fill (bit 0), dilated cloud (1), cirrus (2), cloud (3), cloud shadow (4). */
    public static final int LANDSAT_QA_PIXEL_CLOUDS = 0b1_1111;

    /** A band of the epoch's own file. */
    public static CloudMask inBand(int band, int bits) {
        return new CloudMask(null, band, bits);
    }

    /** The first band of a separate raster on the epoch's grid. */
    public static CloudMask external(EpochRaster raster, int bits) {
        return new CloudMask(raster, 0, bits);
    }

    /** The epoch's spectral bands, given all the bands its file has. */
    public int spectralBands(int fileBands) {
        return raster == null ? fileBands - 1 : fileBands;
    }

    /**
     * The window's spectral bands with NaN where the mask says so (the mask band itself removed when it is the
     * epoch's own).
     */
    public Bands apply(Bands window, int column, int row) {
        float[] mask = raster == null ? window.values()[band] : raster.read(column, row, window.width(), window.height()).values()[0];
        float[][] spectral = new float[spectralBands(window.count())][];
        for (int b = 0, s = 0; b < window.count(); b++) {
            if (raster != null || b != band) {
                spectral[s++] = window.values()[b];
            }
        }
        for (int p = 0; p < mask.length; p++) {
            if (!Float.isNaN(mask[p]) && ((int) mask[p] & bits) != 0) {
                for (float[] values : spectral) {
                    values[p] = Float.NaN;
                }
            }
        }
        return new Bands(window.width(), window.height(), spectral);
    }
}
