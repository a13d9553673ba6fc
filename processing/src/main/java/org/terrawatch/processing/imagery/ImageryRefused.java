package org.terrawatch.processing.imagery;

/**
 * An imagery epoch the server will not register, with a code a client can translate ({@code UNREADABLE},
 * {@code NO_CRS}, {@code UNKNOWN_CRS}, {@code BANDS_MISMATCH}, {@code UNKNOWN_BAND_ROLE}, {@code NAME_TAKEN},
 * {@code BAD_DATE}, {@code OUTSIDE_FOLDER}, {@code NOT_FOUND}, {@code MISSING}) and a message saying what to do.
 * Nothing of it is kept.
 */
public final class ImageryRefused extends RuntimeException {

    private final String code;

    public ImageryRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
