package org.terrawatch.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.terrawatch.ows.Reprojection;

/**
 * Every submitted geometry checked before it may become part of a base layer: it must be an area, lie in CGCS2000
 * within the jurisdiction (a geometry elsewhere means a wrong coordinate system, not a far-away parcel), and be valid
 * (OGC simple features, as JTS checks them). What is repaired and what is refused:
 * <ul>
 *   <li>repaired: rings left open (closed when read), and parts of one feature that repeat each other or lie wholly
 *       within another part (merged: nothing of the outline changes);</li>
 *   <li>repaired only when the department asks ({@code repair=merge-parts}), else refused: parts that share an edge —
 *       as the two parts of the real Jiaoqu boundary do, which together surround the city districts — or overlap;
 *       merging them changes the outline the file drew, so the department decides;</li>
 *   <li>refused: self-intersecting rings and polygons (a bow-tie: which side is inside is a guess), holes outside
 *       their shell, nested holes, too few points, invalid coordinates, and areas of zero size.</li>
 * </ul>
 * A refused feature refuses the whole submission: a base layer version is a complete snapshot, and one with a parcel
 * left out would excuse nothing there and flag nothing wrongly.
 */
public final class GeometryCheck {

    /** A checked geometry: the area in CGCS2000 longitude/latitude, or null when refused, and what happened. */
    public record Checked(MultiPolygon geometry, FeatureOutcome.Status status, String code, String message) {
    }

    private final Reprojection toStorage;
    private final Envelope jurisdiction;
    private final boolean mergeParts;

    /**
     * @param jurisdiction the monitored area's extent in CGCS2000 longitude/latitude, or null to check nothing
     * @param mergeParts   whether the department asked that parts touching along edges or overlapping be merged
     *                     ({@code repair=merge-parts})
     */
    public GeometryCheck(Reprojection toStorage, Envelope jurisdiction, boolean mergeParts) {
        this.toStorage = toStorage;
        this.jurisdiction = jurisdiction;
        this.mergeParts = mergeParts;
    }

    public Checked check(Geometry source, String repairedOnReading) {
        if (source != null && !(source instanceof Polygonal)) {
            return refused("NOT_AN_AREA", "a " + source.getGeometryType() + ", not an area: a base layer holds areas");
        }
        if (source == null || source.isEmpty()) {
            return refused("NO_GEOMETRY", "the feature has no geometry");
        }
        Geometry lonLat;
        try {
            lonLat = toStorage.apply(source);
        } catch (RuntimeException e) {
            return refused("OUTSIDE_CRS", "its coordinates lie outside the file's coordinate system (" + e.getMessage() + ")");
        }
        Envelope extent = lonLat.getEnvelopeInternal();
        if (jurisdiction != null && !padded(jurisdiction).intersects(extent)) {
            return refused("OUTSIDE_JURISDICTION", String.format(Locale.ROOT, "it lies at %.5f, %.5f, outside the jurisdiction "
                            + "(%.3f–%.3f E, %.3f–%.3f N): is the file's coordinate system right?", extent.centre().x, extent.centre().y,
                    jurisdiction.getMinX(), jurisdiction.getMaxX(), jurisdiction.getMinY(), jurisdiction.getMaxY()));
        }
        FeatureOutcome.Status status = repairedOnReading == null ? FeatureOutcome.Status.ACCEPTED : FeatureOutcome.Status.REPAIRED;
        String code = repairedOnReading == null ? null : "REPAIRED_RING_CLOSED";
        String message = repairedOnReading;
        IsValidOp validity = new IsValidOp(lonLat);
        TopologyValidationError error = validity.getValidationError();
        if (error != null) {
            Parts parts = lonLat instanceof MultiPolygon multi && partsValid(multi) ? parts(multi) : null;
            if (parts == null || (!parts.onlyRedundant() && !mergeParts)) {
                String advice = parts == null ? "" : ": merge them into one polygon in the file, or hand it in again with "
                        + "repair=merge-parts to have them merged";
                return refused(parts == null ? code(error) : parts.code(), (parts == null ? describe(error) : parts.message()) + advice);
            }
            lonLat = lonLat.union();
            status = FeatureOutcome.Status.REPAIRED;
            code = "REPAIRED_MERGED_PARTS";
            message = parts.message() + ": merged into one area";
        }
        MultiPolygon polygons = multi(lonLat);
        if (polygons == null || polygons.getArea() == 0) {
            return refused("ZERO_AREA", "the area is empty");
        }
        return new Checked(polygons, status, code, message);
    }

    /** How a multipolygon's valid parts meet: what makes the whole invalid, and where. */
    private record Parts(boolean onlyRedundant, String code, String message) {
    }

    /** How valid parts make an invalid whole: repeated or covered parts, parts touching along edges, or overlapping parts. */
    private static Parts parts(MultiPolygon parts) {
        String covered = null;
        String touching = null;
        for (int i = 0; i < parts.getNumGeometries(); i++) {
            Geometry a = parts.getGeometryN(i);
            for (int j = i + 1; j < parts.getNumGeometries(); j++) {
                Geometry b = parts.getGeometryN(j);
                if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal()) || !a.intersects(b)) {
                    continue;
                }
                String pair = "parts " + (i + 1) + " and " + (j + 1);
                if (a.covers(b) || b.covers(a)) {
                    covered = covered == null ? pair + " repeat each other or one lies within the other" : covered;
                } else if (a.relate(b, "T********")) {
                    return new Parts(false, "OVERLAPPING_PARTS", pair + " overlap" + at(a.intersection(b)));
                } else if (touching == null && a.relate(b, "****1****")) {
                    touching = pair + " share an edge" + at(a.intersection(b));
                }
            }
        }
        if (touching != null) {
            return new Parts(false, "PARTS_SHARE_EDGES", touching);
        }
        return covered == null ? null : new Parts(true, "REDUNDANT_PARTS", covered);
    }

    private static String at(Geometry where) {
        return where.isEmpty() ? "" : String.format(Locale.ROOT, " at %.7f, %.7f", where.getCoordinate().x, where.getCoordinate().y);
    }

    private static boolean partsValid(MultiPolygon parts) {
        for (int i = 0; i < parts.getNumGeometries(); i++) {
            if (!parts.getGeometryN(i).isValid()) {
                return false;
            }
        }
        return true;
    }

    private static Envelope padded(Envelope extent) {
        Envelope copy = new Envelope(extent);
        copy.expandBy(0.05);
        return copy;
    }

    private static Checked refused(String code, String message) {
        return new Checked(null, FeatureOutcome.Status.REFUSED, code, message);
    }

    private static String code(TopologyValidationError error) {
        return switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION -> "SELF_INTERSECTION";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "HOLE_OUTSIDE_SHELL";
            case TopologyValidationError.NESTED_HOLES -> "NESTED_HOLES";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "DISCONNECTED_INTERIOR";
            case TopologyValidationError.NESTED_SHELLS, TopologyValidationError.DUPLICATE_RINGS -> "OVERLAPPING_PARTS";
            case TopologyValidationError.TOO_FEW_POINTS -> "TOO_FEW_POINTS";
            case TopologyValidationError.INVALID_COORDINATE -> "INVALID_COORDINATE";
            default -> "INVALID_GEOMETRY";
        };
    }

    private static String describe(TopologyValidationError error) {
        String what = error.getMessage().toLowerCase(Locale.ROOT);
        return error.getCoordinate() == null ? what
                : String.format(Locale.ROOT, "%s at %.7f, %.7f", what, error.getCoordinate().x, error.getCoordinate().y);
    }

    private static MultiPolygon multi(Geometry geometry) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                parts.add(polygon);
            }
        }
        return parts.isEmpty() ? null : geometry.getFactory().createMultiPolygon(parts.toArray(Polygon[]::new));
    }
}
