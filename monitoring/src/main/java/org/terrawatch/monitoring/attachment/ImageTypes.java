package org.terrawatch.monitoring.attachment;

import java.util.Optional;

/** The image formats evidence is accepted in — JPEG and PNG —, told by their signatures, not by what a client claims. */
public final class ImageTypes {

    private ImageTypes() {
    }

    /** {@code image/jpeg} or {@code image/png}, or empty for anything else. */
    public static Optional<String> of(byte[] image) {
        if (image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }
}
