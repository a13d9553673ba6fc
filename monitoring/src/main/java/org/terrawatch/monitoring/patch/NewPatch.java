package org.terrawatch.monitoring.patch;

import java.time.LocalDate;
import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;
import org.terrawatch.monitoring.admin.AdminLocation;

/**
 * A change patch as extraction produces it. Storing it gives it a code, its geodesic area, a representative
 * point and the status {@link PatchStatus#NEW}.
 *
 * @param location admin attribution; the county code is required, it heads the patch code
 */
public record NewPatch(Long taskId, LocalDate beforeDate, LocalDate afterDate, ChangeType changeType,
                       MultiPolygon geometry, AdminLocation location, OverlayAreas overlay) {

    public NewPatch {
        Objects.requireNonNull(afterDate, "afterDate");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(location.countyCode(), "location.countyCode");
        overlay = overlay == null ? OverlayAreas.NONE : overlay;
        if (geometry.isEmpty()) {
            throw new IllegalArgumentException("A patch needs a non-empty geometry");
        }
        if (beforeDate != null && !beforeDate.isBefore(afterDate)) {
            throw new IllegalArgumentException("The before date " + beforeDate + " must precede the after date " + afterDate);
        }
    }
}
