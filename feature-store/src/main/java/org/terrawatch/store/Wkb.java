package org.terrawatch.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometries cross the JDBC boundary as ISO well-known binary, the one form both stores read
 * ({@code ST_GeomFromWKB(?, srid)}) and write ({@code ST_AsBinary(column)}) without driver extensions.
 * Stored coordinates are x = longitude, y = latitude for EPSG:4490.
 */
public final class Wkb {

    /** SRID of every geometry column in the monitoring schema: CGCS2000 geographic. */
    public static final int STORAGE_SRID = 4490;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), STORAGE_SRID);

    private Wkb() {
    }

    public static byte[] write(Geometry geometry) {
        return geometry == null ? null : new WKBWriter(2).write(geometry);
    }

    public static Geometry read(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            return new WKBReader(FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new StoreException("The store returned a geometry that is not valid WKB: " + e.getMessage(), e);
        }
    }

    public static GeometryFactory factory() {
        return FACTORY;
    }
}
