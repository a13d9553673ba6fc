package org.terrawatch.processing.job;

import java.util.Locale;

/** Where a job stands; the lower-case names are OGC API - Processes' status codes. */
public enum JobStatus {
    ACCEPTED,
    RUNNING,
    SUCCESSFUL,
    FAILED,
    DISMISSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCESSFUL || this == FAILED || this == DISMISSED;
    }
}
