package org.terrawatch.rendering.style;

import java.awt.Color;
import java.util.Objects;

/** How to draw a feature: SLD's polygon, line, point and text symbolizers, with their fills, strokes and graphics. */
public sealed interface Symbolizer {

    /** A fill colour with its opacity. */
    record Fill(Color color, double opacity) {
        public static final Fill GREY = new Fill(new Color(0x80, 0x80, 0x80), 1);
    }

    /** A stroke: colour, opacity, width in pixels, dash array in pixels (or null), line join and cap as SVG names them. */
    record Stroke(Color color, double opacity, double width, float[] dashes, String lineJoin, String lineCap) {
        public static final Stroke BLACK = new Stroke(Color.BLACK, 1, 1, null, "miter", "butt");
    }

    /** A well-known mark (square, circle, triangle, star, cross, x) with fill and stroke. */
    record Mark(String wellKnownName, Fill fill, Stroke stroke) {
        public Mark {
            wellKnownName = wellKnownName == null ? "square" : wellKnownName;
        }
    }

    /**
     * A point graphic: a mark, or an external image (a file in the styles folder, PNG or GIF), of a size in
     * pixels (the image's own height when 0), rotated clockwise in degrees.
     */
    record Graphic(Mark mark, java.awt.image.BufferedImage image, double size, double rotation, double opacity) {
    }

    /** Font of a label: family (a comma-separated list tried in order), size in pixels, weight and style. */
    record Font(String family, double size, boolean bold, boolean italic) {
    }

    /** A halo around label text. */
    record Halo(double radius, Fill fill) {
    }

    record PolygonSymbolizer(Fill fill, Stroke stroke) implements Symbolizer {
    }

    record LineSymbolizer(Stroke stroke, double perpendicularOffset) implements Symbolizer {
        public LineSymbolizer {
            Objects.requireNonNull(stroke, "stroke");
        }
    }

    record PointSymbolizer(Graphic graphic) implements Symbolizer {
        public PointSymbolizer {
            Objects.requireNonNull(graphic, "graphic");
        }
    }

    /**
     * A label from a property, at the feature's representative point, anchored (0..1 in x and y, 0.5/0.5 the
     * centre) and displaced in pixels.
     */
    record TextSymbolizer(String labelProperty, Font font, Fill fill, Halo halo, double anchorX, double anchorY,
                          double displacementX, double displacementY) implements Symbolizer {
        public TextSymbolizer {
            Objects.requireNonNull(labelProperty, "labelProperty");
        }
    }
}
