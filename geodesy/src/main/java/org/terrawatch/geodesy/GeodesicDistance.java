package org.terrawatch.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.locationtech.jts.geom.Point;

/** Distances and destinations on the CGCS2000 ellipsoid, for points in EPSG:4490 (x = longitude), in metres. */
public final class GeodesicDistance {

    private static final Geodesic ELLIPSOID = new Geodesic(Cgcs2000.SEMI_MAJOR_AXIS, 1.0 / Cgcs2000.INVERSE_FLATTENING);

    private GeodesicDistance() {
    }

    public static double metres(Point a, Point b) {
        return ELLIPSOID.Inverse(a.getY(), a.getX(), b.getY(), b.getX()).s12;
    }

    /** The longitude and latitude reached from the point along the azimuth (degrees from north, clockwise) after so many metres. */
    public static double[] destination(Point from, double azimuthDegrees, double metres) {
        GeodesicData reached = ELLIPSOID.Direct(from.getY(), from.getX(), azimuthDegrees, metres);
        return new double[] {reached.lon2, reached.lat2};
    }
}
