package org.terrawatch.monitoring.patch;

/** Life-cycle states of a change patch; the allowed transitions belong to the patch workflow. Labels: {@code labels.properties}. */
public enum PatchStatus {
    NEW,
    PRE_CHECKED,
    EXCLUDED,
    PUSHED,
    VERIFYING,
    VERIFIED,
    HANDLED,
    CLOSED
}
