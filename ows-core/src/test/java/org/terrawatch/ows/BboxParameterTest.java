package org.terrawatch.ows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The one bbox parser: axis order by CRS, corners in order, and reach within reason of the CRS's area of use. */
class BboxParameterTest {

    private static final Crs LAT_LON = Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "BBOX");
    private static final Crs MERCATOR = Crs.parse("EPSG:3857", true, "BBOX");

    @Test
    void cornersInTheCrsAxisOrderBecomeAnXyEnvelope() {
        assertThat(parse(List.of("37.75", "113.45", "37.95", "113.75"), LAT_LON, false)).isEqualTo(new Envelope(113.45, 113.75, 37.75, 37.95));
        assertThat(parse(List.of("113.45", "37.75", "113.75", "37.95"), Crs.CRS84_LON_LAT, false))
                .isEqualTo(new Envelope(113.45, 113.75, 37.75, 37.95));
        // Six numbers with heights, where allowed (OGC API); the heights are ignored.
        assertThat(BboxParameter.parse(List.of("113.4", "37.7", "0", "113.8", "38.0", "500"), Crs.CRS84_LON_LAT, "bbox", true, false))
                .isEqualTo(new Envelope(113.4, 113.8, 37.7, 38.0));
    }

    @Test
    void aBoxInTheWrongAxisOrderOrPastTheEdgeOfTheWorldIsStillABox() {
        // Longitude first under a latitude-first name: a request to answer (with nothing there), not an error.
        assertThat(parse(List.of("113.45", "37.75", "113.75", "37.95"), LAT_LON, false)).isEqualTo(new Envelope(37.75, 37.95, 113.45, 113.75));
        // Yangquan in the Gauss-Kruger zone of 75°E, 38° from its central meridian: real places, far outside the zone.
        Crs zone75 = Crs.parse("EPSG:4534", true, "BBOX");
        assertThat(parse(List.of("3906954", "4915994", "3950141", "5067882"), zone75, false).getWidth()).isEqualTo(43187);
        // A web map's lowest zoom extends past ±180°.
        assertThat(parse(List.of("-40075016", "-20037508", "40075016", "20037508"), MERCATOR, true).getWidth()).isEqualTo(80150032);
    }

    @Test
    void aGeographicBoxWhoseWestEdgeLiesEastOfItsEastEdgeCrossesTheAntimeridian() {
        assertThat(BboxParameter.parseAcrossAntimeridian(List.of("177", "65", "-177", "70"), Crs.CRS84_LON_LAT, "bbox"))
                .containsExactly(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70));
        assertThat(BboxParameter.parseAcrossAntimeridian(List.of("113.4", "37.7", "113.8", "38.0"), Crs.CRS84_LON_LAT, "bbox"))
                .containsExactly(new Envelope(113.4, 113.8, 37.7, 38.0));
        // in a projected CRS the same order is a mistake, and the south edge must still lie south of the north one
        assertThatThrownBy(() -> BboxParameter.parseAcrossAntimeridian(List.of("2", "1", "1", "2"), MERCATOR, "bbox")).isInstanceOf(OwsException.class);
        assertThatThrownBy(() -> BboxParameter.parseAcrossAntimeridian(List.of("177", "70", "-177", "65"), Crs.CRS84_LON_LAT, "bbox"))
                .isInstanceOf(OwsException.class);
    }

    @Test
    void absurdBoxesAndBadCornersAreInvalidParameterValues() {
        expectInvalid(List.of("-1e308", "-1e308", "1e308", "1e308"), MERCATOR, false, "outside the domain");
        expectInvalid(List.of("113.75", "37.75", "113.45", "37.95"), Crs.CRS84_LON_LAT, false, "lower corner");
        expectInvalid(List.of("113.45", "37.75", "113.45", "37.95"), Crs.CRS84_LON_LAT, true, "below");
        expectInvalid(List.of("113.45", "37.75", "113.75"), Crs.CRS84_LON_LAT, false, "four");
        expectInvalid(List.of("113.45", "NaN", "113.75", "37.95"), Crs.CRS84_LON_LAT, false, "finite");
        expectInvalid(List.of("113.45", "37.75", "Infinity", "37.95"), Crs.CRS84_LON_LAT, false, "finite");
    }

    @Test
    void aLineOrAPointIsABoxWhereAreaIsNotRequired() {
        assertThat(parse(List.of("113.5", "37.8", "113.5", "37.8"), Crs.CRS84_LON_LAT, false).getArea()).isZero();
    }

    private static Envelope parse(List<String> numbers, Crs crs, boolean strict) {
        return BboxParameter.parse(numbers, crs, "BBOX", false, strict);
    }

    private static void expectInvalid(List<String> numbers, Crs crs, boolean strict, String message) {
        assertThatThrownBy(() -> parse(numbers, crs, strict)).as(numbers.toString()).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.code()).isEqualTo(ExceptionCode.INVALID_PARAMETER_VALUE);
            assertThat(e.locator()).isEqualTo("BBOX");
            assertThat(e.getMessage()).contains(message);
        });
    }
}
