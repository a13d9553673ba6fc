package org.terrawatch.monitoring.camera;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.geodesy.GeodesicDistance;
import org.terrawatch.store.Wkb;

/**
 * What a camera sees: the sector from its position between two azimuths out to a range on the ground (geodesic, on
 * the CGCS2000 ellipsoid), clipped to the jurisdiction — or a polygon given as such.
 */
public final class CameraCoverage {

    private static final int STEPS_PER_90_DEGREES = 12;

    private CameraCoverage() {
    }

    /**
     * @param fromAzimuth degrees from north, clockwise; {@code toAzimuth} may be smaller (the sector crosses north)
     */
    public static Polygon sector(Point at, double fromAzimuth, double toAzimuth, double rangeMetres) {
        if (!(rangeMetres > 0) || !Double.isFinite(rangeMetres)) {
            throw new IllegalArgumentException("The range is a positive number of metres: " + rangeMetres);
        }
        double sweep = ((toAzimuth - fromAzimuth) % 360 + 360) % 360;
        if (sweep == 0) {
            sweep = 360;
        }
        int steps = Math.max(2, (int) Math.ceil(sweep / 90 * STEPS_PER_90_DEGREES));
        boolean full = sweep >= 360;
        Coordinate[] ring = new Coordinate[full ? steps + 1 : steps + 3];
        int i = 0;
        if (!full) {
            ring[i++] = new Coordinate(at.getX(), at.getY());
        }
        for (int step = 0; step <= steps - (full ? 1 : 0); step++) {
            double[] point = GeodesicDistance.destination(at, fromAzimuth + sweep * step / steps, rangeMetres);
            ring[i++] = new Coordinate(point[0], point[1]);
        }
        ring[i] = ring[0].copy();
        return Wkb.factory().createPolygon(ring);
    }

    /** The part of the coverage within the jurisdiction (its largest piece, should the boundary cut it in several). */
    public static Polygon clipped(Polygon coverage, Geometry jurisdiction) {
        if (jurisdiction == null || jurisdiction.isEmpty()) {
            return coverage;
        }
        Geometry inside = coverage.intersection(jurisdiction);
        Polygon largest = null;
        for (int n = 0; n < inside.getNumGeometries(); n++) {
            if (inside.getGeometryN(n) instanceof Polygon piece && (largest == null || piece.getArea() > largest.getArea())) {
                largest = piece;
            }
        }
        if (largest == null) {
            throw new IllegalArgumentException("The coverage lies outside the jurisdiction");
        }
        largest.setSRID(coverage.getSRID());
        return largest;
    }
}
