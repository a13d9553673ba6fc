package org.terrawatch.rendering;

import java.util.Locale;
import java.util.Optional;

/** The image formats maps and legends are written in, by the MIME types WMS clients ask for. */
public enum ImageFormat {
    PNG("image/png"),
    PNG8("image/png; mode=8bit"),
    JPEG("image/jpeg");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The response's Content-Type (8-bit PNGs are PNGs). */
    public String contentType() {
        return this == PNG8 ? "image/png" : mediaType;
    }

    /** image/png, image/png8, image/png; mode=8bit, image/jpeg (and the short forms png, png8, jpeg, jpg). */
    public static Optional<ImageFormat> of(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (normalised) {
            case "image/png", "png", "image/png;mode=24bit", "image/png;mode=32bit" -> Optional.of(PNG);
            case "image/png8", "png8", "image/png;mode=8bit" -> Optional.of(PNG8);
            case "image/jpeg", "jpeg", "jpg", "image/jpg" -> Optional.of(JPEG);
            default -> Optional.empty();
        };
    }
}
