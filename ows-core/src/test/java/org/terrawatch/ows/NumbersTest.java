package org.terrawatch.ows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The one parser of numbers in requests: decimals only, finite only, integers within their range, all as 400s. */
class NumbersTest {

    @Test
    void decimalsInTheirUsualFormsAreRead() {
        assertThat(Numbers.finite("113.5", "BBOX")).isEqualTo(113.5);
        assertThat(Numbers.finite(" -37 ", "BBOX")).isEqualTo(-37);
        assertThat(Numbers.finite("+.5", "BBOX")).isEqualTo(0.5);
        assertThat(Numbers.finite("1.2E7", "BBOX")).isEqualTo(1.2e7);
        assertThat(Numbers.finite(List.of("1", "2.5"), "BBOX")).containsExactly(1, 2.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400", "-1e309", "0x10", "1d", "2f", "", " ", "1,5", "１２"})
    void nonFiniteAndNonDecimalNumbersAreInvalidParameterValues(String text) {
        assertThatThrownBy(() -> Numbers.finite(text, "BBOX")).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.code()).isEqualTo(ExceptionCode.INVALID_PARAMETER_VALUE);
            assertThat(e.locator()).isEqualTo("BBOX");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
    }

    @Test
    void integersAreDigitsWithinTheirRange() {
        assertThat(Numbers.integer("10", "limit", 1, 10_000)).isEqualTo(10);
        assertThat(Numbers.integer("+0", "offset", 0, Long.MAX_VALUE)).isZero();
        for (String bad : new String[] {"0", "10001", "1.0", "1e3", "99999999999999999999", "NaN", "-"}) {
            assertThatThrownBy(() -> Numbers.integer(bad, "limit", 1, 10_000)).as(bad)
                    .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
        }
    }

    @Test
    void aGeometryWithAnInfiniteCoordinateIsRefused() {
        GeometryFactory factory = new GeometryFactory();
        assertThat(Numbers.finite(factory.createPoint(new Coordinate(113.5, 37.8)), "geometry")).isNotNull();
        assertThatThrownBy(() -> Numbers.finite(factory.createPoint(new Coordinate(Double.POSITIVE_INFINITY, 37.8)), "geometry"))
                .isInstanceOf(OwsException.class).hasMessageContaining("not a finite number");
    }

    @Test
    void longTextIsQuotedBackShortened() {
        String hostile = "9".repeat(5000) + "x";
        assertThatThrownBy(() -> Numbers.finite(hostile, "BBOX")).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
    }
}
