package org.terrawatch.processing;

import java.util.Base64;
import java.util.Objects;

/**
 * A document value: its media type and its text — a JSON or XML document as is, binary content base64-encoded
 * (then {@code base64} is true).
 */
public record ComplexValue(String mediaType, String text, boolean base64) {

    public ComplexValue {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(text, "text");
    }

    public static ComplexValue text(String mediaType, String text) {
        return new ComplexValue(mediaType, text, false);
    }

    public static ComplexValue binary(String mediaType, byte[] bytes) {
        return new ComplexValue(mediaType, Base64.getEncoder().encodeToString(bytes), true);
    }

    public byte[] bytes() {
        return base64 ? Base64.getMimeDecoder().decode(text) : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        return mediaType.contains("json");
    }

    public boolean isXml() {
        return mediaType.contains("xml");
    }
}
