package org.terrawatch.monitoring.patch;

/** A department's on-site verification result. Labels: {@code labels.properties}. */
public enum VerificationResult {
    LEGAL,
    ILLEGAL,
    NOT_REAL_CHANGE,
    OTHER
}
