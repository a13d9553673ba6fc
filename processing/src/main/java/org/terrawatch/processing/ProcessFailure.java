package org.terrawatch.processing;

import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;

/**
 * A process request refused or a run that failed, with the OGC exception code (WPS 1.0.0 names:
 * {@code MissingParameterValue}, {@code InvalidParameterValue}, {@code NoApplicableCode}, ...) and the input it
 * concerns. Each protocol renders it in its own form.
 */
public class ProcessFailure extends RuntimeException {

    public static final String MISSING = "MissingParameterValue";
    public static final String INVALID = "InvalidParameterValue";
    public static final String FAILED = "NoApplicableCode";
    public static final String FORBIDDEN = "Forbidden";

    private final String code;
    private final String locator;

    public ProcessFailure(String code, String locator, String message) {
        super(message);
        this.code = code;
        this.locator = locator;
    }

    public static ProcessFailure missing(String input) {
        return new ProcessFailure(MISSING, input, "The input " + input + " is required");
    }

    public static ProcessFailure invalid(String input, String message) {
        return new ProcessFailure(INVALID, input, message);
    }

    public String code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    /** The same failure as the OGC service exception the protocols render (a refusal by the workflow is a 403). */
    public OwsException toOwsException() {
        ExceptionCode ows = switch (code) {
            case MISSING -> ExceptionCode.MISSING_PARAMETER_VALUE;
            case INVALID -> ExceptionCode.INVALID_PARAMETER_VALUE;
            case FORBIDDEN -> ExceptionCode.OPERATION_PROCESSING_FAILED;
            default -> ExceptionCode.NO_APPLICABLE_CODE;
        };
        return new OwsException(ows, locator, getMessage());
    }

    /** Whether the request was at fault (not the run). */
    public boolean clientError() {
        return !FAILED.equals(code);
    }
}
