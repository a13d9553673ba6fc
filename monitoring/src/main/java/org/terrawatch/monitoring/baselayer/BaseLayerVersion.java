package org.terrawatch.monitoring.baselayer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One hand-in of a base layer by its department: a complete snapshot of the layer, valid from its effective
 * date until the next version's. A month's comparison uses, per layer, the latest version effective on or
 * before the month's last day.
 */
public record BaseLayerVersion(long id, BaseLayerKind layer, int version, String sourceDepartment,
                               LocalDate effectiveDate, Instant receivedAt, String description) {

    public BaseLayerVersion {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(sourceDepartment, "sourceDepartment");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
    }
}
