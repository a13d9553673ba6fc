package org.terrawatch.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;

class EcqlTest {

    @Test
    void comparisonsAndLogic() {
        assertThat(Ecql.parse("category = 'NON_COAL_MINE' AND area_m2 >= 1000 OR NOT status <> 'NEW'")).isEqualTo(
                new Filter.Or(List.of(
                        new Filter.And(List.of(new Filter.Comparison("category", Filter.Operator.EQ, "NON_COAL_MINE"),
                                new Filter.Comparison("area_m2", Filter.Operator.GE, 1000.0))),
                        new Filter.Not(new Filter.Comparison("status", Filter.Operator.NE, "NEW")))));
        assertThat(Ecql.parse("(a < 1 OR a > 2) AND b <= 3")).isEqualTo(new Filter.And(List.of(
                new Filter.Or(List.of(new Filter.Comparison("a", Filter.Operator.LT, 1.0), new Filter.Comparison("a", Filter.Operator.GT, 2.0))),
                new Filter.Comparison("b", Filter.Operator.LE, 3.0))));
        assertThat(Ecql.parse("INCLUDE")).isEqualTo(Filter.INCLUDE);
        assertThat(Ecql.parse("terrawatch:county_name = '平定县'"))
                .isEqualTo(new Filter.Comparison("county_name", Filter.Operator.EQ, "平定县"));
        assertThat(Ecql.parse("note = 'it''s'")).isEqualTo(new Filter.Comparison("note", Filter.Operator.EQ, "it's"));
        assertThat(Ecql.parse("online = true")).isEqualTo(new Filter.Comparison("online", Filter.Operator.EQ, true));
    }

    @Test
    void textNullRangeAndSetPredicates() {
        assertThat(Ecql.parse("code LIKE '140321%'")).isEqualTo(new Filter.Like("code", "140321%", true));
        assertThat(Ecql.parse("county_name ILIKE '%县'")).isEqualTo(new Filter.Like("county_name", "%县", false));
        assertThat(Ecql.parse("code NOT LIKE 'x%'")).isEqualTo(new Filter.Not(new Filter.Like("code", "x%", true)));
        assertThat(Ecql.parse("handling IS NULL")).isEqualTo(new Filter.IsNull("handling"));
        assertThat(Ecql.parse("handling IS NOT NULL")).isEqualTo(new Filter.Not(new Filter.IsNull("handling")));
        assertThat(Ecql.parse("area_m2 BETWEEN 100 AND 200")).isEqualTo(new Filter.Between("area_m2", 100.0, 200.0));
        assertThat(Ecql.parse("status IN ('NEW', 'PUSHED')")).isEqualTo(new Filter.In("status", List.of("NEW", "PUSHED")));
        assertThat(Ecql.parse("IN ('patches.1', 'patches.7')")).isEqualTo(new Filter.ResourceId(Set.of("patches.1", "patches.7")));
    }

    @Test
    void temporalPredicates() {
        assertThat(Ecql.parse("after_date DURING 2026-10-01/2026-10-31"))
                .isEqualTo(new Filter.Between("after_date", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(Ecql.parse("detected_at AFTER 2026-11-01T00:00:00Z"))
                .isEqualTo(new Filter.Comparison("detected_at", Filter.Operator.GT, Instant.parse("2026-11-01T00:00:00Z")));
        assertThat(Ecql.parse("after_date >= 2026-10-01"))
                .isEqualTo(new Filter.Comparison("after_date", Filter.Operator.GE, LocalDate.of(2026, 10, 1)));
    }

    @Test
    void spatialPredicatesAreInLongitudeLatitude() {
        assertThat(Ecql.parse("BBOX(geom, 113.5, 37.7, 113.7, 37.9)"))
                .isEqualTo(new Filter.BBox("geom", new Envelope(113.5, 113.7, 37.7, 37.9)));
        Filter.Spatial within = (Filter.Spatial) Ecql.parse("WITHIN(geom, POLYGON((113 37, 114 37, 114 38, 113 38, 113 37)))");
        assertThat(within.operator()).isEqualTo(Filter.SpatialOperator.WITHIN);
        assertThat(within.geometry().getEnvelopeInternal()).isEqualTo(new Envelope(113, 114, 37, 38));
        // A BBOX in Web Mercator is reprojected to the storage CRS.
        Filter.BBox mercator = (Filter.BBox) Ecql.parse("BBOX(geom, 12635000, 4540000, 12660000, 4560000, 'EPSG:3857')");
        assertThat(mercator.envelope().getMinX()).isCloseTo(113.50, within(0.01));
        assertThat(mercator.envelope().getMinY()).isCloseTo(37.72, within(0.01));
    }

    @Test
    void malformedFiltersSayWhereTheyFail() {
        for (String bad : new String[] {"category =", "category = 'open", "BBOX(geom, 1, 2, 3)", "BBOX(geom, 3, 2, 1, 4)",
                "INTERSECTS(geom, POLYGON((1 2, 3)))", "a = 1 b = 2", "status IN ('NEW'", "x DURING 2026-13-45/2026-01-01", "(a = 1",
                "BBOX(geom, 1, 2, 3, 4, 'EPSG:2000')"}) {
            assertThatThrownBy(() -> Ecql.parse(bad)).as(bad).isInstanceOfSatisfying(OwsException.class, e -> {
                assertThat(e.code()).isEqualTo(ExceptionCode.INVALID_PARAMETER_VALUE);
                assertThat(e.locator()).isEqualTo("CQL_FILTER");
            });
        }
    }
}
