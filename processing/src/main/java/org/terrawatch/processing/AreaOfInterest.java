package org.terrawatch.processing;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.Reprojection;

/**
 * A bounding-box input as an area in the store's CRS (EPSG:4490, longitude first). The box's CRS is read as OGC
 * names it: a URN or URI in the EPSG axis order (latitude first for EPSG:4490 and 4326), {@code EPSG:n} and CRS84
 * longitude first; no CRS means CRS84.
 */
public final class AreaOfInterest {

    private AreaOfInterest() {
    }

    public static Envelope lonLat(String input, BoundingBox box) {
        Crs crs;
        try {
            crs = box.crs() == null ? Crs.CRS84_LON_LAT : Crs.parse(box.crs(), true, input);
        } catch (OwsException e) {
            throw ProcessFailure.invalid(input, e.getMessage());
        }
        Envelope given = new Envelope(box.lower()[0], box.upper()[0], box.lower()[1], box.upper()[1]);
        if (crs.equals(Crs.STORAGE) || crs.equals(Crs.CRS84_LON_LAT)) {
            return given;
        }
        return Reprojection.between(crs, Crs.STORAGE).apply(new GeometryFactory().toGeometry(given)).getEnvelopeInternal();
    }
}
