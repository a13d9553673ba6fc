package org.terrawatch.query.filter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.store.Wkb;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parser of CQL2 JSON (OGC API – Features Part 3, {@code filter-lang=cql2-json}) into the {@link Filter}
 * model: {@code and}, {@code or}, {@code not}; {@code = <> < <= > >=}, {@code like}, {@code between}, {@code in},
 * {@code isNull}; {@code s_intersects} and the other spatial functions against GeoJSON geometries or
 * {@code {"bbox": [...]}}; {@code t_after}, {@code t_before}, {@code t_equals}, {@code t_during},
 * {@code t_intersects} against {@code {"date": …}}, {@code {"timestamp": …}} and {@code {"interval": [a, b]}}.
 * Geometries are x/y in the filter CRS and reprojected to the storage CRS. Limits: no functions, no arithmetic.
 */
public final class Cql2Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Filter.Operator> COMPARISONS = Map.of("=", Filter.Operator.EQ, "<>", Filter.Operator.NE,
            "<", Filter.Operator.LT, "<=", Filter.Operator.LE, ">", Filter.Operator.GT, ">=", Filter.Operator.GE);

    private final String locator;
    private final Reprojection toStorage;

    private Cql2Json(String locator, Crs geometryCrs) {
        this.locator = locator;
        this.toStorage = Reprojection.between(geometryCrs, Crs.STORAGE);
    }

    /**
     * @param geometryCrs CRS of the filter's geometries, x/y
     */
    public static Filter parse(String json, String locator, Crs geometryCrs) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException e) {
            throw OwsException.invalid(locator, locator + " is not JSON: " + e.getOriginalMessage());
        }
        return new Cql2Json(locator, geometryCrs).expression(tree);
    }

    private Filter expression(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean() ? Filter.INCLUDE : Filter.EXCLUDE;
        }
        String op = node.path("op").asString("").toLowerCase(Locale.ROOT);
        JsonNode args = node.path("args");
        if (op.isEmpty() || !args.isArray()) {
            throw error("an expression is {\"op\": …, \"args\": […]}");
        }
        if (COMPARISONS.containsKey(op)) {
            arity(op, args, 2);
            return new Filter.Comparison(property(args.get(0)), COMPARISONS.get(op), literal(args.get(1)));
        }
        return switch (op) {
            case "and", "or" -> {
                List<Filter> operands = new ArrayList<>();
                args.forEach(a -> operands.add(expression(a)));
                if (operands.size() < 2) {
                    throw error(op + " needs at least two operands");
                }
                yield op.equals("and") ? new Filter.And(operands) : new Filter.Or(operands);
            }
            case "not" -> {
                arity(op, args, 1);
                yield new Filter.Not(expression(args.get(0)));
            }
            case "like" -> {
                arity(op, args, 2);
                yield new Filter.Like(property(args.get(0)), args.get(1).asString(), true);
            }
            case "between" -> {
                arity(op, args, 3);
                yield new Filter.Between(property(args.get(0)), literal(args.get(1)), literal(args.get(2)));
            }
            case "in" -> {
                arity(op, args, 2);
                List<Object> values = new ArrayList<>();
                args.get(1).forEach(v -> values.add(literal(v)));
                yield new Filter.In(property(args.get(0)), values);
            }
            case "isnull" -> {
                arity(op, args, 1);
                yield new Filter.IsNull(property(args.get(0)));
            }
            case "s_intersects", "s_disjoint", "s_contains", "s_within", "s_touches", "s_crosses", "s_overlaps", "s_equals" -> {
                arity(op, args, 2);
                yield new Filter.Spatial(Filter.SpatialOperator.valueOf(op.substring(2).toUpperCase(Locale.ROOT)), property(args.get(0)),
                        geometry(args.get(1)));
            }
            case "t_after", "t_before", "t_equals", "t_intersects", "t_during" -> temporal(op, args);
            default -> throw error("operator " + op + " is not supported");
        };
    }

    private Filter temporal(String op, JsonNode args) {
        arity(op, args, 2);
        String property = property(args.get(0));
        JsonNode value = args.get(1);
        if (value.has("interval")) {
            JsonNode interval = value.get("interval");
            String from = interval.path(0).asString("..");
            String to = interval.path(1).asString("..");
            if (from.equals("..") && to.equals("..")) {
                return Filter.INCLUDE;
            }
            if (from.equals("..")) {
                return new Filter.Comparison(property, Filter.Operator.LE, time(to));
            }
            if (to.equals("..")) {
                return new Filter.Comparison(property, Filter.Operator.GE, time(from));
            }
            return new Filter.Between(property, time(from), time(to));
        }
        Object instant = literal(value);
        return switch (op) {
            case "t_after" -> new Filter.Comparison(property, Filter.Operator.GT, instant);
            case "t_before" -> new Filter.Comparison(property, Filter.Operator.LT, instant);
            default -> new Filter.Comparison(property, Filter.Operator.EQ, instant);
        };
    }

    private String property(JsonNode node) {
        if (!node.has("property")) {
            throw error("expected {\"property\": …}, not " + node);
        }
        return node.get("property").asString();
    }

    private Object literal(JsonNode node) {
        if (node.has("date")) {
            return time(node.get("date").asString());
        }
        if (node.has("timestamp")) {
            return time(node.get("timestamp").asString());
        }
        if (node.isNumber()) {
            return Numbers.finite(node.asString(), locator);
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isString()) {
            return node.asString();
        }
        throw error("expected a string, number, boolean, date or timestamp, not " + node);
    }

    private Object time(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw error("not an RFC 3339 date or timestamp: " + value);
        }
    }

    /** A GeoJSON geometry (Point, LineString, Polygon, MultiPolygon) or a bbox, in the storage CRS. */
    private Geometry geometry(JsonNode node) {
        if (node.has("bbox")) {
            JsonNode box = node.get("bbox");
            if (box.size() != 4) {
                throw error("a bbox has four numbers");
            }
            return toStorage.apply(Wkb.factory().toGeometry(new Envelope(corner(box, 0), corner(box, 2), corner(box, 1), corner(box, 3))));
        }
        JsonNode coordinates = node.path("coordinates");
        Geometry geometry = switch (node.path("type").asString("")) {
            case "Point" -> Wkb.factory().createPoint(coordinate(coordinates));
            case "LineString" -> Wkb.factory().createLineString(coordinates(coordinates));
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygon(p)));
                yield Wkb.factory().createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw error("expected a GeoJSON Point, LineString, Polygon, MultiPolygon or a bbox, not " + node);
        };
        return toStorage.apply(geometry);
    }

    private Polygon polygon(JsonNode rings) {
        if (rings.isEmpty()) {
            throw error("a polygon has at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return Wkb.factory().createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions) {
        Coordinate[] points = coordinates(positions);
        if (points.length < 4 || !points[0].equals2D(points[points.length - 1])) {
            throw error("a linear ring has at least four positions and ends where it starts");
        }
        return Wkb.factory().createLinearRing(points);
    }

    private Coordinate[] coordinates(JsonNode positions) {
        List<Coordinate> points = new ArrayList<>();
        positions.forEach(p -> points.add(coordinate(p)));
        return points.toArray(Coordinate[]::new);
    }

    private double corner(JsonNode box, int index) {
        return Numbers.finite(box.get(index).asString(), locator);
    }

    private Coordinate coordinate(JsonNode position) {
        if (position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw error("a position is [x, y]");
        }
        return new Coordinate(Numbers.finite(position.get(0).asString(), locator), Numbers.finite(position.get(1).asString(), locator));
    }

    private void arity(String op, JsonNode args, int count) {
        if (args.size() != count) {
            throw error(op + " takes " + count + " arguments");
        }
    }

    private OwsException error(String problem) {
        return OwsException.invalid(locator, locator + " (CQL2 JSON): " + problem);
    }
}
