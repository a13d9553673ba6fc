package org.terrawatch.monitoring.patch;

/** How a verified patch was handled. Labels: {@code labels.properties}. */
public enum HandlingMeasure {
    CASE_FILED,
    RECTIFIED,
    DEMOLISHED,
    RECLAIMED,
    PERMIT_COMPLETED,
    NO_ACTION_NEEDED,
    OTHER
}
