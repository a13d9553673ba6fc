package org.terrawatch.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OwsException;

class Cql2JsonTest {

    private static Filter parse(String json) {
        return Cql2Json.parse(json, "filter", Crs.STORAGE);
    }

    @Test
    void logicComparisonsAndPredicates() {
        assertThat(parse("""
                {"op": "and", "args": [
                  {"op": "=", "args": [{"property": "category"}, "NON_COAL_MINE"]},
                  {"op": ">=", "args": [{"property": "area_m2"}, 1000]},
                  {"op": "not", "args": [{"op": "isNull", "args": [{"property": "handling"}]}]},
                  {"op": "like", "args": [{"property": "code"}, "140321%"]},
                  {"op": "in", "args": [{"property": "status"}, ["NEW", "PUSHED"]]},
                  {"op": "between", "args": [{"property": "area_mu"}, 1, 2]}]}""")).isEqualTo(new Filter.And(List.of(
                new Filter.Comparison("category", Filter.Operator.EQ, "NON_COAL_MINE"),
                new Filter.Comparison("area_m2", Filter.Operator.GE, 1000.0),
                new Filter.Not(new Filter.IsNull("handling")),
                new Filter.Like("code", "140321%", true),
                new Filter.In("status", List.of("NEW", "PUSHED")),
                new Filter.Between("area_mu", 1.0, 2.0))));
    }

    @Test
    void spatialAndTemporalFunctions() {
        Filter.Spatial box = (Filter.Spatial) parse("""
                {"op": "s_intersects", "args": [{"property": "geom"}, {"bbox": [113.5, 37.7, 113.7, 37.9]}]}""");
        assertThat(box.operator()).isEqualTo(Filter.SpatialOperator.INTERSECTS);
        assertThat(box.geometry().getEnvelopeInternal()).isEqualTo(new Envelope(113.5, 113.7, 37.7, 37.9));
        Filter.Spatial within = (Filter.Spatial) parse("""
                {"op": "s_within", "args": [{"property": "geom"},
                  {"type": "Polygon", "coordinates": [[[113, 37], [114, 37], [114, 38], [113, 38], [113, 37]]]}]}""");
        assertThat(within.operator()).isEqualTo(Filter.SpatialOperator.WITHIN);
        assertThat(parse("""
                {"op": "t_during", "args": [{"property": "after_date"}, {"interval": ["2026-10-01", "2026-10-31"]}]}"""))
                .isEqualTo(new Filter.Between("after_date", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(parse("""
                {"op": "t_after", "args": [{"property": "detected_at"}, {"timestamp": "2026-11-15T00:00:00Z"}]}"""))
                .isEqualTo(new Filter.Comparison("detected_at", Filter.Operator.GT, Instant.parse("2026-11-15T00:00:00Z")));
        assertThat(parse("""
                {"op": "t_during", "args": [{"property": "after_date"}, {"interval": ["..", "2026-07-31"]}]}"""))
                .isEqualTo(new Filter.Comparison("after_date", Filter.Operator.LE, LocalDate.of(2026, 7, 31)));
    }

    @Test
    void malformedJsonIsRefusedOnTheFilterParameter() {
        for (String bad : new String[] {"{", "{}", "[1]", "{\"op\": \"=\", \"args\": [{\"property\": \"a\"}]}",
                "{\"op\": \"fly\", \"args\": []}", "{\"op\": \"=\", \"args\": [\"a\", \"b\"]}",
                "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geom\"}, {\"type\": \"Polygon\", \"coordinates\": [[[1, 2], [3, 4]]]}]}",
                "{\"op\": \"t_after\", \"args\": [{\"property\": \"d\"}, {\"date\": \"yesterday\"}]}"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOfSatisfying(OwsException.class,
                    e -> assertThat(e.locator()).isEqualTo("filter"));
        }
    }
}
