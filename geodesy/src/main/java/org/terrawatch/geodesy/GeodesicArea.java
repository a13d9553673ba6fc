package org.terrawatch.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Area of a polygonal geometry in EPSG:4490 (x = longitude, y = latitude, degrees), computed on the
 * CGCS2000 ellipsoid with Karney's geodesic polygon algorithm (GeographicLib).
 *
 * <p>Semantics: each ring is a geodesic polygon (edges are geodesics, not rhumb lines nor straight lines in
 * a projection); the area of a polygon is its shell's area minus its holes' areas, whatever the rings'
 * orientation; a multi-polygon or collection sums its polygons. Points and lines have no area. Karney's method is
 * accurate to round-off whatever the polygon's size, unlike planar areas in a projection.
 * Limits: rings must not cross themselves (an invalid "bow-tie" ring yields the net
 * signed area of its lobes, as every shoelace-type formula does); repair invalid geometries first.
 */
public final class GeodesicArea {

    private static final GeodesicArea CGCS2000 =
            new GeodesicArea(new Geodesic(Cgcs2000.SEMI_MAJOR_AXIS, 1.0 / Cgcs2000.INVERSE_FLATTENING));

    private final Geodesic ellipsoid;

    /** An area calculator on another ellipsoid; TerraWatch uses {@link #of(Geometry)} on CGCS2000. */
    public GeodesicArea(Geodesic ellipsoid) {
        this.ellipsoid = java.util.Objects.requireNonNull(ellipsoid, "ellipsoid");
    }

    /** Area of the geometry on the CGCS2000 ellipsoid. */
    public static Area of(Geometry lonLat) {
        return CGCS2000.area(lonLat);
    }

    public Area area(Geometry lonLat) {
        return Area.ofSquareMetres(squareMetres(lonLat));
    }

    private double squareMetres(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            double area = ringArea(polygon.getExteriorRing());
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                area -= ringArea(polygon.getInteriorRingN(i));
            }
            return Math.max(area, 0);
        }
        double sum = 0;
        if (geometry instanceof GeometryCollection collection) {
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                sum += squareMetres(collection.getGeometryN(i));
            }
        }
        return sum;
    }

    private double ringArea(LineString ring) {
        Coordinate[] coordinates = ring.getCoordinates();
        if (coordinates.length < 4) {
            return 0;
        }
        PolygonArea polygon = new PolygonArea(ellipsoid, false);
        // A JTS ring repeats its first point at the end; GeographicLib closes the polygon itself.
        for (int i = 0; i < coordinates.length - 1; i++) {
            polygon.AddPoint(coordinates[i].y, coordinates[i].x);
        }
        return Math.abs(polygon.Compute(false, true).area);
    }
}
