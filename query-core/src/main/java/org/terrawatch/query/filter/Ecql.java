package org.terrawatch.query.filter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.store.Wkb;

/**
 * A parser of ECQL, the text filter language of GeoServer's {@code CQL_FILTER} vendor parameter, and of
 * OGC CQL2 text (OGC API – Features Part 3: {@code S_INTERSECTS}, {@code T_AFTER}, {@code DATE('…')},
 * {@code TIMESTAMP('…')}, {@code INTERVAL('…','…')}, {@code BBOX(…)} literals) into the {@link Filter} model. Recursive descent over this grammar (keywords case-insensitive):
 *
 * <pre>
 * filter     := or
 * or         := and ("OR" and)*
 * and        := not ("AND" not)*
 * not        := "NOT" not | primary
 * primary    := "(" filter ")" | "INCLUDE" | "EXCLUDE" | "IN" "(" id ("," id)* ")"
 *             | "BBOX" "(" prop "," n "," n "," n "," n ["," 'crs'] ")"
 *             | spatialOp "(" prop "," WKT ")"
 *             | prop predicate
 * predicate  := cmp literal | ["NOT"] ("LIKE"|"ILIKE") 'pattern' | "IS" ["NOT"] "NULL"
 *             | ["NOT"] "BETWEEN" literal "AND" literal | ["NOT"] "IN" "(" literal ("," literal)* ")"
 *             | "DURING" time "/" time | "BEFORE" time | "AFTER" time | "TEQUALS" time
 * </pre>
 *
 * Semantics: geometries (WKT, BBOX) are x/y — longitude/latitude for EPSG:4490 — as in GeoServer; a BBOX in
 * another CRS is reprojected to the storage CRS. Time periods are closed intervals. Limits: no arithmetic,
 * no functions other than the spatial operators, no DWITHIN/BEYOND yet.
 */
public final class Ecql {

    private static final Set<String> SPATIAL = Set.of("INTERSECTS", "DISJOINT", "CONTAINS", "WITHIN", "TOUCHES", "CROSSES", "OVERLAPS", "EQUALS");

    private final String text;
    private final String locator;
    private final Crs geometryCrs;
    private int position;

    private Ecql(String text, String locator, Crs geometryCrs) {
        this.text = text;
        this.locator = locator;
        this.geometryCrs = geometryCrs;
    }

    /** The filter the text denotes, or an OWS InvalidParameterValue on {@code CQL_FILTER} saying where it failed. */
    public static Filter parse(String text) {
        return parse(text, "CQL_FILTER", Crs.STORAGE);
    }

    /**
     * The filter of an ECQL or CQL2 text.
     *
     * @param locator     the request parameter the text came in
     * @param geometryCrs CRS of WKT and BBOX literals without their own (x/y axis order)
     */
    public static Filter parse(String text, String locator, Crs geometryCrs) {
        Ecql parser = new Ecql(text, locator, geometryCrs);
        Filter filter = parser.or();
        parser.skipSpace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected text");
        }
        return filter;
    }

    private Filter or() {
        List<Filter> operands = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    private Filter and() {
        List<Filter> operands = new ArrayList<>(List.of(not()));
        while (keyword("AND")) {
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    private Filter not() {
        return keyword("NOT") ? new Filter.Not(not()) : primary();
    }

    private Filter primary() {
        if (symbol("(")) {
            Filter inner = or();
            expect(")");
            return inner;
        }
        if (keyword("INCLUDE")) {
            return Filter.INCLUDE;
        }
        if (keyword("EXCLUDE")) {
            return Filter.EXCLUDE;
        }
        if (keyword("IN")) {
            return resourceIds();
        }
        if (keyword("BBOX")) {
            return bbox();
        }
        for (String operator : SPATIAL) {
            if (keyword(operator) || keyword("S_" + operator)) {
                return spatial(Filter.SpatialOperator.valueOf(operator));
            }
        }
        for (String operator : new String[] {"T_AFTER", "T_BEFORE", "T_EQUALS", "T_DURING", "T_INTERSECTS"}) {
            if (keyword(operator)) {
                return temporalFunction(operator);
            }
        }
        return predicate(property());
    }

    private Filter predicate(String property) {
        skipSpace();
        for (String symbol : new String[] {"<>", "<=", ">=", "=", "<", ">"}) {
            if (symbol(symbol)) {
                Filter.Operator operator = switch (symbol) {
                    case "<>" -> Filter.Operator.NE;
                    case "<=" -> Filter.Operator.LE;
                    case ">=" -> Filter.Operator.GE;
                    case "=" -> Filter.Operator.EQ;
                    case "<" -> Filter.Operator.LT;
                    default -> Filter.Operator.GT;
                };
                return new Filter.Comparison(property, operator, literal());
            }
        }
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("expected NULL");
            }
            Filter isNull = new Filter.IsNull(property);
            return negated ? new Filter.Not(isNull) : isNull;
        }
        if (keyword("DURING")) {
            Object from = time();
            expect("/");
            return new Filter.Between(property, from, time());
        }
        if (keyword("BEFORE")) {
            return new Filter.Comparison(property, Filter.Operator.LT, time());
        }
        if (keyword("AFTER")) {
            return new Filter.Comparison(property, Filter.Operator.GT, time());
        }
        if (keyword("TEQUALS")) {
            return new Filter.Comparison(property, Filter.Operator.EQ, time());
        }
        boolean negated = keyword("NOT");
        Filter positive;
        if (keyword("LIKE")) {
            positive = new Filter.Like(property, string(), true);
        } else if (keyword("ILIKE")) {
            positive = new Filter.Like(property, string(), false);
        } else if (keyword("BETWEEN")) {
            Object lower = literal();
            if (!keyword("AND")) {
                throw error("expected AND in BETWEEN");
            }
            positive = new Filter.Between(property, lower, literal());
        } else if (keyword("IN")) {
            expect("(");
            List<Object> values = new ArrayList<>(List.of(literal()));
            while (symbol(",")) {
                values.add(literal());
            }
            expect(")");
            positive = new Filter.In(property, values);
        } else {
            throw error("expected a comparison, LIKE, IS NULL, BETWEEN, IN or a temporal operator after " + property);
        }
        return negated ? new Filter.Not(positive) : positive;
    }

    private Filter resourceIds() {
        expect("(");
        Set<String> ids = new HashSet<>(List.of(string()));
        while (symbol(",")) {
            ids.add(string());
        }
        expect(")");
        return new Filter.ResourceId(ids);
    }

    private Filter bbox() {
        expect("(");
        String property = property();
        double[] corners = new double[4];
        for (int i = 0; i < 4; i++) {
            expect(",");
            corners[i] = number();
        }
        Crs crs = geometryCrs;
        if (symbol(",")) {
            crs = Crs.parse(string(), true, locator);
        }
        expect(")");
        if (corners[0] > corners[2] || corners[1] > corners[3]) {
            throw error("BBOX corners are inverted");
        }
        Envelope envelope = new Envelope(corners[0], corners[2], corners[1], corners[3]);
        return new Filter.BBox(property, Reprojection.between(crs, Crs.STORAGE).apply(envelope));
    }

    private Filter spatial(Filter.SpatialOperator operator) {
        expect("(");
        String property = property();
        expect(",");
        if (keyword("BBOX") || keyword("ENVELOPE")) {
            expect("(");
            double[] c = {number(), 0, 0, 0};
            for (int i = 1; i < 4; i++) {
                expect(",");
                c[i] = number();
            }
            expect(")");
            expect(")");
            if (c[0] > c[2] || c[1] > c[3]) {
                throw error("BBOX corners are inverted");
            }
            Envelope box = Reprojection.between(geometryCrs, Crs.STORAGE).apply(new Envelope(c[0], c[2], c[1], c[3]));
            return new Filter.Spatial(operator, property, Wkb.factory().toGeometry(box));
        }
        skipSpace();
        int start = position;
        int depth = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            position++;
        }
        Geometry geometry;
        try {
            geometry = Numbers.finite(new WKTReader(Wkb.factory()).read(text.substring(start, position)), locator);
        } catch (ParseException e) {
            throw error("not a WKT geometry: " + e.getMessage());
        }
        expect(")");
        return new Filter.Spatial(operator, property, Reprojection.between(geometryCrs, Crs.STORAGE).apply(geometry));
    }

    /** CQL2's T_AFTER(p, t), T_BEFORE, T_EQUALS, T_DURING(p, INTERVAL(a, b)), T_INTERSECTS. */
    private Filter temporalFunction(String function) {
        expect("(");
        String property = property();
        expect(",");
        if (keyword("INTERVAL")) {
            expect("(");
            String from = string();
            expect(",");
            String to = string();
            expect(")");
            expect(")");
            if (!function.equals("T_DURING") && !function.equals("T_INTERSECTS")) {
                throw error(function + " compares with an instant, not an interval");
            }
            if (from.equals("..") && to.equals("..")) {
                return Filter.INCLUDE;
            }
            if (from.equals("..")) {
                return new Filter.Comparison(property, Filter.Operator.LE, temporal(to));
            }
            if (to.equals("..")) {
                return new Filter.Comparison(property, Filter.Operator.GE, temporal(from));
            }
            return new Filter.Between(property, temporal(from), temporal(to));
        }
        Object instant = literal();
        expect(")");
        return switch (function) {
            case "T_AFTER" -> new Filter.Comparison(property, Filter.Operator.GT, instant);
            case "T_BEFORE" -> new Filter.Comparison(property, Filter.Operator.LT, instant);
            case "T_EQUALS", "T_INTERSECTS" -> new Filter.Comparison(property, Filter.Operator.EQ, instant);
            default -> throw error(function + " needs an INTERVAL");
        };
    }

    private Object temporal(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw error("not an ISO 8601 date or date-time: " + value);
        }
    }

    private String property() {
        skipSpace();
        if (symbol("\"")) {
            int end = text.indexOf('"', position);
            if (end < 0) {
                throw error("unterminated quoted property name");
            }
            String name = text.substring(position, end);
            position = end + 1;
            return name;
        }
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || "_:.".indexOf(text.charAt(position)) >= 0)) {
            position++;
        }
        if (start == position) {
            throw error("expected a property name");
        }
        String name = text.substring(start, position);
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    }

    private Object literal() {
        skipSpace();
        if (position < text.length() && text.charAt(position) == '\'') {
            return string();
        }
        if (keyword("DATE") || keyword("TIMESTAMP")) {
            expect("(");
            String value = string();
            expect(")");
            return temporal(value);
        }
        if (keyword("TRUE")) {
            return Boolean.TRUE;
        }
        if (keyword("FALSE")) {
            return Boolean.FALSE;
        }
        if (position + 10 <= text.length() && text.substring(position, position + 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
            return time();
        }
        return number();
    }

    private Object time() {
        skipSpace();
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || "-:.+".indexOf(text.charAt(position)) >= 0)) {
            position++;
        }
        String value = text.substring(start, position);
        try {
            return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            position = start;
            throw error("not an ISO 8601 date or date-time: " + value);
        }
    }

    private String string() {
        skipSpace();
        if (position >= text.length() || text.charAt(position) != '\'') {
            throw error("expected a quoted string");
        }
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                if (position < text.length() && text.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                    continue;
                }
                return value.toString();
            }
            value.append(c);
        }
    }

    private double number() {
        skipSpace();
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || "+-.eE".indexOf(text.charAt(position)) >= 0)) {
            position++;
        }
        try {
            return Numbers.finite(text.substring(start, position), locator);
        } catch (OwsException e) {
            position = start;
            throw error("expected a finite number");
        }
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = position + word.length();
        if (end <= text.length() && text.substring(position, end).equalsIgnoreCase(word)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private OwsException error(String problem) {
        return OwsException.invalid(locator, String.format(Locale.ROOT, "%s: %s at position %d of \"%s\"", locator, problem, position + 1, text));
    }
}
