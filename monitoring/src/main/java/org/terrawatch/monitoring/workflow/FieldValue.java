package org.terrawatch.monitoring.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.monitoring.calendar.Deadlines;

/**
 * Reading a field's value as the clients send it (text from XML, JSON strings and numbers) into the domain
 * type, and comparing values so that a field sent back unchanged counts as unchanged. Empty text is null.
 */
public final class FieldValue {

    private FieldValue() {
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static <E extends Enum<E>> E enumValue(String entity, String field, Object value, Class<E> type) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(entity, field, "the field " + field + " takes one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not " + text);
        }
    }

    public static LocalDate date(String entity, String field, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            String iso = text.replace('/', '-');  // GDAL writes 2026/08/18
            return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(entity, field, "the field " + field + " takes a date (yyyy-mm-dd), not " + text);
        }
    }

    /** An instant; a date-time without offset is China time, as the users write it. */
    public static Instant instant(String entity, String field, Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        String iso = text.replace(' ', 'T').replace('/', '-');
        try {
            return OffsetDateTime.parse(iso.endsWith("+00") ? iso + ":00" : iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).atZone(Deadlines.CHINA).toInstant();
            } catch (DateTimeParseException again) {
                throw RuleViolation.invalid(entity, field, "the field " + field + " takes a date and time (ISO 8601), not " + text);
            }
        }
    }

    public static Double number(String entity, String field, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid(entity, field, "the field " + field + " takes a number, not " + text);
        }
    }

    /** A polygon or multipolygon as a multipolygon. */
    public static MultiPolygon multiPolygon(String entity, String field, Object value) {
        if (value == null) {
            throw RuleViolation.invalid(entity, field, "the geometry may not be removed");
        }
        if (value instanceof MultiPolygon multi) {
            return multi;
        }
        if (value instanceof Polygon polygon) {
            return polygon.getFactory().createMultiPolygon(new Polygon[] {polygon});
        }
        throw RuleViolation.invalid(entity, field, "the geometry must be a polygon or multipolygon, not "
                + (value instanceof Geometry g ? g.getGeometryType() : value.getClass().getSimpleName()));
    }

    /** A geometry sent within this many degrees of the stored one is unchanged. */
    private static final double GEOMETRY_TOLERANCE = 1e-7;

    /**
     * Whether a value sent equals the stored one: numbers within a relative 1e-9 (clients print them with
     * fewer digits), instants within a millisecond (GDAL prints milliseconds), geometries within 1e-7 degrees (about a
     * centimetre: a client sends back what it read, rounded to the layer's coordinate decimals, by default 8), the rest
     * by equality.
     */
    public static boolean same(Object stored, Object sent) {
        if (stored instanceof Number a && sent instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        }
        if (stored instanceof Instant a && sent instanceof Instant b) {
            return Math.abs(java.time.Duration.between(a, b).toNanos()) < 1_000_000;
        }
        if (stored instanceof Geometry a && sent instanceof Geometry b) {
            return a.getGeometryType().equals(b.getGeometryType()) && a.norm().equalsExact(b.norm(), GEOMETRY_TOLERANCE);
        }
        return Objects.equals(stored, sent);
    }
}
