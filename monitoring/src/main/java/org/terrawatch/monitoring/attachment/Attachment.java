package org.terrawatch.monitoring.attachment;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * Evidence attached to a patch, an alert or a work order's feedback: a photo or a document.
 *
 * @param ownerKind   PATCH, ALERT or FEEDBACK
 * @param storagePath path of the file relative to the attachment folder
 * @param sha256      hex digest of the content, checked on read
 */
public record Attachment(long id, String ownerKind, long ownerId, String fileName, String mediaType, long sizeBytes,
                         String sha256, String storagePath, String caption, Point position, Instant takenAt,
                         String uploadedBy, Instant uploadedAt) {

    public Attachment {
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
    }
}
