package org.terrawatch.ows;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Coordinates from one {@link Crs} to another, axis order included: a geometry in {@link Crs#STORAGE}
 * (lon/lat) reprojected to {@code urn:ogc:def:crs:EPSG::4490} comes out as lat/lon, to EPSG:4547 as
 * northing/easting. Operations come from Apache SIS with its EPSG database and are cached.
 */
public final class Reprojection {

    private static final Map<String, Reprojection> CACHE = new ConcurrentHashMap<>();

    private final MathTransform transform;

    private Reprojection(MathTransform transform) {
        this.transform = transform;
    }

    /**
     * The operation from one published CRS to another. CGCS2000 and WGS 84 (EPSG:4490 and 4326) are taken to coincide,
     * as PROJ, GDAL and MapServer take them (their frames agree to centimetres; the ellipsoids differ by 0.1 mm): between
     * the two only the axis order changes, and a map or download in EPSG:4326 costs no datum arithmetic.
     */
    public static Reprojection between(Crs source, Crs target) {
        return CACHE.computeIfAbsent(source + ">" + target, key -> {
            Crs to = source.geographic() && target.geographic() ? new Crs(source.epsg(), target.eastingFirst()) : target;
            try {
                return new Reprojection(CRS.findOperation(source.definition(), to.definition(), null).getMathTransform());
            } catch (FactoryException e) {
                throw new IllegalStateException("No coordinate operation from " + source + " to " + target, e);
            }
        });
    }

    /**
     * From any CRS (an image's, say, in its own axis order) to a published one; not cached, the caller keeps it.
     */
    public static Reprojection from(CoordinateReferenceSystem source, Crs target) {
        try {
            return new Reprojection(CRS.findOperation(source, target.definition(), null).getMathTransform());
        } catch (FactoryException e) {
            throw new IllegalStateException("No coordinate operation from " + source.getName() + " to " + target, e);
        }
    }

    /** The way back. */
    public Reprojection inverse() {
        try {
            return new Reprojection(transform.inverse());
        } catch (org.opengis.referencing.operation.NoninvertibleTransformException e) {
            throw new IllegalStateException("The coordinate operation cannot be inverted", e);
        }
    }

    /** A reprojected copy of the geometry (the argument is not changed). */
    public Geometry apply(Geometry geometry) {
        if (geometry == null || transform.isIdentity()) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            /** Each sequence is transformed whole, in one call, when its first coordinate is visited. */
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                if (i != 0) {
                    return;
                }
                int size = sequence.size();
                double[] points = new double[2 * size];
                for (int k = 0; k < size; k++) {
                    points[2 * k] = sequence.getX(k);
                    points[2 * k + 1] = sequence.getY(k);
                }
                try {
                    transform.transform(points, 0, points, 0, size);
                } catch (TransformException e) {
                    throw new IllegalArgumentException("Coordinates outside the target CRS's domain: " + e.getMessage(), e);
                }
                for (int k = 0; k < size; k++) {
                    sequence.setOrdinate(k, 0, points[2 * k]);
                    sequence.setOrdinate(k, 1, points[2 * k + 1]);
                }
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** The envelope of the reprojected envelope, its edges densified so curved images are covered. */
    public Envelope apply(Envelope envelope) {
        if (transform.isIdentity()) {
            return new Envelope(envelope);
        }
        Envelope result = new Envelope();
        int steps = 16;
        try {
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                double[][] points = {
                        {envelope.getMinX() + t * envelope.getWidth(), envelope.getMinY()},
                        {envelope.getMinX() + t * envelope.getWidth(), envelope.getMaxY()},
                        {envelope.getMinX(), envelope.getMinY() + t * envelope.getHeight()},
                        {envelope.getMaxX(), envelope.getMinY() + t * envelope.getHeight()}};
                for (double[] point : points) {
                    transform.transform(point, 0, point, 0, 1);
                    result.expandToInclude(point[0], point[1]);
                }
            }
        } catch (TransformException e) {
            throw new IllegalArgumentException("Envelope outside the target CRS's domain: " + e.getMessage(), e);
        }
        return result;
    }
}
