package org.terrawatch.query.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;
import org.terrawatch.store.Wkb;

/**
 * Turns a {@link Filter} into an SQL condition both stores run: standard comparison and {@code LIKE}
 * (case-insensitive through {@code LOWER}), {@code &&} on the bounding box so the spatial index serves, then
 * the exact {@code ST_} predicate. Every value is a bound parameter, converted to the property's type;
 * property names are checked against the feature type, so no request text reaches the SQL.
 */
public final class SqlFilterCompiler {

    private final FeatureType type;
    private final String locator;
    private final List<Object> parameters = new ArrayList<>();

    private SqlFilterCompiler(FeatureType type, String locator) {
        this.type = type;
        this.locator = locator;
    }

    /**
     * @param locator the request parameter the filter came from, named in errors
     */
    public static SqlWhere compile(Filter filter, FeatureType type, String locator) {
        SqlFilterCompiler compiler = new SqlFilterCompiler(type, locator);
        String sql = compiler.sql(filter);
        return new SqlWhere(sql, compiler.parameters);
    }

    private String sql(Filter filter) {
        if (filter instanceof Filter.Include) {
            return "1 = 1";
        } else if (filter instanceof Filter.Exclude) {
            return "1 = 0";
        } else if (filter instanceof Filter.Comparison c) {
            return column(c.property()) + " " + operator(c.operator()) + " " + value(c.property(), c.literal());
        } else if (filter instanceof Filter.Like like) {
            return like(like);
        } else if (filter instanceof Filter.IsNull isNull) {
            if (isNull.property().equals(IDENTIFIER)) {
                return "1 = 0"; // every feature has an identifier
            }
            if (isNull.property().startsWith("gml:") && type.property(isNull.property()).isEmpty()) {
                return "1 = 1"; // gml:name or gml:description of a type that keeps none: always empty
            }
            return type.requireProperty(isNull.property(), locator).name() + " IS NULL"; // a geometry may be null too
        } else if (filter instanceof Filter.Between b) {
            return column(b.property()) + " BETWEEN " + value(b.property(), b.lower()) + " AND " + value(b.property(), b.upper());
        } else if (filter instanceof Filter.In in) {
            return in.values().isEmpty() ? "1 = 0" : column(in.property()) + " IN ("
                    + in.values().stream().map(v -> value(in.property(), v)).collect(Collectors.joining(", ")) + ")";
        } else if (filter instanceof Filter.And and) {
            return and.operands().stream().map(this::sql).collect(Collectors.joining(" AND ", "(", ")"));
        } else if (filter instanceof Filter.Or or) {
            return or.operands().stream().map(this::sql).collect(Collectors.joining(" OR ", "(", ")"));
        } else if (filter instanceof Filter.Not not) {
            return "NOT (" + sql(not.operand()) + ")";
        } else if (filter instanceof Filter.BBox bbox) {
            return bbox(bbox);
        } else if (filter instanceof Filter.Spatial spatial) {
            return spatial(spatial);
        } else if (filter instanceof Filter.Distance distance) {
            return distance(distance);
        } else if (filter instanceof Filter.ResourceId ids) {
            return resourceIds(ids);
        }
        throw new IllegalStateException("Unknown filter " + filter);
    }

    /** gml:identifier, which every feature has: its feature id, {@code <type>.<id>}. */
    private static final String IDENTIFIER = "gml:identifier";

    private String column(String property) {
        if (property.equals(IDENTIFIER)) {
            return "('" + type.name() + ".' || CAST(" + type.definition().idColumn() + " AS VARCHAR(64)))";
        }
        Property known = type.requireProperty(property, locator);
        if (known.binding() == Binding.GEOMETRY) {
            throw OwsException.invalid(locator, "Property " + property + " is a geometry: compare it with a spatial operator");
        }
        return known.name();
    }

    private String geometryColumn(String property) {
        Property known = property == null
                ? type.geometry().orElseThrow(() -> OwsException.invalid(locator, type.qualifiedName() + " has no geometry"))
                : type.requireProperty(property, locator);
        if (known.binding() != Binding.GEOMETRY) {
            throw OwsException.invalid(locator, "Property " + property + " is not a geometry");
        }
        return known.name();
    }

    private static String operator(Filter.Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    private String value(String property, Object literal) {
        parameters.add(property.equals(IDENTIFIER) ? String.valueOf(literal) : convert(type.requireProperty(property, locator), literal));
        return "?";
    }

    /** The literal as the column's Java type, or an error naming the property and the value. */
    private Object convert(Property property, Object literal) {
        String text = String.valueOf(literal);
        try {
            return switch (property.binding()) {
                case STRING -> text;
                case INTEGER -> literal instanceof Number n ? n.intValue() : Integer.parseInt(text);
                case LONG -> literal instanceof Number n ? n.longValue() : Long.parseLong(text);
                case DOUBLE -> literal instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                case BOOLEAN -> parseBoolean(text);
                case DATE -> literal instanceof LocalDate d ? d : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                case TIMESTAMP -> timestamp(literal, text);
                case GEOMETRY -> throw new IllegalArgumentException("geometry");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw OwsException.invalid(locator, "Value " + text + " does not fit property " + property.name() + " ("
                    + property.binding().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new NumberFormatException(text);
    }

    private static OffsetDateTime timestamp(Object literal, String text) {
        if (literal instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (literal instanceof LocalDate day) {
            return day.atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.ofHours(8)); // a day means China's day
        }
        return OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "+08:00");
    }

    private String like(Filter.Like like) {
        String target;
        if (like.property().equals(IDENTIFIER)) {
            target = column(IDENTIFIER);
        } else {
            Property property = type.requireProperty(like.property(), locator);
            String column = column(property.name());
            target = property.binding() == Binding.STRING ? column : "CAST(" + column + " AS VARCHAR(200))";
        }
        parameters.add(like.matchCase() ? like.pattern() : like.pattern().toLowerCase(java.util.Locale.ROOT));
        return (like.matchCase() ? target : "LOWER(" + target + ")") + " LIKE ?";
    }

    private String bbox(Filter.BBox bbox) {
        String column = geometryColumn(bbox.property());
        Envelope e = bbox.envelope();
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, 4490)";
        for (int i = 0; i < 2; i++) {
            parameters.add(e.getMinX());
            parameters.add(e.getMinY());
            parameters.add(e.getMaxX());
            parameters.add(e.getMaxY());
        }
        return "(" + column + " && " + envelope + " AND ST_Intersects(" + column + ", " + envelope + "))";
    }

    private String spatial(Filter.Spatial spatial) {
        String column = geometryColumn(spatial.property());
        String function = switch (spatial.operator()) {
            case INTERSECTS -> "ST_Intersects";
            case DISJOINT -> "ST_Disjoint";
            case CONTAINS -> "ST_Contains";
            case WITHIN -> "ST_Within";
            case TOUCHES -> "ST_Touches";
            case CROSSES -> "ST_Crosses";
            case OVERLAPS -> "ST_Overlaps";
            case EQUALS -> "ST_Equals";
        };
        String call = function + "(" + column + ", ST_GeomFromWKB(?, 4490))";
        if (spatial.operator() == Filter.SpatialOperator.DISJOINT) {
            parameters.add(Wkb.write(spatial.geometry()));
            return call;
        }
        Envelope e = spatial.geometry().getEnvelopeInternal();
        parameters.add(e.getMinX());
        parameters.add(e.getMinY());
        parameters.add(e.getMaxX());
        parameters.add(e.getMaxY());
        parameters.add(Wkb.write(spatial.geometry()));
        return "(" + column + " && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND " + call + ")";
    }

    /**
     * DWithin and Beyond in metres on the ground: both geometries are measured in the UTM zone of the reference geometry
     * (scale within 0.1 % across the zone), after a box in degrees wide enough at the latitude has picked the candidates.
     */
    private String distance(Filter.Distance distance) {
        String column = geometryColumn(distance.property());
        Envelope reference = distance.geometry().getEnvelopeInternal();
        double lon = reference.centre().x;
        double lat = reference.centre().y;
        int zone = Math.max(1, Math.min(60, (int) Math.floor((lon + 180) / 6) + 1));
        int utm = (lat >= 0 ? 32600 : 32700) + zone;
        String within = "ST_DWithin(ST_Transform(" + column + ", " + utm + "), ST_Transform(ST_GeomFromWKB(?, 4490), " + utm + "), ?)";
        if (distance.beyond()) {
            parameters.add(Wkb.write(distance.geometry()));
            parameters.add(distance.metres());
            return "NOT " + within;
        }
        double dLat = distance.metres() / 110_574 * 1.01;
        double farthest = Math.max(Math.abs(reference.getMinY()), Math.abs(reference.getMaxY())) + dLat;
        if (farthest >= 89) {
            parameters.add(Wkb.write(distance.geometry()));
            parameters.add(distance.metres());
            return within;
        }
        double dLon = Math.min(360, distance.metres() / (111_320 * Math.cos(Math.toRadians(farthest))) * 1.01);
        parameters.add(reference.getMinX() - dLon);
        parameters.add(reference.getMinY() - dLat);
        parameters.add(reference.getMaxX() + dLon);
        parameters.add(reference.getMaxY() + dLat);
        parameters.add(Wkb.write(distance.geometry()));
        parameters.add(distance.metres());
        return "(" + column + " && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND " + within + ")";
    }

    private String resourceIds(Filter.ResourceId ids) {
        List<Object> keys = new ArrayList<>();
        String prefix = type.name() + ".";
        for (String id : ids.ids()) {
            if (id.startsWith(prefix)) {
                keys.add(id.substring(prefix.length()));
            } else if (id.indexOf('.') > 0) {
                // an id that names another type is an error (WFS 2.0, 7.9.2.4.1); one that names no feature matches none
                throw OwsException.invalid(locator, id + " is not a feature of " + type.qualifiedName());
            }
        }
        if (keys.isEmpty()) {
            return "1 = 0";
        }
        String idColumn = type.definition().idColumn();
        return idColumn + " IN (" + keys.stream().map(k -> value(idColumn, k)).collect(Collectors.joining(", ")) + ")";
    }
}
