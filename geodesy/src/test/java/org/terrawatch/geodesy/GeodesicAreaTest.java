package org.terrawatch.geodesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.apache.sis.geometry.DirectPosition2D;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.operation.MathTransform;

/**
 * Reference values come from sources independent of GeographicLib: the closed-form area of an ellipsoidal
 * quadrangle, and squares drawn in the CGCS2000 Gauss-Krüger projection (Apache SIS, EPSG database) on the
 * central meridian, where the scale factor is 1.
 */
class GeodesicAreaTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final double TOLERANCE_PERCENT = 0.01;

    @Test
    void quadrangleOfOneDegreeMatchesTheClosedFormEllipsoidalArea() {
        Polygon cell = quadrangle(113, 37, 114, 38, 4000);
        double expected = quadrangleArea(113, 37, 114, 38);
        assertThat(expected).isCloseTo(9.8e9, withinPercentage(2)); // about 88 km x 111 km
        assertThat(GeodesicArea.of(cell).squareMetres()).isCloseTo(expected, withinPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void smallQuadrangleInHongsipuMatchesTheClosedForm() {
        Polygon cell = quadrangle(106.10, 37.30, 106.11, 37.31, 200);
        assertThat(GeodesicArea.of(cell).squareMetres())
                .isCloseTo(quadrangleArea(106.10, 37.30, 106.11, 37.31), withinPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void gaussKrugerSquareOnTheCentralMeridianHasItsPlanarArea() throws Exception {
        // EPSG:4547 = CGCS2000 3-degree GK CM 114E; scale factor 1 on the central meridian (easting 500 km).
        Polygon hundredMetres = projectedSquare(4547, 499_950, 4_200_000, 100, 50);
        assertThat(GeodesicArea.of(hundredMetres).squareMetres()).isCloseTo(10_000, withinPercentage(TOLERANCE_PERCENT));

        Polygon tenKilometres = projectedSquare(4547, 495_000, 4_190_000, 10_000, 200);
        assertThat(GeodesicArea.of(tenKilometres).squareMetres()).isCloseTo(1.0e8, withinPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void holesAreSubtractedWhateverTheRingOrientation() {
        Polygon outer = quadrangle(113.50, 37.80, 113.52, 37.82, 20);
        Polygon hole = quadrangle(113.505, 37.805, 113.515, 37.815, 20);
        LinearRing holeReversed = (LinearRing) hole.getExteriorRing().reverse();
        Polygon withHole = GEOMETRY.createPolygon(outer.getExteriorRing(), new LinearRing[] {holeReversed});

        double expected = GeodesicArea.of(outer).squareMetres() - GeodesicArea.of(hole).squareMetres();
        assertThat(GeodesicArea.of(withHole).squareMetres()).isCloseTo(expected, within(1e-6));
        assertThat(GeodesicArea.of(outer.reverse()).squareMetres())
                .isCloseTo(GeodesicArea.of(outer).squareMetres(), within(1e-6));
        assertThat(GeodesicArea.of(withHole).squareMetres())
                .isCloseTo(quadrangleArea(113.50, 37.80, 113.52, 37.82) - quadrangleArea(113.505, 37.805, 113.515, 37.815),
                        withinPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void multiPolygonSumsItsParts() {
        Polygon a = quadrangle(113.50, 37.80, 113.51, 37.81, 10);
        Polygon b = quadrangle(113.60, 37.90, 113.62, 37.91, 10);
        MultiPolygon both = GEOMETRY.createMultiPolygon(new Polygon[] {a, b});
        assertThat(GeodesicArea.of(both).squareMetres())
                .isCloseTo(GeodesicArea.of(a).squareMetres() + GeodesicArea.of(b).squareMetres(), within(1e-6));
    }

    @Test
    void pointsAndLinesHaveNoArea() {
        assertThat(GeodesicArea.of(GEOMETRY.createPoint(new Coordinate(113, 37))).squareMetres()).isZero();
        assertThat(GeodesicArea.of(GEOMETRY.createLineString(new Coordinate[] {
                new Coordinate(113, 37), new Coordinate(114, 38)})).squareMetres()).isZero();
    }

    @Test
    void areaIsReportedInSquareMetresMuAndHectares() {
        Area area = Area.ofSquareMetres(10_000);
        assertThat(area.mu()).isCloseTo(15.0, within(1e-12));
        assertThat(area.hectares()).isCloseTo(1.0, within(1e-12));
        assertThat(Area.ofSquareMetres(666.6667).mu()).isCloseTo(1.0, within(1e-6));
    }

    /** Closed-form area between two parallels and two meridians on the CGCS2000 ellipsoid. */
    private static double quadrangleArea(double west, double south, double east, double north) {
        double a = Cgcs2000.SEMI_MAJOR_AXIS;
        double f = 1 / Cgcs2000.INVERSE_FLATTENING;
        double b = a * (1 - f);
        double e = Math.sqrt(f * (2 - f));
        return b * b * Math.toRadians(east - west) * (authalic(e, north) - authalic(e, south));
    }

    private static double authalic(double e, double latitude) {
        double s = Math.sin(Math.toRadians(latitude));
        return s / (2 * (1 - e * e * s * s)) + Math.log((1 + e * s) / (1 - e * s)) / (4 * e);
    }

    /** A lon/lat quadrangle whose east-west edges follow the parallels (densified). */
    private static Polygon quadrangle(double west, double south, double east, double north, int steps) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            ring.add(new Coordinate(west + (east - west) * i / steps, south));
        }
        for (int i = steps; i >= 0; i--) {
            ring.add(new Coordinate(west + (east - west) * i / steps, north));
        }
        ring.add(new Coordinate(west, south));
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    /** A square drawn in a projected CRS, its edges densified, transformed to lon/lat. */
    private static Polygon projectedSquare(int epsg, double x0, double y0, double side, int steps) throws Exception {
        var projected = CRS.forCode("EPSG:" + epsg);
        var geographic = org.apache.sis.referencing.CommonCRS.defaultGeographic();
        MathTransform toLonLat = CRS.findOperation(projected, CRS.forCode("EPSG:4490"), null).getMathTransform();
        assertThat(geographic).isNotNull();
        List<Coordinate> ring = new ArrayList<>();
        double[][] corners = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
        for (int c = 0; c < 4; c++) {
            double[] from = corners[c];
            double[] to = corners[(c + 1) % 4];
            for (int i = 0; i < steps; i++) {
                double t = (double) i / steps;
                // EPSG:4547 axes are (northing, easting); EPSG:4490 axes are (latitude, longitude).
                DirectPosition2D p = new DirectPosition2D(from[1] + (to[1] - from[1]) * t, from[0] + (to[0] - from[0]) * t);
                double[] latLon = toLonLat.transform(p, null).getCoordinate();
                ring.add(new Coordinate(latLon[1], latLon[0]));
            }
        }
        ring.add(ring.get(0).copy());
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    }
}
