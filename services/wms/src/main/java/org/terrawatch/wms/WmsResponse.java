package org.terrawatch.wms;

import java.io.IOException;
import java.io.OutputStream;

/** An answer of the WMS: its media type and a body written on demand. */
public record WmsResponse(String mediaType, Body body) {

    /** Writes the body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
