package org.terrawatch.ows;

import java.util.Objects;

/**
 * A request the service cannot answer, with the OGC exception code, the locator (usually the offending
 * parameter) and the HTTP status. Thrown by parsers and operations; one handler per protocol family renders it.
 */
public class OwsException extends RuntimeException {

    private final ExceptionCode code;
    private final String locator;
    private int status;

    public OwsException(ExceptionCode code, String locator, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.locator = locator;
        this.status = code.httpStatus();
    }

    public OwsException(ExceptionCode code, String locator, String message, Throwable cause) {
        this(code, locator, message);
        initCause(cause);
    }

    public ExceptionCode code() {
        return code;
    }

    /** The parameter or element at fault, or null. */
    public String locator() {
        return locator;
    }

    public int httpStatus() {
        return status;
    }

    /** The same exception answered with another HTTP status (401 for missing credentials, 409 for a conflict). */
    public OwsException withStatus(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    public static OwsException missing(String parameter) {
        return new OwsException(ExceptionCode.MISSING_PARAMETER_VALUE, parameter, "Parameter " + parameter + " is required");
    }

    public static OwsException invalid(String parameter, String message) {
        return new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, parameter, message);
    }
}
