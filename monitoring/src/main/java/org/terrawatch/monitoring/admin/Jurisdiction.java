package org.terrawatch.monitoring.admin;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.store.SpatialStore;

/**
 * The monitored area: the union of the counties' boundaries (CGCS2000 longitude/latitude), for what imagery covers of
 * it and how cloudy it is there.
 */
public final class Jurisdiction {

    private final Geometry area;
    private final PreparedGeometry prepared;
    private final double squareMetres;

    private Jurisdiction(Geometry area) {
        this.area = area;
        this.prepared = area == null ? null : PreparedGeometryFactory.prepare(area);
        this.squareMetres = area == null ? 0 : GeodesicArea.of(area).squareMetres();
    }

    public static Jurisdiction of(SpatialStore store) {
        List<Geometry> counties = new ArrayList<>();
        for (AdminUnit county : new AdminUnitRepository(store).atLevel(AdminLevel.COUNTY)) {
            if (county.geometry() != null) {
                counties.add(county.geometry().buffer(0));
            }
        }
        return new Jurisdiction(counties.isEmpty() ? null : CascadedPolygonUnion.union(counties));
    }

    /** Whether any boundary is known. */
    public boolean known() {
        return area != null;
    }

    public boolean contains(Geometry lonLat) {
        return prepared != null && prepared.contains(lonLat);
    }

    /** The jurisdiction's extent (CGCS2000 longitude/latitude), or null when no boundary is known. */
    public org.locationtech.jts.geom.Envelope extent() {
        return area == null ? null : area.getEnvelopeInternal();
    }

    /** The share of the jurisdiction a footprint covers, in percent, or null when no boundary is known. */
    public Double coveragePercent(Geometry footprint) {
        if (area == null || squareMetres == 0) {
            return null;
        }
        if (!prepared.intersects(footprint)) {
            return 0.0;
        }
        return Math.min(100, 100 * GeodesicArea.of(area.intersection(footprint)).squareMetres() / squareMetres);
    }
}
