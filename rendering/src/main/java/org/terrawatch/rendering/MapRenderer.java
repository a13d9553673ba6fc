package org.terrawatch.rendering;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.terrawatch.query.Feature;
import org.terrawatch.rendering.style.Rule;
import org.terrawatch.rendering.style.Symbolizer;
import org.terrawatch.rendering.style.Symbolizer.Fill;
import org.terrawatch.rendering.style.Symbolizer.Stroke;

/**
 * Draws layers into an image with Java2D, anti-aliased: for each layer, each feature, each rule that applies
 * at the map's scale and matches the feature (an "else" rule when no other rule of its group did), the rule's
 * symbolizers in order. Labels are collected and drawn last, over every layer, each only where it overlaps no
 * label placed before it; a label's position follows from its feature alone, so neighbouring tiles rendered
 * with a buffer agree on it. Rendering stops with {@link RenderingTimeout} once the deadline has passed.
 */
public final class MapRenderer {

    private record Label(String text, Symbolizer.TextSymbolizer symbolizer, double x, double y) {
    }

    /**
     * @param background fill before drawing, or null for transparent
     * @param deadline   System.nanoTime() after which rendering gives up
     */
    public BufferedImage render(MapView view, List<MapLayer> layers, Color background, long deadline) {
        // Premultiplied: Java2D blends anti-aliased edges into it without converting each pixel, and ThinLines writes it.
        BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        Painter painter = new Painter(g, new ThinLines(image));
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, view.width(), view.height());
            }
            AffineTransform toScreen = view.worldToScreen();
            double scale = view.scaleDenominator();
            List<Label> labels = new ArrayList<>();
            for (MapLayer layer : layers) {
                if (layer.raster() != null) {
                    g.drawImage(layer.raster().apply(view), 0, 0, null);
                    continue;
                }
                List<Rule> rules = layer.style().rules().stream().filter(r -> r.appliesAt(scale)).toList();
                if (rules.isEmpty()) {
                    continue;
                }
                int[] drawn = {0};
                Batches batches = new Batches(painter);
                layer.features().accept(feature -> {
                    if ((++drawn[0] & 255) == 0 && System.nanoTime() > deadline) {
                        throw new RenderingTimeout();
                    }
                    draw(painter, feature, rules, toScreen, labels, batches);
                });
                batches.flush();
            }
            drawLabels(g, labels);
            return image;
        } finally {
            g.dispose();
        }
    }

    /**
     * Polygons and lines of one symbolizer are gathered into one path and drawn together (a few thousand at a
     * time), which spares Java2D its per-shape set-up: a tile of thousands of patches costs far less. Polygons with
     * holes are drawn on their own (a shared path would need one winding rule for all), and point symbols flush
     * what is gathered first, so drawing order holds.
     */
    private static final class Batches {
        private static final int MAX_SEGMENTS = 20_000;
        private final Painter painter;
        private final java.util.Map<Symbolizer, Path2D.Double> paths = new java.util.LinkedHashMap<>();
        private double[] buffer = new double[256];
        private int segments;

        Batches(Painter painter) {
            this.painter = painter;
        }

        /** The geometry's rings and lines, transformed straight into the symbolizer's shared path. */
        void add(Symbolizer symbolizer, Geometry geometry, AffineTransform toScreen) {
            Path2D.Double path = paths.computeIfAbsent(symbolizer, s -> new Path2D.Double(Path2D.WIND_NON_ZERO, MAX_SEGMENTS + 64));
            buffer = Shapes.append(geometry, toScreen, path, buffer);
            segments += geometry.getNumPoints();
            if (segments > MAX_SEGMENTS) {
                flush();
            }
        }

        void flush() {
            for (java.util.Map.Entry<Symbolizer, Path2D.Double> entry : paths.entrySet()) {
                if (entry.getKey() instanceof Symbolizer.PolygonSymbolizer polygon) {
                    painter.fillAndStroke(polygon, entry.getValue());
                } else if (entry.getKey() instanceof Symbolizer.LineSymbolizer line) {
                    painter.stroke(line.stroke(), entry.getValue());
                }
            }
            paths.clear();
            segments = 0;
        }
    }

    /** Fills with Java2D; strokes of at most a pixel's width with {@link ThinLines}, wider or dashed ones with Java2D. */
    private record Painter(Graphics2D g, ThinLines thinLines) {

        void fillAndStroke(Symbolizer.PolygonSymbolizer polygon, Path2D path) {
            if (polygon.fill() != null) {
                paint(g, polygon.fill().color(), polygon.fill().opacity());
                g.fill(path);
            }
            if (polygon.stroke() != null) {
                stroke(polygon.stroke(), path);
            }
        }

        void stroke(Stroke stroke, Path2D path) {
            if (stroke.width() <= ThinLines.MAX_WIDTH && (stroke.dashes() == null || stroke.dashes().length == 0)) {
                thinLines.draw(path, stroke.color(), stroke.opacity(), stroke.width());
            } else {
                MapRenderer.stroke(g, stroke, path);
            }
        }
    }

    private static void draw(Painter painter, Feature feature, List<Rule> rules, AffineTransform toScreen, List<Label> labels,
                             Batches batches) {
        Graphics2D g = painter.g();
        Geometry geometry = feature.geometry();
        if (geometry == null || geometry.isEmpty()) {
            return;
        }
        Set<Integer> groupsMatched = new HashSet<>();
        for (Rule rule : rules) {
            boolean applies = rule.elseFilter() ? !groupsMatched.contains(rule.group()) : FeatureFilters.matches(rule.filter(), feature);
            if (!applies) {
                continue;
            }
            if (!rule.elseFilter()) {
                groupsMatched.add(rule.group());
            }
            for (Symbolizer symbolizer : rule.symbolizers()) {
                if (symbolizer instanceof Symbolizer.PolygonSymbolizer polygon) {
                    if (Shapes.hasHoles(geometry)) {
                        batches.flush();
                        painter.fillAndStroke(polygon, Shapes.path(geometry, toScreen));
                    } else {
                        batches.add(polygon, geometry, toScreen);
                    }
                } else if (symbolizer instanceof Symbolizer.LineSymbolizer line) {
                    batches.add(line, geometry, toScreen);
                } else if (symbolizer instanceof Symbolizer.PointSymbolizer point) {
                    batches.flush();
                    for (Point2D anchor : anchors(geometry, toScreen)) {
                        graphic(g, point.graphic(), anchor.getX(), anchor.getY());
                    }
                } else if (symbolizer instanceof Symbolizer.TextSymbolizer text) {
                    Object value = feature.values().get(text.labelProperty());
                    if (value != null && !value.toString().isBlank()) {
                        Point2D anchor = anchors(geometry, toScreen).get(0);
                        labels.add(new Label(value.toString(), text, anchor.getX(), anchor.getY()));
                    }
                }
            }
        }
    }

    /** Where point symbols and labels go: each point, else the representative point of the geometry. */
    private static List<Point2D> anchors(Geometry geometry, AffineTransform toScreen) {
        List<Point2D> anchors = new ArrayList<>();
        if (geometry instanceof Point || geometry.getGeometryType().equals("MultiPoint")) {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Point point = (Point) geometry.getGeometryN(i);
                anchors.add(toScreen.transform(new Point2D.Double(point.getX(), point.getY()), null));
            }
        } else {
            Point centre = geometry.getCentroid();
            if (geometry instanceof Polygonal && !geometry.contains(centre)) {
                centre = geometry.getInteriorPoint();
            }
            anchors.add(toScreen.transform(new Point2D.Double(centre.getX(), centre.getY()), null));
        }
        return anchors;
    }

    /** The colour with the opacity as its alpha, drawn over: the composite never changes, so Java2D keeps its pipe. */
    private static void paint(Graphics2D g, Color color, double opacity) {
        int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, opacity)));
        g.setColor(alpha == 255 ? color : new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha));
    }

    private static void stroke(Graphics2D g, Stroke stroke, Shape shape) {
        paint(g, stroke.color(), stroke.opacity());
        int cap = switch (stroke.lineCap()) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
        int join = switch (stroke.lineJoin()) {
            case "round" -> BasicStroke.JOIN_ROUND;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_MITER;
        };
        g.setStroke(new BasicStroke((float) stroke.width(), cap, join, 10f, stroke.dashes(), 0f));
        g.draw(shape);
    }

    private static void graphic(Graphics2D g, Symbolizer.Graphic graphic, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (graphic.rotation() != 0) {
            g.rotate(Math.toRadians(graphic.rotation()));
        }
        if (graphic.image() != null) {
            double height = graphic.size() > 0 ? graphic.size() : graphic.image().getHeight();
            double width = height * graphic.image().getWidth() / graphic.image().getHeight();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) graphic.opacity()));
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(graphic.image(), (int) Math.round(-width / 2), (int) Math.round(-height / 2), (int) Math.round(width),
                    (int) Math.round(height), null);
            g.setComposite(AlphaComposite.SrcOver);
        } else {
            Shape mark = Marks.shape(graphic.mark().wellKnownName(), graphic.size());
            if (graphic.mark().fill() != null) {
                paint(g, graphic.mark().fill().color(), graphic.mark().fill().opacity() * graphic.opacity());
                g.fill(mark);
            }
            if (graphic.mark().stroke() != null) {
                stroke(g, graphic.mark().stroke(), mark);
            }
        }
        g.setTransform(saved);
    }

    private static void drawLabels(Graphics2D g, List<Label> labels) {
        List<Rectangle2D> placed = new ArrayList<>();
        FontRenderContext context = g.getFontRenderContext();
        for (Label label : labels) {
            Symbolizer.TextSymbolizer text = label.symbolizer();
            Symbolizer.Font style = text.font();
            Font font = Fonts.font(style.family(), style.size(), style.bold(), style.italic());
            TextLayout layout = new TextLayout(label.text(), font, context);
            Rectangle2D bounds = layout.getBounds();
            double x = label.x() - text.anchorX() * bounds.getWidth() + text.displacementX() - bounds.getX();
            double y = label.y() + text.anchorY() * bounds.getHeight() - text.displacementY() - (bounds.getHeight() + bounds.getY());
            double margin = text.halo() == null ? 1 : text.halo().radius() + 1;
            Rectangle2D box = new Rectangle2D.Double(x + bounds.getX() - margin, y + bounds.getY() - margin,
                    bounds.getWidth() + 2 * margin, bounds.getHeight() + 2 * margin);
            if (placed.stream().anyMatch(box::intersects)) {
                continue;
            }
            placed.add(box);
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            if (text.halo() != null && text.halo().radius() > 0) {
                Fill halo = text.halo().fill();
                paint(g, halo.color(), halo.opacity());
                g.setStroke(new BasicStroke((float) (2 * text.halo().radius()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(outline);
            }
            paint(g, text.fill().color(), text.fill().opacity());
            g.fill(outline);
        }
    }
}
