package org.terrawatch.query.edit;

/**
 * An edit the server will not make; each protocol renders it in its own error form (an OWS ExceptionReport,
 * a problem+json document). The message names the feature and the rule.
 */
public class EditRefused extends RuntimeException {

    /** Why: maps to 401 (UNAUTHENTICATED), OperationProcessingFailed/403, InvalidValue/400, 409 or 412, NotFound/404, InvalidLockId/403. */
    public enum Reason {
        UNAUTHENTICATED,
        FORBIDDEN,
        INVALID,
        CONFLICT,
        NOT_FOUND,
        LOCKED
    }

    private final Reason reason;
    private final String field;

    public EditRefused(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public EditRefused(Reason reason, String field, String message, Throwable cause) {
        this(reason, field, message);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The property at fault, or null. */
    public String field() {
        return field;
    }
}
