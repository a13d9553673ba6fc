package org.terrawatch.ows;

import java.util.List;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The one parser of numbers in requests, shared by WFS, WMS, WPS, OGC API and the filter languages: a number is
 * finite ({@code NaN}, {@code Infinity} and overflowing literals such as {@code 1e400} are refused) and an integer
 * is written in digits within its range. Refusals are {@code InvalidParameterValue} naming the parameter, which every
 * protocol renders in its own form.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Numbers() {
    }

    /** A finite decimal number. */
    public static double finite(String text, String locator) {
        String trimmed = text == null ? "" : text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw OwsException.invalid(locator, locator + " holds finite decimal numbers, not \"" + shorten(trimmed) + "\"");
        }
        double value = Double.parseDouble(trimmed);
        if (!Double.isFinite(value)) {
            throw OwsException.invalid(locator, locator + " holds finite numbers only, not \"" + shorten(trimmed) + "\"");
        }
        return value;
    }

    /** Finite numbers, one per item. */
    public static double[] finite(List<String> items, String locator) {
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = finite(items.get(i), locator);
        }
        return values;
    }

    /** An integer written in digits (an optional sign), between {@code min} and {@code max}. */
    public static long integer(String text, String locator, long min, long max) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.matches("[-+]?\\d{1,19}")) {
            throw OwsException.invalid(locator, locator + " is not an integer: " + shorten(trimmed));
        }
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw OwsException.invalid(locator, locator + " must be between " + min + " and " + max + ": " + shorten(trimmed));
        }
        if (value < min || value > max) {
            throw OwsException.invalid(locator, locator + " must be between " + min + " and " + max + ": " + trimmed);
        }
        return value;
    }

    /** The geometry, when all its coordinates are finite numbers (a GeoJSON or WKT reader turns 1e400 into infinity). */
    public static <G extends Geometry> G finite(G geometry, String locator) {
        if (geometry != null) {
            for (Coordinate c : geometry.getCoordinates()) {
                if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY())) {
                    throw OwsException.invalid(locator, locator + " holds a coordinate that is not a finite number");
                }
            }
        }
        return geometry;
    }

    /** A request's text quoted back at most 60 characters long. */
    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
