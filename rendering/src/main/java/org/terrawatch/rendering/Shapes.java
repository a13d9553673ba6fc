package org.terrawatch.rendering;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometries as Java2D paths in pixels. Vertices closer than half a pixel to the last one kept are
 * dropped, so a city-wide view of detailed polygons costs what the pixels need, not what the data holds.
 */
final class Shapes {

    private static final double MIN_STEP_SQUARED = 0.25;

    private Shapes() {
    }

    /** Whether any polygon of the geometry has a hole. */
    static boolean hasHoles(Geometry geometry) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && polygon.getNumInteriorRing() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Polygons (with holes, even-odd) and lines of a geometry; points give an empty path. */
    static Path2D.Double path(Geometry geometry, AffineTransform toScreen) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        append(geometry, toScreen, path);
        return path;
    }

    private static void append(Geometry geometry, AffineTransform toScreen, Path2D.Double path) {
        if (geometry instanceof Polygon polygon) {
            ring(polygon.getExteriorRing().getCoordinateSequence(), toScreen, path, true);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(polygon.getInteriorRingN(i).getCoordinateSequence(), toScreen, path, true);
            }
        } else if (geometry instanceof LineString line) {
            ring(line.getCoordinateSequence(), toScreen, path, false);
        } else if (!(geometry instanceof Point)) {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part != geometry) {
                    append(part, toScreen, path);
                }
            }
        }
    }

    private static void ring(CoordinateSequence sequence, AffineTransform toScreen, Path2D.Double path, boolean close) {
        int size = sequence.size();
        if (size == 0) {
            return;
        }
        double[] point = new double[2];
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < size; i++) {
            point[0] = sequence.getX(i);
            point[1] = sequence.getY(i);
            toScreen.transform(point, 0, point, 0, 1);
            if (i == 0) {
                path.moveTo(point[0], point[1]);
            } else {
                double dx = point[0] - lastX;
                double dy = point[1] - lastY;
                if (dx * dx + dy * dy < MIN_STEP_SQUARED && i < size - 1) {
                    continue;
                }
                path.lineTo(point[0], point[1]);
            }
            lastX = point[0];
            lastY = point[1];
        }
        if (close) {
            path.closePath();
        }
    }
}
