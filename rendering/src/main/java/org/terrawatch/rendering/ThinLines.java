package org.terrawatch.rendering;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Anti-aliased lines of at most a pixel's width — the outlines of patches, hairline boundaries — drawn straight into the
 * pixels of a {@code TYPE_INT_ARGB_PRE} image, as AGG's outline renderer and Mapnik's fast line rasteriser do: Java2D
 * strokes every line by building its outline polygon (two offset sides and a join at every vertex) and rasterising that
 * at eight sub-scanlines a pixel, which made a thin outline cost three times its polygon's fill.
 *
 * <p>A segment is walked along its major axis one pixel column (or row) at a time; in each the line covers a band
 * {@code width × sqrt(1 + slope²)} thick centred on the segment's centre there, and each pixel gets the part of the
 * band it holds times the length of segment in the column: the ink a pixel receives is the area of the line in it, to
 * the tilt of the line within one column. Segments are split exactly at their shared vertices, so a vertex gets no more
 * ink than a straight run. Caps and joins, a quarter of a pixel at most, are left out.
 */
final class ThinLines {

    /** The widest line (pixels) drawn this way; wider ones are Java2D's. */
    static final double MAX_WIDTH = 1.0;

    private final int[] pixels;
    private final int width;
    private final int height;

    /** @param image TYPE_INT_ARGB_PRE, its pixels in one int array */
    ThinLines(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("ThinLines draws into TYPE_INT_ARGB_PRE images");
        }
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.width = image.getWidth();
        this.height = image.getHeight();
    }

    /** Strokes every segment of the path (in pixels) with the colour at the opacity, the line {@code lineWidth} wide. */
    void draw(Path2D path, Color color, double opacity, double lineWidth) {
        double alpha = Math.max(0, Math.min(1, opacity)) * color.getAlpha() / 255.0;
        if (alpha == 0 || lineWidth <= 0) {
            return;
        }
        Ink ink = new Ink(color, alpha);
        double[] point = new double[6];
        double startX = 0;
        double startY = 0;
        double lastX = 0;
        double lastY = 0;
        for (PathIterator segments = path.getPathIterator(null); !segments.isDone(); segments.next()) {
            switch (segments.currentSegment(point)) {
                case PathIterator.SEG_MOVETO -> {
                    startX = lastX = point[0];
                    startY = lastY = point[1];
                }
                case PathIterator.SEG_LINETO -> {
                    segment(lastX, lastY, point[0], point[1], lineWidth, ink);
                    lastX = point[0];
                    lastY = point[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    segment(lastX, lastY, startX, startY, lineWidth, ink);
                    lastX = startX;
                    lastY = startY;
                }
                default -> throw new IllegalArgumentException("ThinLines draws straight segments only");
            }
        }
    }

    private void segment(double x0, double y0, double x1, double y1, double lineWidth, Ink ink) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        if (dx == 0 && dy == 0) {
            return;
        }
        // Outside the image by more than the line's width on one side: nothing to draw.
        double margin = lineWidth + 1;
        if (Math.max(x0, x1) < -margin || Math.min(x0, x1) > width + margin || Math.max(y0, y1) < -margin
                || Math.min(y0, y1) > height + margin) {
            return;
        }
        if (Math.abs(dx) >= Math.abs(dy)) {
            walk(x0, y0, x1, y1, lineWidth, ink, false);
        } else {
            walk(y0, x0, y1, x1, lineWidth, ink, true);
        }
    }

    /** Walks the major axis u (x, or y when transposed), the minor axis v across it. */
    private void walk(double u0, double v0, double u1, double v1, double lineWidth, Ink ink, boolean transposed) {
        if (u1 < u0) {
            double t = u0;
            u0 = u1;
            u1 = t;
            t = v0;
            v0 = v1;
            v1 = t;
        }
        double slope = (v1 - v0) / (u1 - u0);
        double half = lineWidth * Math.sqrt(1 + slope * slope) / 2;
        int majorSize = transposed ? height : width;
        int minorSize = transposed ? width : height;
        int first = Math.max(0, (int) Math.floor(u0));
        int last = Math.min(majorSize - 1, (int) Math.floor(u1));
        for (int column = first; column <= last; column++) {
            double from = Math.max(u0, column);
            double to = Math.min(u1, column + 1);
            double length = to - from;
            if (length <= 0) {
                continue;
            }
            double centre = v0 + slope * ((from + to) / 2 - u0);
            double low = centre - half;
            double high = centre + half;
            int rowFirst = Math.max(0, (int) Math.floor(low));
            int rowLast = Math.min(minorSize - 1, (int) Math.floor(high));
            for (int row = rowFirst; row <= rowLast; row++) {
                double cover = (Math.min(row + 1, high) - Math.max(row, low)) * length;
                if (cover > 0) {
                    int index = transposed ? column * width + row : row * width + column;
                    pixels[index] = ink.over(pixels[index], Math.min(1, cover));
                }
            }
        }
    }

    /** A colour's premultiplied components at full coverage, blended over a pixel by Porter-Duff source-over. */
    private static final class Ink {
        private final double red;
        private final double green;
        private final double blue;
        private final double alpha;

        Ink(Color color, double alpha) {
            this.alpha = alpha * 255;
            this.red = color.getRed() * alpha;
            this.green = color.getGreen() * alpha;
            this.blue = color.getBlue() * alpha;
        }

        int over(int destination, double cover) {
            double keep = 1 - alpha / 255 * cover;
            int a = (int) (alpha * cover + (destination >>> 24) * keep + 0.5);
            int r = (int) (red * cover + ((destination >> 16) & 0xff) * keep + 0.5);
            int g = (int) (green * cover + ((destination >> 8) & 0xff) * keep + 0.5);
            int b = (int) (blue * cover + (destination & 0xff) * keep + 0.5);
            return Math.min(a, 255) << 24 | Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
        }
    }
}
