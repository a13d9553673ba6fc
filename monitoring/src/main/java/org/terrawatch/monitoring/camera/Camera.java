package org.terrawatch.monitoring.camera;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A video camera whose AI analysis pushes alerts.
 *
 * @param id       0 before it is stored
 * @param coverage the ground the camera watches, EPSG:4490; null if not surveyed
 */
public record Camera(long id, String code, String name, CameraKind kind, String townshipCode, Point position,
                     Double mountHeightM, Polygon coverage, boolean online, Instant lastSeenAt) {

    public Camera {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
    }
}
