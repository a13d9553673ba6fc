package org.terrawatch.rendering;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.Feature;
import org.terrawatch.rendering.style.Rule;
import org.terrawatch.rendering.style.Style;
import org.terrawatch.rendering.style.Symbolizer;

/**
 * A legend: one row per rule (those that apply at a scale, or all), a swatch drawn with the rule's own
 * symbolizers on a sample shape of the layer's geometry type, and the rule's title in the CJK font.
 */
public final class LegendRenderer {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final int GAP = 4;

    private LegendRenderer() {
    }

    /** The size of the legend {@link #render} draws, without drawing it: what capabilities state in LegendURL. */
    public static java.awt.Dimension size(Style style, int swatch, double scale) {
        return size(rules(style, scale), swatch);
    }

    private static java.awt.Dimension size(List<Rule> rules, int swatch) {
        Font font = Fonts.font(null, 12, false, false);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D measure = probe.createGraphics();
        int textWidth = rules.stream().mapToInt(r -> measure.getFontMetrics(font).stringWidth(title(r))).max().orElse(0);
        measure.dispose();
        int rowHeight = Math.max(swatch, 16) + GAP;
        return new java.awt.Dimension(swatch + GAP * 3 + textWidth, Math.max(1, rules.size()) * rowHeight + GAP);
    }

    private static List<Rule> rules(Style style, double scale) {
        return style.rules().stream().filter(r -> Double.isNaN(scale) || r.appliesAt(scale))
                .filter(r -> r.symbolizers().stream().anyMatch(s -> !(s instanceof Symbolizer.TextSymbolizer))).toList();
    }

    /**
     * @param geometryType Point, LineString, Polygon or their Multi forms — which sample shape to draw
     * @param scale        only rules that apply at this scale denominator, or all when NaN
     */
    public static BufferedImage render(Style style, String geometryType, int swatch, double scale, Color background) {
        List<Rule> rules = rules(style, scale);
        java.awt.Dimension size = size(rules, swatch);
        Font font = Fonts.font(null, 12, false, false);
        int width = size.width;
        int height = size.height;
        int rowHeight = Math.max(swatch, 16) + GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, width, height);
        }
        MapRenderer renderer = new MapRenderer();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            Rule drawn = new Rule(rule.name(), rule.title(), null, false, 0, Double.POSITIVE_INFINITY,
                    rule.symbolizers().stream().filter(s -> !(s instanceof Symbolizer.TextSymbolizer)).toList(), 0);
            MapView view = new MapView(new Envelope(0, swatch, 0, swatch), swatch, swatch, new Crs(3857, true));
            Feature sample = new Feature("legend." + i, sample(geometryType, swatch), Map.of());
            BufferedImage cell = renderer.render(view, List.of(new MapLayer("legend", new Style("legend", null, List.of(drawn)),
                    consumer -> consumer.accept(sample))), null, Long.MAX_VALUE);
            int y = GAP + i * rowHeight;
            g.drawImage(cell, GAP, y, null);
            g.setColor(Color.BLACK);
            g.setFont(font);
            g.drawString(title(rule), swatch + GAP * 2, y + swatch / 2 + g.getFontMetrics().getAscent() / 2 - 1);
        }
        g.dispose();
        return image;
    }

    private static String title(Rule rule) {
        return rule.title() != null ? rule.title() : rule.name() != null ? rule.name() : "";
    }

    private static org.locationtech.jts.geom.Geometry sample(String geometryType, int size) {
        double m = size * 0.15;
        String type = geometryType == null ? "Polygon" : geometryType;
        if (type.contains("Point")) {
            return FACTORY.createPoint(new Coordinate(size / 2.0, size / 2.0));
        }
        if (type.contains("Line")) {
            return FACTORY.createLineString(new Coordinate[] {new Coordinate(m, m), new Coordinate(size - m, size - m)});
        }
        return FACTORY.toGeometry(new Envelope(m, size - m, m, size - m));
    }
}
