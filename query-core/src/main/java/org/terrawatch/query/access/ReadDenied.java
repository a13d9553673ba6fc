package org.terrawatch.query.access;

import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;

/**
 * A read the rules do not grant: 401 for a caller nobody signed in as (so a GIS client asks for a password), 403 for a
 * signed-in caller; each protocol writes it in its own form.
 */
public final class ReadDenied extends OwsException {

    public ReadDenied(String layer, Reader reader) {
        super(reader.anonymous() ? ExceptionCode.NO_APPLICABLE_CODE : ExceptionCode.OPERATION_PROCESSING_FAILED, "typeNames",
                reader.anonymous() ? "Sign in to read " + layer : reader.username() + " may not read " + layer);
        withStatus(reader.anonymous() ? 401 : 403);
    }
}
