package org.terrawatch.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;

class FesFilterTest {

    private static final Crs LAT_LON = Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "FILTER");
    private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";

    @Test
    void comparisonsLikeNullBetweenAndLogic() {
        Filter filter = parse("<fes:Filter " + FES + "><fes:And>"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>terrawatch:category</fes:ValueReference><fes:Literal>NON_COAL_MINE</fes:Literal></fes:PropertyIsEqualTo>"
                + "<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>code</fes:ValueReference><fes:Literal>1403*</fes:Literal></fes:PropertyIsLike>"
                + "<fes:Not><fes:PropertyIsNull><fes:ValueReference>handling</fes:ValueReference></fes:PropertyIsNull></fes:Not>"
                + "<fes:PropertyIsBetween><fes:ValueReference>area_m2</fes:ValueReference><fes:LowerBoundary><fes:Literal>10</fes:Literal></fes:LowerBoundary>"
                + "<fes:UpperBoundary><fes:Literal>20</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>"
                + "</fes:And></fes:Filter>");
        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Filter.Comparison("category", Filter.Operator.EQ, "NON_COAL_MINE"),
                new Filter.Like("code", "1403%", true),
                new Filter.Not(new Filter.IsNull("handling")),
                new Filter.Between("area_m2", "10", "20"))));
    }

    @Test
    void bboxFollowsTheAxisOrderOfItsSrsName() {
        Filter.BBox latLon = (Filter.BBox) parse("<fes:Filter " + FES + "><fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:lowerCorner>37.7 113.5</gml:lowerCorner>"
                + "<gml:upperCorner>37.9 113.7</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>");
        assertThat(latLon.envelope()).isEqualTo(new Envelope(113.5, 113.7, 37.7, 37.9));
        Filter.BBox lonLat = (Filter.BBox) parse("<fes:Filter " + FES + "><fes:BBOX>"
                + "<gml:Envelope srsName=\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\"><gml:lowerCorner>113.5 37.7</gml:lowerCorner>"
                + "<gml:upperCorner>113.7 37.9</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>");
        assertThat(lonLat.property()).isNull();
        assertThat(lonLat.envelope().getMinX()).isCloseTo(113.5, within(1e-6)); // WGS 84 and CGCS2000 agree to a few cm
        assertThat(lonLat.envelope().getMinY()).isCloseTo(37.7, within(1e-6));
    }

    @Test
    void spatialRelationsTakeGmlGeometries() {
        Filter.Spatial within = (Filter.Spatial) parse("<fes:Filter " + FES + "><fes:Within><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Polygon gml:id=\"p\" srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:exterior><gml:LinearRing>"
                + "<gml:posList>37 113 37 114 38 114 38 113 37 113</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
                + "</fes:Within></fes:Filter>");
        assertThat(within.operator()).isEqualTo(Filter.SpatialOperator.WITHIN);
        assertThat(within.geometry().getEnvelopeInternal()).isEqualTo(new Envelope(113, 114, 37, 38));
    }

    @Test
    void resourceIdsAndTheFilter11Forms() {
        assertThat(parse("<fes:Filter " + FES + "><fes:ResourceId rid=\"patches.1\"/><fes:ResourceId rid=\"patches.2\"/></fes:Filter>"))
                .isEqualTo(new Filter.ResourceId(Set.of("patches.1", "patches.2")));
        assertThat(parse("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:PropertyIsGreaterThan><ogc:PropertyName>area_m2</ogc:PropertyName>"
                + "<ogc:Literal>500</ogc:Literal></ogc:PropertyIsGreaterThan></ogc:Filter>"))
                .isEqualTo(new Filter.Comparison("area_m2", Filter.Operator.GT, "500"));
        assertThat(parse("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:FeatureId fid=\"cameras.3\"/></ogc:Filter>"))
                .isEqualTo(new Filter.ResourceId(Set.of("cameras.3")));
    }

    @Test
    void temporalOperators() {
        assertThat(parse("<fes:Filter " + FES + "><fes:During><fes:ValueReference>after_date</fes:ValueReference>"
                + "<gml:TimePeriod gml:id=\"t\"><gml:beginPosition>2026-10-01</gml:beginPosition><gml:endPosition>2026-10-31</gml:endPosition>"
                + "</gml:TimePeriod></fes:During></fes:Filter>"))
                .isEqualTo(new Filter.Between("after_date", "2026-10-01", "2026-10-31"));
        assertThat(parse("<fes:Filter " + FES + "><fes:After><fes:ValueReference>detected_at</fes:ValueReference>"
                + "<gml:TimeInstant gml:id=\"i\"><gml:timePosition>2026-11-01T00:00:00Z</gml:timePosition></gml:TimeInstant></fes:After></fes:Filter>"))
                .isEqualTo(new Filter.Comparison("detected_at", Filter.Operator.GT, "2026-11-01T00:00:00Z"));
    }

    @Test
    void hostileOrBrokenXmlIsRefusedOnTheFilterParameter() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<fes:Filter " + FES + "><fes:PropertyIsEqualTo><fes:ValueReference>code</fes:ValueReference><fes:Literal>&e;</fes:Literal>"
                + "</fes:PropertyIsEqualTo></fes:Filter>";
        for (String bad : new String[] {xxe, "<fes:Filter " + FES + ">", "<fes:Filter " + FES + "/>", "<fes:Query " + FES + "/>",
                "<fes:Filter " + FES + "><fes:Fly/></fes:Filter>",
                "<fes:Filter " + FES + "><fes:BBOX><gml:Envelope><gml:lowerCorner>38 114</gml:lowerCorner><gml:upperCorner>37 113</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOfSatisfying(OwsException.class, e -> {
                assertThat(e.locator()).isEqualTo("FILTER");
                assertThat(e.code()).isIn(ExceptionCode.INVALID_PARAMETER_VALUE, ExceptionCode.OPERATION_PARSING_FAILED);
                assertThat(e.getMessage()).doesNotContain("root:");
            });
        }
    }

    @Test
    void aComparisonWithAComplexLiteralCannotBeCarriedOut() {
        String boundedBy = "<fes:Filter " + FES + "><fes:PropertyIsLessThanOrEqualTo><fes:ValueReference>gml:boundedBy</fes:ValueReference>"
                + "<fes:Literal><gml:Envelope><gml:lowerCorner>37 113</gml:lowerCorner><gml:upperCorner>38 114</gml:upperCorner></gml:Envelope>"
                + "</fes:Literal></fes:PropertyIsLessThanOrEqualTo></fes:Filter>";
        assertThatThrownBy(() -> parse(boundedBy)).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.code()).isEqualTo(ExceptionCode.OPERATION_PROCESSING_FAILED);
            assertThat(e.getMessage()).contains("Envelope");
        });
    }

    @Test
    void distancesInAnyUnitOfLengthAndTheGmlGeometriesOfTheSpatialClass() {
        String point = "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:pos>37.8 113.6</gml:pos></gml:Point>";
        Filter.Distance within = (Filter.Distance) parse("<fes:Filter " + FES + "><fes:DWithin><fes:ValueReference>geom</fes:ValueReference>"
                + point + "<fes:Distance uom=\"km\">1.5</fes:Distance></fes:DWithin></fes:Filter>");
        assertThat(within.beyond()).isFalse();
        assertThat(within.metres()).isEqualTo(1500);
        assertThat(within.geometry().getCoordinate().x).isEqualTo(113.6);
        Filter.Distance beyond = (Filter.Distance) parse("<fes:Filter " + FES + "><fes:Beyond>" + point
                + "<fes:Distance uom=\"urn:ogc:def:uom:EPSG::9002\">100</fes:Distance></fes:Beyond></fes:Filter>");
        assertThat(beyond.beyond()).isTrue();
        assertThat(beyond.property()).isNull();
        assertThat(beyond.metres()).isCloseTo(30.48, within(1e-9));
        assertThatThrownBy(() -> parse("<fes:Filter " + FES + "><fes:DWithin>" + point + "<fes:Distance uom=\"parsec\">1</fes:Distance>"
                + "</fes:DWithin></fes:Filter>")).isInstanceOf(OwsException.class).hasMessageContaining("parsec");

        Filter.Spatial curve = (Filter.Spatial) parse("<fes:Filter " + FES + "><fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Curve srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:segments><gml:LineStringSegment><gml:posList>37.8 113.6 37.9 113.6"
                + "</gml:posList></gml:LineStringSegment><gml:LineStringSegment><gml:posList>37.9 113.6 37.9 113.7</gml:posList>"
                + "</gml:LineStringSegment></gml:segments></gml:Curve></fes:Intersects></fes:Filter>");
        assertThat(curve.geometry().getGeometryType()).isEqualTo("LineString");
        assertThat(curve.geometry().getNumPoints()).isEqualTo(3);
        Filter.Spatial surface = (Filter.Spatial) parse("<fes:Filter " + FES + "><fes:Within><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Surface srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing><gml:posList>"
                + "37 113 37 114 38 114 38 113 37 113</gml:posList></gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>"
                + "</fes:Within></fes:Filter>");
        assertThat(surface.geometry().getArea()).isCloseTo(1, within(1e-9));
        // a degenerate operand (one position twice) still selects what it touches
        Filter.Spatial degenerate = (Filter.Spatial) parse("<fes:Filter " + FES + "><fes:Intersects><gml:LineString srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:posList>0 0 0 0</gml:posList></gml:LineString></fes:Intersects></fes:Filter>");
        assertThat(degenerate.geometry().isValid()).isFalse();
    }

    @Test
    void propertyPathsLoseTheirPrefixAndIndexButGmlPropertiesKeepTheirs() {
        assertThat(PropertyPath.step("tns:name[1]")).isEqualTo("name");
        assertThat(PropertyPath.step("cite:Lakes/cite:shore")).isEqualTo("shore");
        assertThat(PropertyPath.step("gml:name")).isEqualTo("gml:name");
        assertThat(PropertyPath.step("ns9:identifier", java.util.Map.of("ns9", "http://www.opengis.net/gml/3.2"))).isEqualTo("gml:identifier");
        assertThat(PropertyPath.step("ns9:identifier", java.util.Map.of("ns9", "http://example.org"))).isEqualTo("identifier");
    }

    private static Filter parse(String xml) {
        return FesFilter.parse(xml, LAT_LON, "FILTER");
    }
}
