package org.terrawatch.monitoring.patch;

/**
 * How much of a patch lies on each base layer valid for its period, in square metres: the figures the
 * office pre-check and the departments judge a change by.
 */
public record OverlayAreas(double onFarmlandM2, double onBasicFarmlandM2, double outsideApprovedM2,
                           double againstPlanM2, double inMiningLicenceM2, double outsideMiningLicenceM2) {

    public static final OverlayAreas NONE = new OverlayAreas(0, 0, 0, 0, 0, 0);

    public OverlayAreas {
        for (double value : new double[] {onFarmlandM2, onBasicFarmlandM2, outsideApprovedM2, againstPlanM2,
                inMiningLicenceM2, outsideMiningLicenceM2}) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Overlay areas are finite and not negative: " + value);
            }
        }
    }
}
