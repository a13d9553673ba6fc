package org.terrawatch.rendering;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** SLD's well-known marks as shapes of a given size centred on the origin. */
final class Marks {

    private Marks() {
    }

    static Shape shape(String wellKnownName, double size) {
        double r = size / 2;
        return switch (wellKnownName.toLowerCase(java.util.Locale.ROOT)) {
            case "circle" -> new Ellipse2D.Double(-r, -r, size, size);
            case "triangle" -> polygon(new double[] {0, -r, r, r * 0.732, -r, r * 0.732});
            case "star" -> star(r);
            case "cross" -> polygon(new double[] {-r * 0.2, -r, r * 0.2, -r, r * 0.2, -r * 0.2, r, -r * 0.2, r, r * 0.2, r * 0.2, r * 0.2,
                    r * 0.2, r, -r * 0.2, r, -r * 0.2, r * 0.2, -r, r * 0.2, -r, -r * 0.2, -r * 0.2, -r * 0.2});
            case "x" -> java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(shape("cross", size));
            default -> new Rectangle2D.Double(-r, -r, size, size);
        };
    }

    private static Shape star(double r) {
        double[] points = new double[20];
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.4;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            points[2 * i] = radius * Math.cos(angle);
            points[2 * i + 1] = radius * Math.sin(angle);
        }
        return polygon(points);
    }

    private static Shape polygon(double[] xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }
}
