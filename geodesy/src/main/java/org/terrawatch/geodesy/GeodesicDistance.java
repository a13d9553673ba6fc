package org.terrawatch.geodesy;

import net.sf.geographiclib.Geodesic;
import org.locationtech.jts.geom.Point;

/** The distance on the CGCS2000 ellipsoid between two points in EPSG:4490 (x = longitude), in metres. */
public final class GeodesicDistance {

    private static final Geodesic ELLIPSOID = new Geodesic(Cgcs2000.SEMI_MAJOR_AXIS, 1.0 / Cgcs2000.INVERSE_FLATTENING);

    private GeodesicDistance() {
    }

    public static double metres(Point a, Point b) {
        return ELLIPSOID.Inverse(a.getY(), a.getX(), b.getY(), b.getX()).s12;
    }
}
