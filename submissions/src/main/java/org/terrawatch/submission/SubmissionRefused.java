package org.terrawatch.submission;

/**
 * A submission refused as a whole before any feature is looked at — a file that cannot be read, a CRS that is unknown
 * or has no known transformation to CGCS2000, a layer or month not handed in this way — with a code a client can
 * translate ({@code CORRUPT_FILE}, {@code MISSING_PRJ}, {@code UNKNOWN_CRS}, ...) and a message saying what to do.
 */
public final class SubmissionRefused extends RuntimeException {

    private final String code;

    public SubmissionRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
