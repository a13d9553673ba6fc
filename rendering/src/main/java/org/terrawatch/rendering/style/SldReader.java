package org.terrawatch.rendering.style;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.filter.FesFilter;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.rendering.style.Symbolizer.Fill;
import org.terrawatch.rendering.style.Symbolizer.Font;
import org.terrawatch.rendering.style.Symbolizer.Graphic;
import org.terrawatch.rendering.style.Symbolizer.Halo;
import org.terrawatch.rendering.style.Symbolizer.Mark;
import org.terrawatch.rendering.style.Symbolizer.Stroke;

/**
 * Reads SLD 1.0 and Symbology Encoding 1.1 documents (elements matched by local name, so {@code sld:} and
 * {@code se:} forms alike; CssParameter and SvgParameter alike) into {@link Style}s: every UserStyle of every
 * layer, its FeatureTypeStyles' rules with ogc/fes filters, ElseFilter and scale denominators, and polygon,
 * line, point (marks and external graphics) and text symbolizers (font, halo, point placement).
 */
public final class SldReader {

    private final Function<String, BufferedImage> images;

    /** @param images resolves an ExternalGraphic's href to an image, or null when it cannot be read */
    public SldReader(Function<String, BufferedImage> images) {
        this.images = images;
    }

    /** The styles of a document, in order; a refusal names what is wrong (locator {@code SLD}). */
    public List<Style> read(XmlElement document) {
        if (!document.name().equals("StyledLayerDescriptor")) {
            throw OwsException.invalid("SLD", "An SLD document starts with StyledLayerDescriptor, not " + document.name());
        }
        List<Style> styles = new ArrayList<>();
        for (XmlElement layer : document.children()) {
            if (!layer.name().equals("NamedLayer") && !layer.name().equals("UserLayer")) {
                continue;
            }
            String layerName = layer.child("Name").map(XmlElement::text).orElse(null);
            for (XmlElement userStyle : layer.children("UserStyle")) {
                styles.add(style(userStyle, layerName));
            }
        }
        if (styles.isEmpty()) {
            throw OwsException.invalid("SLD", "The SLD document holds no UserStyle");
        }
        return styles;
    }

    /** The layer names the document's NamedLayers style, in order (for SLD= and SLD_BODY= requests). */
    public static List<String> layerNames(XmlElement document) {
        return document.children().stream().filter(l -> l.name().equals("NamedLayer") || l.name().equals("UserLayer"))
                .map(l -> l.child("Name").map(XmlElement::text).orElse("")).toList();
    }

    private Style style(XmlElement userStyle, String layerName) {
        String name = userStyle.child("Name").map(XmlElement::text).orElse(layerName == null ? "style" : layerName);
        String title = title(userStyle).orElse(name);
        List<Rule> rules = new ArrayList<>();
        int group = 0;
        for (XmlElement featureTypeStyle : userStyle.children()) {
            if (!featureTypeStyle.name().equals("FeatureTypeStyle") && !featureTypeStyle.name().equals("CoverageStyle")) {
                continue;
            }
            for (XmlElement rule : featureTypeStyle.children("Rule")) {
                rules.add(rule(rule, group));
            }
            group++;
        }
        return new Style(name, title, rules);
    }

    private static Optional<String> title(XmlElement element) {
        return element.child("Title").or(() -> element.child("Description").flatMap(d -> d.child("Title"))).map(XmlElement::text);
    }

    private Rule rule(XmlElement rule, int group) {
        Filter filter = rule.child("Filter").map(f -> FesFilter.parse(f, Crs.STORAGE, "SLD")).orElse(Filter.INCLUDE);
        boolean elseFilter = rule.child("ElseFilter").isPresent();
        double min = rule.child("MinScaleDenominator").map(e -> number(e.text())).orElse(0.0);
        double max = rule.child("MaxScaleDenominator").map(e -> number(e.text())).orElse(Double.POSITIVE_INFINITY);
        List<Symbolizer> symbolizers = new ArrayList<>();
        for (XmlElement child : rule.children()) {
            switch (child.name()) {
                case "PolygonSymbolizer" -> symbolizers.add(new Symbolizer.PolygonSymbolizer(
                        child.child("Fill").map(this::fill).orElse(null), child.child("Stroke").map(this::stroke).orElse(null)));
                case "LineSymbolizer" -> symbolizers.add(new Symbolizer.LineSymbolizer(
                        child.child("Stroke").map(this::stroke).orElse(Stroke.BLACK),
                        child.child("PerpendicularOffset").map(e -> number(e.text())).orElse(0.0)));
                case "PointSymbolizer" -> symbolizers.add(new Symbolizer.PointSymbolizer(
                        child.child("Graphic").map(this::graphic).orElse(new Graphic(new Mark("square", Fill.GREY, Stroke.BLACK), null, 6, 0, 1))));
                case "TextSymbolizer" -> symbolizers.add(text(child));
                default -> {
                }
            }
        }
        return new Rule(rule.child("Name").map(XmlElement::text).orElse(null), title(rule).orElse(null), filter, elseFilter, min, max,
                symbolizers, group);
    }

    private Symbolizer.TextSymbolizer text(XmlElement text) {
        XmlElement label = text.require("Label", "SLD");
        String property = label.child("PropertyName").or(() -> label.child("ValueReference")).map(XmlElement::text)
                .orElseThrow(() -> OwsException.invalid("SLD", "A TextSymbolizer's Label names a property"));
        property = property.contains(":") ? property.substring(property.indexOf(':') + 1) : property;
        XmlElement fontElement = text.child("Font").orElse(null);
        Font font = new Font(fontElement == null ? null : parameter(fontElement, "font-family").orElse(null),
                fontElement == null ? 12 : parameter(fontElement, "font-size").map(SldReader::number).orElse(12.0),
                fontElement != null && parameter(fontElement, "font-weight").map("bold"::equalsIgnoreCase).orElse(false),
                fontElement != null && parameter(fontElement, "font-style").map("italic"::equalsIgnoreCase).orElse(false));
        Optional<XmlElement> point = text.child("LabelPlacement").flatMap(p -> p.child("PointPlacement"));
        double anchorX = point.flatMap(p -> p.child("AnchorPoint")).flatMap(a -> a.child("AnchorPointX")).map(e -> number(e.text())).orElse(0.5);
        double anchorY = point.flatMap(p -> p.child("AnchorPoint")).flatMap(a -> a.child("AnchorPointY")).map(e -> number(e.text())).orElse(0.5);
        double dx = point.flatMap(p -> p.child("Displacement")).flatMap(a -> a.child("DisplacementX")).map(e -> number(e.text())).orElse(0.0);
        double dy = point.flatMap(p -> p.child("Displacement")).flatMap(a -> a.child("DisplacementY")).map(e -> number(e.text())).orElse(0.0);
        Halo halo = text.child("Halo").map(h -> new Halo(h.child("Radius").map(r -> number(r.text())).orElse(1.0),
                h.child("Fill").map(this::fill).orElse(new Fill(Color.WHITE, 1)))).orElse(null);
        Fill fill = text.child("Fill").map(this::fill).orElse(new Fill(Color.BLACK, 1));
        return new Symbolizer.TextSymbolizer(property, font, fill, halo, anchorX, anchorY, dx, dy);
    }

    private Graphic graphic(XmlElement graphic) {
        double size = graphic.child("Size").map(e -> number(e.text())).orElse(0.0);
        double rotation = graphic.child("Rotation").map(e -> number(e.text())).orElse(0.0);
        double opacity = graphic.child("Opacity").map(e -> number(e.text())).orElse(1.0);
        Optional<XmlElement> external = graphic.child("ExternalGraphic");
        if (external.isPresent()) {
            String href = external.get().child("OnlineResource").flatMap(r -> r.attribute("href"))
                    .orElseThrow(() -> OwsException.invalid("SLD", "An ExternalGraphic needs an OnlineResource href"));
            BufferedImage image = images == null ? null : images.apply(href);
            if (image != null) {
                return new Graphic(null, image, size, rotation, opacity);
            }
        }
        Mark mark = graphic.child("Mark").map(m -> new Mark(m.child("WellKnownName").map(XmlElement::text).orElse("square"),
                m.child("Fill").map(this::fill).orElse(m.child("Stroke").isPresent() ? null : Fill.GREY),
                m.child("Stroke").map(this::stroke).orElse(null))).orElse(new Mark("square", Fill.GREY, null));
        return new Graphic(mark, null, size == 0 ? 6 : size, rotation, opacity);
    }

    private Fill fill(XmlElement fill) {
        return new Fill(parameter(fill, "fill").map(SldReader::color).orElse(Fill.GREY.color()),
                parameter(fill, "fill-opacity").map(SldReader::number).orElse(1.0));
    }

    private Stroke stroke(XmlElement stroke) {
        float[] dashes = parameter(stroke, "stroke-dasharray").map(SldReader::dashes).orElse(null);
        return new Stroke(parameter(stroke, "stroke").map(SldReader::color).orElse(Color.BLACK),
                parameter(stroke, "stroke-opacity").map(SldReader::number).orElse(1.0),
                parameter(stroke, "stroke-width").map(SldReader::number).orElse(1.0), dashes,
                parameter(stroke, "stroke-linejoin").orElse("miter"), parameter(stroke, "stroke-linecap").orElse("butt"));
    }

    /** A CssParameter (SLD 1.0) or SvgParameter (SE 1.1) of the given name; its value may sit in an ogc:Literal. */
    private static Optional<String> parameter(XmlElement holder, String name) {
        return holder.children().stream()
                .filter(p -> (p.name().equals("CssParameter") || p.name().equals("SvgParameter")) && name.equals(p.attribute("name").orElse("")))
                .map(p -> p.child("Literal").map(XmlElement::text).orElse(p.text())).findFirst();
    }

    static Color color(String text) {
        String hex = text.strip();
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw OwsException.invalid("SLD", "Colours are written #RRGGBB, not " + text);
        }
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw OwsException.invalid("SLD", "Not a number: " + text);
        }
    }

    private static float[] dashes(String text) {
        String[] parts = text.strip().split("[\\s,]+");
        float[] dashes = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dashes[i] = (float) number(parts[i]);
        }
        return dashes;
    }
}
