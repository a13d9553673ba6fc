package org.terrawatch.monitoring.alert;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * Repeated alerts of one camera and type, close in place and time: what the duty officer screens once.
 *
 * @param position where its first alert is
 * @param alerts   how many alerts it holds
 * @param priority the first (smallest) priority of its alerts
 */
public record Incident(long id, long cameraId, AlertType type, Instant firstAt, Instant lastAt, Point position, int alerts, int priority,
                       String townshipCode, Screening screening) {

    public Incident {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(screening, "screening");
    }
}
