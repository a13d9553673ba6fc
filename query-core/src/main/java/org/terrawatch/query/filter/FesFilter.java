package org.terrawatch.query.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.GmlGeometryReader;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;

/**
 * A parser of OGC Filter Encoding into the {@link Filter} model: FES 2.0 ({@code fes:ValueReference},
 * {@code fes:ResourceId}) and the Filter 1.1/1.0 forms older clients send ({@code ogc:PropertyName},
 * {@code ogc:FeatureId}, {@code ogc:GmlObjectId}). Elements are matched by local name.
 *
 * <p>Supported: the six comparisons (matchCase honoured for equality), PropertyIsLike, PropertyIsNull,
 * PropertyIsNil, PropertyIsBetween, And, Or, Not, resource ids, BBOX, the eight spatial relations and DWithin / Beyond
 * (distance in m, km, ft, mi or degrees) against GML geometries, and During, Before, After, TEquals against
 * gml:TimePeriod / gml:TimeInstant. Property paths keep their last step without prefix. Limits: no functions, no
 * arithmetic; a literal {@code %} or {@code _} in a LIKE pattern acts as a wildcard.
 */
public final class FesFilter {

    private static final Map<String, Filter.Operator> COMPARISONS = Map.of(
            "PropertyIsEqualTo", Filter.Operator.EQ, "PropertyIsNotEqualTo", Filter.Operator.NE,
            "PropertyIsLessThan", Filter.Operator.LT, "PropertyIsLessThanOrEqualTo", Filter.Operator.LE,
            "PropertyIsGreaterThan", Filter.Operator.GT, "PropertyIsGreaterThanOrEqualTo", Filter.Operator.GE);
    private static final Map<String, Filter.SpatialOperator> SPATIAL = Map.of(
            "Intersects", Filter.SpatialOperator.INTERSECTS, "Disjoint", Filter.SpatialOperator.DISJOINT,
            "Contains", Filter.SpatialOperator.CONTAINS, "Within", Filter.SpatialOperator.WITHIN,
            "Touches", Filter.SpatialOperator.TOUCHES, "Crosses", Filter.SpatialOperator.CROSSES,
            "Overlaps", Filter.SpatialOperator.OVERLAPS, "Equals", Filter.SpatialOperator.EQUALS);

    private final String locator;
    private final GmlGeometryReader geometries;

    private FesFilter(Crs defaultCrs, String locator) {
        this.locator = locator;
        this.geometries = new GmlGeometryReader(defaultCrs, locator);
    }

    /**
     * @param defaultCrs CRS of geometries without srsName (the feature type's default CRS in the request's axis order)
     * @param locator    the request parameter the filter came in
     */
    public static Filter parse(String xml, Crs defaultCrs, String locator) {
        return parse(XmlElement.parse(xml, locator), defaultCrs, locator);
    }

    public static Filter parse(XmlElement filterElement, Crs defaultCrs, String locator) {
        if (!filterElement.name().equals("Filter")) {
            throw OwsException.invalid(locator, "A filter starts with <fes:Filter>, not <" + filterElement.name() + ">");
        }
        FesFilter parser = new FesFilter(defaultCrs, locator);
        List<XmlElement> operands = filterElement.children();
        if (operands.isEmpty()) {
            throw OwsException.invalid(locator, "The filter is empty");
        }
        if (operands.stream().allMatch(FesFilter::isResourceId)) {
            return parser.resourceIds(operands);
        }
        if (operands.size() != 1) {
            throw OwsException.invalid(locator, "A filter holds one operator (combine several with And or Or)");
        }
        return parser.operator(operands.get(0));
    }

    private static boolean isResourceId(XmlElement element) {
        return element.name().equals("ResourceId") || element.name().equals("FeatureId") || element.name().equals("GmlObjectId");
    }

    private Filter resourceIds(List<XmlElement> elements) {
        Set<String> ids = new HashSet<>();
        for (XmlElement element : elements) {
            ids.add(element.attribute("rid").or(() -> element.attribute("fid")).or(() -> element.attribute("id"))
                    .orElseThrow(() -> OwsException.invalid(locator, "<" + element.name() + "> needs an identifier")));
        }
        return new Filter.ResourceId(ids);
    }

    private Filter operator(XmlElement element) {
        String name = element.name();
        if (COMPARISONS.containsKey(name)) {
            return comparison(element, COMPARISONS.get(name));
        }
        if (SPATIAL.containsKey(name)) {
            XmlElement geometry = element.children().stream().filter(c -> !isProperty(c)).findFirst()
                    .orElseThrow(() -> OwsException.invalid(locator, "<" + name + "> needs a GML geometry"));
            return new Filter.Spatial(SPATIAL.get(name), optionalProperty(element), geometries.operand(geometry));
        }
        if (name.equals("DWithin") || name.equals("Beyond")) {
            XmlElement geometry = element.children().stream().filter(c -> !isProperty(c) && !c.name().equals("Distance")).findFirst()
                    .orElseThrow(() -> OwsException.invalid(locator, "<" + name + "> needs a GML geometry"));
            return new Filter.Distance(name.equals("Beyond"), optionalProperty(element), geometries.operand(geometry),
                    metres(element.require("Distance", locator)));
        }
        return switch (name) {
            case "And" -> new Filter.And(operands(element));
            case "Or" -> new Filter.Or(operands(element));
            case "Not" -> new Filter.Not(operator(single(element)));
            case "PropertyIsLike" -> like(element);
            case "PropertyIsNull", "PropertyIsNil" -> new Filter.IsNull(property(element));
            case "PropertyIsBetween" -> new Filter.Between(property(element),
                    literal(element.require("LowerBoundary", locator)), literal(element.require("UpperBoundary", locator)));
            case "BBOX" -> new Filter.BBox(optionalProperty(element), geometries.envelope(element.children().stream()
                    .filter(c -> c.name().equals("Envelope") || c.name().equals("Box")).findFirst()
                    .orElseThrow(() -> OwsException.invalid(locator, "<BBOX> needs a gml:Envelope"))));
            case "During" -> during(element);
            case "Before" -> new Filter.Comparison(property(element), Filter.Operator.LT, instant(element));
            case "After" -> new Filter.Comparison(property(element), Filter.Operator.GT, instant(element));
            case "TEquals" -> new Filter.Comparison(property(element), Filter.Operator.EQ, instant(element));
            default -> throw OwsException.invalid(locator, "Filter operator " + name + " is not supported");
        };
    }

    /** A fes:Distance in metres: its uom is a unit of length (m, km, ft, mi, as a symbol or a URN) or degrees of arc. */
    private double metres(XmlElement distance) {
        double value;
        try {
            value = Double.parseDouble(distance.text().strip());
        } catch (NumberFormatException e) {
            throw OwsException.invalid(locator, "<Distance> is a number, not " + distance.text());
        }
        String uom = distance.attribute("uom").orElse("m");
        String unit = uom.replaceFirst("(?i)^urn:ogc:def:uom:(EPSG::|OGC:1\\.0:)", "").replaceFirst("^.*[#/]", "").toLowerCase(java.util.Locale.ROOT);
        double metres = switch (unit) {
            case "m", "metre", "meter", "metres", "meters", "9001" -> value;
            case "km", "kilometre", "kilometer", "9036" -> value * 1000;
            case "ft", "foot", "9002" -> value * 0.3048;
            case "mi", "mile", "9093" -> value * 1609.344;
            case "nm", "nautical mile", "9030" -> value * 1852;
            case "deg", "degree", "degrees", "9102" -> value * DEGREE_OF_ARC_M;
            default -> throw OwsException.invalid(locator, "Unknown unit of distance " + uom + ": use m, km, ft, mi or deg");
        };
        if (!(metres >= 0) || Double.isInfinite(metres)) {
            throw OwsException.invalid(locator, "<Distance> is a finite distance of zero or more, not " + distance.text());
        }
        return metres;
    }

    /** A degree of arc of a great circle on the GRS 80 / WGS 84 sphere of equal area, as units of angle are read. */
    private static final double DEGREE_OF_ARC_M = Math.PI * 6_371_007.2 / 180;

    private Filter comparison(XmlElement element, Filter.Operator operator) {
        element.children().stream().filter(c -> c.name().equals("Literal") && !c.children().isEmpty()).findFirst().ifPresent(complex -> {
            // a literal holding an element (gml:Envelope against gml:boundedBy) cannot be compared: WFS 2.0, 11.4
            throw new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, locator, "<" + element.name() + "> compares simple values, not a <"
                    + complex.children().get(0).name() + ">");
        });
        String property = property(element);
        Object literal = literal(element);
        boolean matchCase = element.attribute("matchCase").map(Boolean::parseBoolean).orElse(true);
        if (!matchCase && operator == Filter.Operator.EQ) {
            return new Filter.Like(property, String.valueOf(literal), false);
        }
        return new Filter.Comparison(property, operator, literal);
    }

    private Filter like(XmlElement element) {
        String wildCard = element.attribute("wildCard").orElse("*");
        String singleChar = element.attribute("singleChar").orElse("?");
        String escape = element.attribute("escapeChar").or(() -> element.attribute("escape")).orElse("\\");
        String pattern = String.valueOf(literal(element));
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            String c = pattern.substring(i, i + 1);
            if (c.equals(escape) && i + 1 < pattern.length()) {
                sql.append(pattern.charAt(++i));
            } else if (c.equals(wildCard)) {
                sql.append('%');
            } else if (c.equals(singleChar)) {
                sql.append('_');
            } else {
                sql.append(c);
            }
        }
        boolean matchCase = element.attribute("matchCase").map(Boolean::parseBoolean).orElse(true);
        return new Filter.Like(property(element), sql.toString(), matchCase);
    }

    private Filter during(XmlElement element) {
        XmlElement period = element.children().stream().filter(c -> c.name().equals("TimePeriod")).findFirst()
                .orElseThrow(() -> OwsException.invalid(locator, "<During> needs a gml:TimePeriod"));
        return new Filter.Between(property(element), position(period, "begin", "beginPosition"), position(period, "end", "endPosition"));
    }

    private String position(XmlElement period, String wrapped, String direct) {
        return period.child(direct).map(XmlElement::text).orElseGet(() -> period.require(wrapped, locator)
                .require("TimeInstant", locator).require("timePosition", locator).text());
    }

    private String instant(XmlElement element) {
        return element.children().stream().filter(c -> c.name().equals("TimeInstant")).findFirst()
                .map(i -> i.require("timePosition", locator).text())
                .orElseThrow(() -> OwsException.invalid(locator, "<" + element.name() + "> needs a gml:TimeInstant"));
    }

    private List<Filter> operands(XmlElement element) {
        if (element.children().size() < 2) {
            throw OwsException.invalid(locator, "<" + element.name() + "> needs at least two operands");
        }
        List<Filter> operands = new ArrayList<>();
        element.children().forEach(c -> operands.add(operator(c)));
        return operands;
    }

    private XmlElement single(XmlElement element) {
        if (element.children().size() != 1) {
            throw OwsException.invalid(locator, "<" + element.name() + "> needs exactly one operand");
        }
        return element.children().get(0);
    }

    private static boolean isProperty(XmlElement element) {
        return element.name().equals("ValueReference") || element.name().equals("PropertyName");
    }

    private String property(XmlElement element) {
        String property = optionalProperty(element);
        if (property == null) {
            throw OwsException.invalid(locator, "<" + element.name() + "> needs a fes:ValueReference");
        }
        return property;
    }

    /** The last step of the property path, without namespace prefix; null when absent. */
    private static String optionalProperty(XmlElement element) {
        return element.children().stream().filter(FesFilter::isProperty).findFirst().map(p -> PropertyPath.step(p.text(), p.prefixes()))
                .orElse(null);
    }

    private Object literal(XmlElement element) {
        if (element.name().equals("Literal")) {
            return element.text();
        }
        return element.children().stream().filter(c -> c.name().equals("Literal")).findFirst().map(XmlElement::text)
                .orElseThrow(() -> OwsException.invalid(locator, "<" + element.name() + "> needs a fes:Literal"));
    }
}
