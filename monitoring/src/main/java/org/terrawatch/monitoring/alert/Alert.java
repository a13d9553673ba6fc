package org.terrawatch.monitoring.alert;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * An alert pushed by a camera's AI analysis, with the duty officer's screening.
 *
 * @param externalId the AI platform's identifier; the same alert pushed twice is stored once
 * @param position   where the event is, EPSG:4490 (not the camera's position)
 * @param confidence the AI's confidence, 0 to 1, if given
 */
public record Alert(long id, String externalId, long cameraId, AlertType type, Instant detectedAt, Instant receivedAt,
                    Point position, String snapshotPath, Double confidence, String townshipCode,
                    Screening screening, String screenedBy, Instant screenedAt, String screeningNote, long version) {

    public Alert {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(screening, "screening");
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("Confidence is between 0 and 1: " + confidence);
        }
    }

    /** A new alert as received, not yet screened. */
    public static Alert received(String externalId, long cameraId, AlertType type, Instant detectedAt, Instant receivedAt,
                                 Point position, String snapshotPath, Double confidence, String townshipCode) {
        return new Alert(0, externalId, cameraId, type, detectedAt, receivedAt, position, snapshotPath, confidence,
                townshipCode, Screening.PENDING, null, null, null, 0);
    }
}
