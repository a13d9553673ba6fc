package org.terrawatch.rendering;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometries as Java2D paths in pixels, transformed in one pass. Vertices closer than half a pixel to the last one
 * kept are dropped, so a city-wide view of detailed polygons costs what the pixels need, not what the data holds. Rings
 * are appended counter-clockwise on screen whatever their orientation in the data, outer and inner alike, so many
 * polygons can share one path filled with the non-zero rule (overlapping patches stay filled); a polygon with holes is
 * drawn alone with the even-odd rule.
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
        append(geometry, toScreen, path, new double[64]);
        return path;
    }

    /**
     * Appends the geometry's rings and lines to the path.
     *
     * @param buffer scratch space for the transformed vertices of one ring; a larger one is returned when it was too small
     */
    static double[] append(Geometry geometry, AffineTransform toScreen, Path2D.Double path, double[] buffer) {
        if (geometry instanceof Polygon polygon) {
            buffer = ring(polygon.getExteriorRing().getCoordinateSequence(), toScreen, path, true, buffer);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                buffer = ring(polygon.getInteriorRingN(i).getCoordinateSequence(), toScreen, path, true, buffer);
            }
        } else if (geometry instanceof LineString line) {
            buffer = ring(line.getCoordinateSequence(), toScreen, path, false, buffer);
        } else if (!(geometry instanceof Point)) {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part != geometry) {
                    buffer = append(part, toScreen, path, buffer);
                }
            }
        }
        return buffer;
    }

    private static double[] ring(CoordinateSequence sequence, AffineTransform toScreen, Path2D.Double path, boolean closed,
                                 double[] buffer) {
        int size = sequence.size();
        if (size == 0) {
            return buffer;
        }
        if (buffer.length < 2 * size) {
            buffer = new double[Math.max(2 * size, 2 * buffer.length)];
        }
        double m00 = toScreen.getScaleX();
        double m01 = toScreen.getShearX();
        double m02 = toScreen.getTranslateX();
        double m10 = toScreen.getShearY();
        double m11 = toScreen.getScaleY();
        double m12 = toScreen.getTranslateY();
        int kept = 0;
        double lastX = 0;
        double lastY = 0;
        double twiceArea = 0;
        for (int i = 0; i < size; i++) {
            double x = sequence.getX(i);
            double y = sequence.getY(i);
            double screenX = m00 * x + m01 * y + m02;
            double screenY = m10 * x + m11 * y + m12;
            if (kept > 0) {
                double dx = screenX - lastX;
                double dy = screenY - lastY;
                if (dx * dx + dy * dy < MIN_STEP_SQUARED && i < size - 1) {
                    continue;
                }
                twiceArea += lastX * screenY - screenX * lastY;
            }
            buffer[2 * kept] = screenX;
            buffer[2 * kept + 1] = screenY;
            kept++;
            lastX = screenX;
            lastY = screenY;
        }
        // Screen y points down: a ring counter-clockwise on screen has a negative signed area in these coordinates.
        boolean reverse = closed && twiceArea > 0;
        for (int k = 0; k < kept; k++) {
            int j = reverse ? kept - 1 - k : k;
            if (k == 0) {
                path.moveTo(buffer[2 * j], buffer[2 * j + 1]);
            } else {
                path.lineTo(buffer[2 * j], buffer[2 * j + 1]);
            }
        }
        if (closed) {
            path.closePath();
        }
        return buffer;
    }
}
