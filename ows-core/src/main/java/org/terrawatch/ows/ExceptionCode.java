package org.terrawatch.ows;

/** OWS Common 1.1 and WFS 2.0 exception codes with the HTTP status OWS Common 2.0 assigns them. */
public enum ExceptionCode {
    MISSING_PARAMETER_VALUE("MissingParameterValue", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    OPERATION_NOT_SUPPORTED("OperationNotSupported", 501),
    OPTION_NOT_SUPPORTED("OptionNotSupported", 501),
    VERSION_NEGOTIATION_FAILED("VersionNegotiationFailed", 400),
    OPERATION_PARSING_FAILED("OperationParsingFailed", 400),
    NOT_FOUND("NotFound", 404),
    /** WFS 2.0: a transaction or lock the server could not carry out (here: refused by the workflow or by rights). */
    OPERATION_PROCESSING_FAILED("OperationProcessingFailed", 403),
    /** WFS 2.0: a value in a Transaction is not valid for its property. */
    INVALID_VALUE("InvalidValue", 400),
    /** WFS 2.0: a lock id that is unknown, or a feature locked under another lock. */
    INVALID_LOCK_ID("InvalidLockId", 403),
    LOCK_HAS_EXPIRED("LockHasExpired", 403),
    CANNOT_LOCK_ALL_FEATURES("CannotLockAllFeatures", 400),
    NO_APPLICABLE_CODE("NoApplicableCode", 500);

    private final String wireName;
    private final int httpStatus;

    ExceptionCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The code as written in an ExceptionReport. */
    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
