package org.terrawatch.monitoring.baselayer;

import java.time.LocalDate;
import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A polygon of a base layer version: a farmland parcel, an approval, a mining licence, a plan zone.
 *
 * @param id        0 before it is stored
 * @param reference approval, supply contract, licence or project number
 * @param holder    licence holder, land user or project owner
 * @param validFrom validity of a licence or approval, where it has one
 * @param landClass land-use class or plan-zone type
 * @param areaM2    geodesic area, computed when stored
 */
public record BaseFeature(long id, long versionId, BaseLayerKind layer, String name, String reference, String holder,
                          LocalDate validFrom, LocalDate validTo, String landClass, String countyCode,
                          MultiPolygon geometry, double areaM2) {

    public BaseFeature {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(geometry, "geometry");
    }

    /** A feature to hand in; identifiers and area are filled in when it is stored. */
    public static BaseFeature of(BaseLayerKind layer, String name, String reference, String holder,
                                 LocalDate validFrom, LocalDate validTo, String landClass, String countyCode,
                                 MultiPolygon geometry) {
        return new BaseFeature(0, 0, layer, name, reference, holder, validFrom, validTo, landClass, countyCode, geometry, 0);
    }

    /** Whether the feature is valid on the day (no start or end: open on that side). */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
