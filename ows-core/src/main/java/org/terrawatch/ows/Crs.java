package org.terrawatch.ows;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * A coordinate reference system as a request names it, and the axis order that name implies.
 *
 * <p>Names: {@code EPSG:n}, {@code urn:ogc:def:crs:EPSG::n}, {@code http://www.opengis.net/def/crs/EPSG/0/n},
 * {@code CRS:84} and its URN/URI forms. Axis order: the URN and URI forms, and {@code EPSG:n} in WFS 1.1/2.0
 * and WMS 1.3, follow the EPSG definition (latitude first for EPSG:4490 and 4326, northing first for the
 * CGCS2000 Gauss-Krüger zones); {@code CRS:84} and {@code EPSG:n} in WFS 1.0 / WMS 1.1 are longitude/easting
 * first. Only the CRSs TerraWatch publishes are accepted: EPSG:4490, 4326, 3857, 4534–4554 and CRS:84.
 */
public record Crs(int epsg, boolean eastingFirst) {

    private static final Pattern EPSG_SHORT = Pattern.compile("EPSG:(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EPSG_URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:EPSG:(?:[\\d.]*:)?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EPSG_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/EPSG/0/(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRS84 = Pattern.compile("CRS:84|urn:ogc:def:crs:OGC:1\\.3:CRS84|https?://www\\.opengis\\.net/def/crs/OGC/1\\.3/CRS84",
            Pattern.CASE_INSENSITIVE);
    private static final ConcurrentHashMap<Crs, CoordinateReferenceSystem> DEFINITIONS = new ConcurrentHashMap<>();

    /** The storage CRS: EPSG:4490 with longitude first, as geometries are stored. */
    public static final Crs STORAGE = new Crs(4490, true);

    /** OGC CRS:84 (WGS 84, longitude first): GeoJSON's and OGC API's default. */
    public static final Crs CRS84_LON_LAT = new Crs(4326, true);

    public Crs {
        if (!isPublished(epsg)) {
            throw new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, "srsName",
                    "EPSG:" + epsg + " is not offered; use EPSG:4490, EPSG:4326, EPSG:3857, CRS:84 or a CGCS2000 Gauss-Krüger zone EPSG:4534 to EPSG:4554");
        }
    }

    /** Whether coordinates are degrees of latitude and longitude (EPSG:4490, EPSG:4326), not metres. */
    public boolean geographic() {
        return epsg == 4490 || epsg == 4326;
    }

    /** Whether TerraWatch publishes data in the CRS. */
    public static boolean isPublished(int epsg) {
        return epsg == 4490 || epsg == 4326 || epsg == 3857 || epsg >= 4534 && epsg <= 4554;
    }

    /**
     * The CRS a name denotes.
     *
     * @param name            as given in the request
     * @param shortFormIsXy   whether {@code EPSG:n} means longitude/easting first (WFS 1.0, WMS 1.1)
     * @param locator         the parameter to blame on failure
     */
    public static Crs parse(String name, boolean shortFormIsXy, String locator) {
        String given = name.strip();
        if (CRS84.matcher(given).matches()) {
            return CRS84_LON_LAT;
        }
        Matcher matcher;
        if ((matcher = EPSG_URN.matcher(given)).matches() || (matcher = EPSG_URI.matcher(given)).matches()) {
            int code = code(matcher.group(1), locator);
            return new Crs(code, code == 3857);
        }
        if ((matcher = EPSG_SHORT.matcher(given)).matches()) {
            int code = code(matcher.group(1), locator);
            return new Crs(code, shortFormIsXy || code == 3857);
        }
        throw OwsException.invalid(locator, "Unknown CRS: " + name);
    }

    private static int code(String digits, String locator) {
        try {
            int code = Integer.parseInt(digits);
            if (!isPublished(code)) {
                throw OwsException.invalid(locator, "EPSG:" + code + " is not offered; use EPSG:4490, EPSG:4326, EPSG:3857, CRS:84 or EPSG:4534 to EPSG:4554");
            }
            return code;
        } catch (NumberFormatException e) {
            throw OwsException.invalid(locator, "Unknown CRS code: " + digits);
        }
    }

    /** The URN form, as WFS 2.0 writes srsName: {@code urn:ogc:def:crs:EPSG::4490}. */
    public String urn() {
        return "urn:ogc:def:crs:EPSG::" + epsg;
    }

    /** The URI form of OGC API: {@code http://www.opengis.net/def/crs/EPSG/0/4490}, or CRS84's. */
    public String uri() {
        return this.equals(CRS84_LON_LAT) ? "http://www.opengis.net/def/crs/OGC/1.3/CRS84" : "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    /** The same CRS with its easting first: the order of JTS geometries, GeoJSON and the envelopes we compute with. */
    public Crs xy() {
        return eastingFirst ? this : new Crs(epsg, true);
    }

    /** The SIS definition with this axis order. */
    public CoordinateReferenceSystem definition() {
        return DEFINITIONS.computeIfAbsent(this, crs -> {
            try {
                CoordinateReferenceSystem epsgOrder = CRS.forCode("EPSG:" + crs.epsg);
                return crs.eastingFirst ? AbstractCRS.castOrCopy(epsgOrder).forConvention(AxesConvention.RIGHT_HANDED) : epsgOrder;
            } catch (FactoryException e) {
                throw new IllegalStateException("The EPSG database lacks EPSG:" + crs.epsg, e);
            }
        });
    }

    /**
     * Whether data within the longitude/latitude box can be given in this CRS: its domain of validity (EPSG's area of
     * use, e.g. 112.5°E to 115.5°E for a CGCS2000 Gauss-Krüger zone) meets the box. A CRS without a known domain
     * covers everything.
     */
    public boolean covers(double west, double south, double east, double north) {
        org.opengis.metadata.extent.GeographicBoundingBox domain = CRS.getGeographicBoundingBox(definition());
        if (domain == null) {
            return true;
        }
        return domain.getWestBoundLongitude() <= east && domain.getEastBoundLongitude() >= west
                && domain.getSouthBoundLatitude() <= north && domain.getNorthBoundLatitude() >= south;
    }

    @Override
    public String toString() {
        return "EPSG:" + epsg + (eastingFirst ? " (x/y)" : " (EPSG axis order)");
    }
}
