package org.terrawatch.monitoring.patch;

/** The satellite centre's office pre-check (内业初核) of a patch. Labels: {@code labels.properties}. */
public enum PrecheckResult {
    SUSPECTED_VIOLATION,
    COMPLIANT_CHANGE,
    NOT_A_CHANGE,
    NEEDS_FIELD_CHECK
}
