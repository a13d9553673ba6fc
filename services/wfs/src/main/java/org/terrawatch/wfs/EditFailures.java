package org.terrawatch.wfs;

import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.edit.EditRefused;

/** A refused edit as the WFS exception a client expects, with the HTTP status that says why. */
final class EditFailures {

    private EditFailures() {
    }

    /** @param locator the action's handle or the feature id */
    static OwsException of(EditRefused refused, String locator) {
        return switch (refused.reason()) {
            case UNAUTHENTICATED -> new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, locator, refused.getMessage(), refused)
                    .withStatus(401);
            case FORBIDDEN -> new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, locator, refused.getMessage(), refused);
            case INVALID -> new OwsException(ExceptionCode.INVALID_VALUE, locator, refused.getMessage(), refused);
            case CONFLICT -> new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, locator, refused.getMessage(), refused)
                    .withStatus(409);
            case NOT_FOUND -> new OwsException(ExceptionCode.NOT_FOUND, locator, refused.getMessage(), refused);
            case LOCKED -> new OwsException(ExceptionCode.INVALID_LOCK_ID, locator, refused.getMessage(), refused);
        };
    }
}
