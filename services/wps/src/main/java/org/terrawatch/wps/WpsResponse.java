package org.terrawatch.wps;

import java.io.IOException;
import java.io.OutputStream;

/** What a WPS request answers: a media type and a body written to the client. */
public record WpsResponse(String mediaType, Body body) {

    /** Writes the response body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
