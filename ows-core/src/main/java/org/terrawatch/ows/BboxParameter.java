package org.terrawatch.ows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.GeographicCRS;

/**
 * The one parser of a bounding box given in a request (WFS {@code BBOX}, WMS {@code BBOX}, OGC API {@code bbox}, a
 * WPS bounding-box input): finite numbers, the lower corner not above the upper one, corners in the CRS's own axis
 * order turned into an x/y envelope, and the box within reach of the CRS's area of use. Reach is generous: a box in the
 * wrong axis order (a lenient WMS swaps it back), or a view past the edge of the world (a web map at its lowest zoom)
 * is a request to answer — with nothing, if nothing lies there —, but a box of ±1e308 in EPSG:3857 is refused as out
 * of range instead of being projected into nonsense. A geographic CRS reaches the whole world, whatever region its
 * datum was defined for (EPSG:4490 says China); a projected one its area of use.
 */
public final class BboxParameter {

    private static final Map<Crs, Envelope> REACH = new ConcurrentHashMap<>();

    private BboxParameter() {
    }

    /**
     * The x/y envelope of {@code minA,minB,maxA,maxB} (or, when {@code allowThreeDimensions}, also six numbers with
     * heights, which are ignored) in the CRS's axis order.
     *
     * @param strict whether the box must have an area (WMS), or may be a line or a point (WFS, OGC API)
     */
    public static Envelope parse(List<String> numbers, Crs crs, String locator, boolean allowThreeDimensions, boolean strict) {
        if (numbers.size() != 4 && !(allowThreeDimensions && numbers.size() == 6)) {
            throw OwsException.invalid(locator, locator + " holds " + (allowThreeDimensions ? "four (or six)" : "four")
                    + " numbers: minimum and maximum corner, not " + Numbers.shorten(String.join(",", numbers)));
        }
        double[] n = Numbers.finite(numbers, locator);
        int half = n.length / 2;
        double minA = n[0];
        double minB = n[1];
        double maxA = n[half];
        double maxB = n[half + 1];
        if (minA > maxA || minB > maxB || strict && (minA == maxA || minB == maxB)) {
            throw OwsException.invalid(locator, "The lower corner of " + locator + " must be "
                    + (strict ? "below" : "at or below") + " its upper corner: " + Numbers.shorten(String.join(",", numbers)));
        }
        Envelope box = crs.eastingFirst() ? new Envelope(minA, maxA, minB, maxB) : new Envelope(minB, maxB, minA, maxA);
        if (!reach(crs).contains(box)) {
            throw OwsException.invalid(locator, locator + " lies outside the domain of " + crs.urn() + ": "
                    + Numbers.shorten(String.join(",", numbers)));
        }
        return box;
    }

    /**
     * As {@link #parse}, for OGC API's {@code bbox} (Features Part 1, 7.15.3): in a geographic CRS, a box whose west
     * edge lies east of its east edge crosses the antimeridian ({@code 177,65,-177,70}) and comes back as its two
     * halves, east of it and west of it; any other box as itself.
     */
    public static List<Envelope> parseAcrossAntimeridian(List<String> numbers, Crs crs, String locator) {
        if ((numbers.size() == 4 || numbers.size() == 6) && crs.definition() instanceof GeographicCRS && crs.eastingFirst()) {
            double[] n = Numbers.finite(numbers, locator);
            int half = n.length / 2;
            if (n[0] > n[half] && n[0] <= 180 && n[half] >= -180) {
                List<String> east = new java.util.ArrayList<>(numbers);
                east.set(half, "180");
                List<String> west = new java.util.ArrayList<>(numbers);
                west.set(0, "-180");
                return List.of(parse(east, crs, locator, true, false), parse(west, crs, locator, true, false));
            }
        }
        return List.of(parse(numbers, crs, locator, true, false));
    }

    private static final double HALF_CIRCUMFERENCE_M = 20_037_508;

    /** The CRS's area of use in x/y (the world for a geographic CRS), widened by twice its larger side on every side
     * (a projected one by at least half the earth's circumference). */
    static Envelope reach(Crs crs) {
        return REACH.computeIfAbsent(crs, c -> {
            org.opengis.geometry.Envelope domain = CRS.getDomainOfValidity(c.definition());
            Envelope xy;
            if (c.definition() instanceof GeographicCRS) {
                xy = new Envelope(-180, 180, -90, 90);
            } else if (domain == null) {
                xy = new Envelope(-1e9, 1e9, -1e9, 1e9);
            } else {
                // The definition is already in this CRS's axis order; x is the easting (first when eastingFirst).
                int x = c.eastingFirst() ? 0 : 1;
                xy = new Envelope(domain.getMinimum(x), domain.getMaximum(x), domain.getMinimum(1 - x), domain.getMaximum(1 - x));
            }
            Envelope widened = new Envelope(xy);
            double side = Math.max(xy.getWidth(), xy.getHeight());
            // a projected CRS (in metres) reaches at least the half circumference of the earth: a box of real places in
            // a neighbouring Gauss-Kruger zone is a question to answer, not an error (the Features suite sends those)
            widened.expandBy(c.definition() instanceof GeographicCRS ? 2 * side : Math.max(2 * side, HALF_CIRCUMFERENCE_M));
            return widened;
        });
    }
}
