package org.terrawatch.submission.format;

import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.terrawatch.submission.SubmissionRefused;

/**
 * CRS definitions as submitted files carry them — an ESRI {@code .prj} (WKT 1 as ArcGIS writes it), an OGC WKT, or a
 * code such as {@code EPSG:4547} — read with Apache SIS, identified with their EPSG code where the EPSG database knows
 * them, and given with x east and y north, as the files' coordinates are. A definition SIS cannot read is refused:
 * a coordinate system is never guessed.
 */
public final class CrsDefinitions {

    private CrsDefinitions() {
    }

    public static CoordinateReferenceSystem fromWkt(String wkt, String where) {
        if (wkt.isEmpty()) {
            throw new SubmissionRefused("UNKNOWN_CRS", where + " is empty: the coordinate system is unknown");
        }
        CoordinateReferenceSystem crs;
        try {
            WKTFormat format = new WKTFormat();
            format.setConvention(Convention.WKT1_IGNORE_AXES);
            crs = (CoordinateReferenceSystem) format.parseObject(wkt);
        } catch (java.text.ParseException | ClassCastException | IllegalArgumentException e) {
            throw new SubmissionRefused("UNKNOWN_CRS", "The coordinate system in " + where + " cannot be read (" + e.getMessage()
                    + "): " + abbreviate(wkt));
        }
        CoordinateReferenceSystem identified = identified(crs);
        return eastNorth(identified == null ? crs : identified);
    }

    /** {@code EPSG:4547}, {@code urn:ogc:def:crs:EPSG::4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4490}, {@code CRS:84}. */
    public static CoordinateReferenceSystem fromCode(String code, String where) {
        try {
            return eastNorth(CRS.forCode(code.strip()));
        } catch (FactoryException | IllegalArgumentException e) {
            throw new SubmissionRefused("UNKNOWN_CRS", "The coordinate system " + code + " in " + where + " is unknown: name it by "
                    + "its EPSG code, e.g. EPSG:4490 or EPSG:4547");
        }
    }

    /** The EPSG code of a CRS, or null when the EPSG database has none for it. */
    public static Integer epsg(CoordinateReferenceSystem crs) {
        try {
            Integer code = IdentifiedObjects.lookupEPSG(crs);
            if (code != null) {
                return code;
            }
            IdentifiedObject found = identified(crs);
            return found == null ? null : IdentifiedObjects.lookupEPSG(found);
        } catch (FactoryException e) {
            return null;
        }
    }

    private static CoordinateReferenceSystem identified(CoordinateReferenceSystem crs) {
        try {
            IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            IdentifiedObject found = finder.findSingleton(crs);
            return found instanceof CoordinateReferenceSystem definition ? definition : null;
        } catch (FactoryException e) {
            return null;
        }
    }

    private static CoordinateReferenceSystem eastNorth(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
