package org.terrawatch.monitoring.calendar;

/** The deadlines of the two seed documents. Labels: {@code labels.properties}. */
public enum DeadlineKind {
    GEOHAZARD_ON_SITE,
    VIDEO_VERIFICATION,
    SATELLITE_VERIFICATION,
    MONTHLY_EXTRACTION
}
