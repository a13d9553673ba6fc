package org.terrawatch.submission;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.util.FactoryException;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.submission.format.CrsDefinitions;

/**
 * Whether a submitted file's CRS can be taken into CGCS2000 (city rules, article 17) without guessing: CGCS2000 itself
 * (geographic, or projected — the Gauss-Krüger zones), WGS 84 (its frame agrees with CGCS2000's to centimetres, as PROJ,
 * GDAL and the rest of this server take it), or any other datum for which the EPSG database has a transformation of
 * known accuracy (at most {@link #MAX_ERROR_M} m). Beijing 1954 or Xian 1980 without published parameters have none:
 * such a file is refused with a message saying to convert it first, never shifted by hundreds of metres silently.
 */
public final class CrsCheck {

    static final double MAX_ERROR_M = 10;
    private static final double SEMI_MAJOR = 6378137;

    private CrsCheck() {
    }

    /** The way into the store's CGCS2000 longitude/latitude; the CRS named as the report shows it. */
    public record Accepted(Reprojection toStorage, String name) {
    }

    public static Accepted check(CoordinateReferenceSystem crs, String source) {
        if (crs == null) {
            throw new SubmissionRefused("UNKNOWN_CRS", "The file names no coordinate system (" + source + "): send it with one, "
                    + "or name it in the crs part, e.g. EPSG:4490 or EPSG:4547");
        }
        Integer epsg = CrsDefinitions.epsg(crs);
        String name = crs.getName().getCode() + (epsg == null ? "" : " (EPSG:" + epsg + ")");
        Ellipsoid ellipsoid = DatumOrEnsemble.getEllipsoid(crs).orElse(null);
        if (ellipsoid == null) {
            throw new SubmissionRefused("UNKNOWN_CRS", "The coordinate system " + name + " names no ellipsoid: it cannot be placed in CGCS2000");
        }
        boolean coincident = Math.abs(ellipsoid.getSemiMajorAxis() - SEMI_MAJOR) < 1e-3
                && Math.abs(ellipsoid.getInverseFlattening() - 298.2572) < 1e-3;
        if (!coincident) {
            double error;
            try {
                CoordinateOperation operation = CRS.findOperation(crs, Crs.STORAGE.definition(), null);
                error = CRS.getLinearAccuracy(operation);
            } catch (FactoryException e) {
                error = Double.NaN;
            }
            if (!(error <= MAX_ERROR_M)) {
                throw new SubmissionRefused("NO_TRANSFORMATION", "No transformation of known accuracy leads from " + name
                        + " to CGCS2000 (the EPSG database has none; a shift of hundreds of metres would be a guess): convert the data to "
                        + "CGCS2000 with the bureau's published parameters first");
            }
        }
        return new Accepted(Reprojection.from(crs, Crs.STORAGE), name);
    }
}
