package org.terrawatch.demo;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.shape.random.RandomPointsBuilder;
import org.terrawatch.store.Wkb;

/**
 * Small geometry helpers of the demo: shapes sized in metres around a lon/lat position, using the local
 * scale of degrees (adequate for shapes of a few kilometres), and random points inside an area.
 */
final class Shapes {

    private static final double METRES_PER_DEGREE_LATITUDE = 110_950;

    private Shapes() {
    }

    /** A rotated, slightly irregular quadrilateral of about width x height metres centred on the position. */
    static Polygon parcel(SplittableRandom random, double lon, double lat, double width, double height) {
        double angle = random.nextDouble(Math.PI);
        double metresPerDegreeLon = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(lat));
        double[][] corners = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] * width * (0.85 + 0.3 * random.nextDouble());
            double y = corners[i][1] * height * (0.85 + 0.3 * random.nextDouble());
            double east = x * Math.cos(angle) - y * Math.sin(angle);
            double north = x * Math.sin(angle) + y * Math.cos(angle);
            ring[i] = new Coordinate(lon + east / metresPerDegreeLon, lat + north / METRES_PER_DEGREE_LATITUDE);
        }
        ring[4] = ring[0].copy();
        return Wkb.factory().createPolygon(ring);
    }

    /** A wedge: what a camera at the position sees between two bearings (degrees from north) up to a range. */
    static Polygon sector(double lon, double lat, double fromBearing, double toBearing, double rangeMetres) {
        double metresPerDegreeLon = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(lat));
        int steps = 24;
        Coordinate[] ring = new Coordinate[steps + 3];
        ring[0] = new Coordinate(lon, lat);
        for (int i = 0; i <= steps; i++) {
            double bearing = Math.toRadians(fromBearing + (toBearing - fromBearing) * i / steps);
            ring[i + 1] = new Coordinate(lon + rangeMetres * Math.sin(bearing) / metresPerDegreeLon,
                    lat + rangeMetres * Math.cos(bearing) / METRES_PER_DEGREE_LATITUDE);
        }
        ring[steps + 2] = ring[0].copy();
        return Wkb.factory().createPolygon(ring);
    }

    /** A random point inside the area. */
    static Point pointIn(SplittableRandom random, Geometry area) {
        RandomPointsBuilder builder = new RandomPointsBuilder(Wkb.factory()) {
            @Override
            protected Coordinate createRandomCoord(org.locationtech.jts.geom.Envelope env) {
                return new Coordinate(env.getMinX() + env.getWidth() * random.nextDouble(),
                        env.getMinY() + env.getHeight() * random.nextDouble());
            }
        };
        builder.setExtent(area);
        builder.setNumPoints(1);
        return (Point) builder.getGeometry().getGeometryN(0);
    }

    /** The polygonal part of a geometry as a valid multipolygon in EPSG:4490. */
    static MultiPolygon multiPolygon(Geometry geometry) {
        Geometry valid = GeometryFixer.fix(geometry);
        java.util.List<Polygon> parts = new java.util.ArrayList<>();
        for (int i = 0; i < valid.getNumGeometries(); i++) {
            if (valid.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                parts.add(polygon);
            }
        }
        MultiPolygon result = Wkb.factory().createMultiPolygon(parts.toArray(Polygon[]::new));
        result.setSRID(Wkb.STORAGE_SRID);
        return result;
    }
}
