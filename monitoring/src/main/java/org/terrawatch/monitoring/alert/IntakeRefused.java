package org.terrawatch.monitoring.alert;

/**
 * An alert the intake does not accept, with the field at fault: a bad payload (400), or an external id already taken by
 * another alert's content (409). Nothing is stored.
 */
public final class IntakeRefused extends RuntimeException {

    private final String field;
    private final int status;

    private IntakeRefused(String field, String message, int status) {
        super(message);
        this.field = field;
        this.status = status;
    }

    /** A field missing, malformed, out of range, or naming what is not known (a camera, a type). */
    public static IntakeRefused field(String field, String message) {
        return new IntakeRefused(field, message, 400);
    }

    /** The external id names a stored alert with other content. */
    public static IntakeRefused conflict(String externalId) {
        return new IntakeRefused("externalId", "Alert " + externalId + " was received before with other content; an external id "
                + "names one alert", 409);
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
