package org.terrawatch.change;

/**
 * What kind of change a changed area shows, read from its mean spectra on both dates (the after-date in the
 * before-date's radiometry). The first rule that holds wins:
 * <ol>
 * <li>{@link #WATER_GAIN} / {@link #WATER_LOSS}: NDWI crosses zero (a pond dug or filled);</li>
 * <li>{@link #BURN}: NBR falls by more than 0.27 (moderate severity) while the visible bands do not brighten, or,
 *     without SWIR, NDVI falls by more than 0.1 and every band darkens;</li>
 * <li>{@link #VEGETATION_GAIN}: NDVI rises by more than 0.1 (revegetation, restoration);</li>
 * <li>{@link #VEGETATION_LOSS}: NDVI falls by more than 0.1 (fields levelled, cleared, dug);</li>
 * <li>{@link #BRIGHTENING}: the visible bands brighten by more than a tenth (roofs, hardening, bare soil);</li>
 * <li>{@link #OTHER}.</li>
 * </ol>
 * Without red and NIR bands only brightening and other are told apart.
 */
public enum ChangeDirection {
    WATER_GAIN,
    WATER_LOSS,
    BURN,
    VEGETATION_GAIN,
    VEGETATION_LOSS,
    BRIGHTENING,
    OTHER;

    static final double NDVI_STEP = 0.1;
    static final double NBR_STEP = 0.27;
    static final double BRIGHTENING_SHARE = 0.1;

    public static ChangeDirection of(double[] before, double[] after, BandRoles roles) {
        SpectralIndices from = SpectralIndices.of(before, roles);
        SpectralIndices to = SpectralIndices.of(after, roles);
        if (!Double.isNaN(from.ndwi())) {
            if (from.ndwi() <= 0 && to.ndwi() > 0) {
                return WATER_GAIN;
            }
            if (from.ndwi() > 0 && to.ndwi() <= 0) {
                return WATER_LOSS;
            }
        }
        double ndviChange = to.ndvi() - from.ndvi();
        boolean brighter = to.brightness() > from.brightness() * (1 + BRIGHTENING_SHARE);
        if (!Double.isNaN(from.nbr())) {
            if (from.nbr() - to.nbr() > NBR_STEP && !(to.brightness() > from.brightness())) {
                return BURN;
            }
        } else if (ndviChange < -NDVI_STEP && darker(before, after)) {
            return BURN;
        }
        if (ndviChange > NDVI_STEP) {
            return VEGETATION_GAIN;
        }
        if (ndviChange < -NDVI_STEP) {
            return VEGETATION_LOSS;
        }
        return brighter ? BRIGHTENING : OTHER;
    }

    private static boolean darker(double[] before, double[] after) {
        for (int b = 0; b < before.length; b++) {
            if (!(after[b] < before[b])) {
                return false;
            }
        }
        return true;
    }
}
