package org.terrawatch.wfs;

import java.io.IOException;
import java.io.OutputStream;

/** What a WFS request answers: a media type and a body written by an encoder, streamed to the client. */
public record WfsResponse(String mediaType, Body body) {

    /** Writes the response body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
