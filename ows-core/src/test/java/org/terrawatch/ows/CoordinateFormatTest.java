package org.terrawatch.ows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one writer of coordinates: the layer's decimals, exact to half a unit in the last place, never an exponent. */
class CoordinateFormatTest {

    @Test
    void roundsToTheDecimalsAndDropsTrailingZeros() {
        CoordinateFormat eight = CoordinateFormat.decimals(8);
        assertThat(eight.format(113.5)).isEqualTo("113.5");
        assertThat(eight.format(113.1)).isEqualTo("113.1");
        assertThat(eight.format(37.123456789012)).isEqualTo("37.12345679");
        assertThat(eight.format(-0.000000012)).isEqualTo("-0.00000001");
        assertThat(eight.format(0.000000004)).isEqualTo("0");
        assertThat(eight.format(-0.000000004)).isEqualTo("0");
        assertThat(eight.format(113)).isEqualTo("113");
        assertThat(eight.format(0.0500001)).isEqualTo("0.0500001");
        CoordinateFormat three = CoordinateFormat.decimals(3);
        assertThat(three.format(38512345.67891)).isEqualTo("38512345.679");
        assertThat(three.format(4190000.0004)).isEqualTo("4190000");
        assertThat(three.format(-20037508.342789244)).isEqualTo("-20037508.343");
        assertThat(CoordinateFormat.decimals(0).format(2.5)).isEqualTo("3");
    }

    @Test
    void agreesWithDecimalRoundingOnRandomCoordinates() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int decimals : new int[] {3, 6, 8}) {
            CoordinateFormat format = CoordinateFormat.decimals(decimals);
            for (int i = 0; i < 100_000; i++) {
                double value = (random.nextDouble() - 0.5) * (decimals == 3 ? 8e7 : 360);
                String expected = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
                String written = format.format(value);
                // the scaled double may land on the other side of a half: at most one unit in the last place apart
                assertThat(new BigDecimal(written).subtract(new BigDecimal(expected)).abs())
                        .as("%s to %d decimals", value, decimals).isLessThanOrEqualTo(BigDecimal.ONE.movePointLeft(decimals));
                assertThat(Double.parseDouble(written)).isCloseTo(value, org.assertj.core.data.Offset.offset(Math.pow(10, -decimals)));
                assertThat(written).doesNotContain("E").doesNotEndWith(".").matches("-?\\d+(\\.\\d*[1-9])?");
            }
        }
    }

    @Test
    void valuesBeyondALongAndNonFiniteOnesStillComeOut() {
        assertThat(CoordinateFormat.decimals(8).format(1e12)).isEqualTo("1000000000000");
        assertThat(CoordinateFormat.decimals(8).format(Double.NaN)).isEqualTo("NaN");
        assertThat(CoordinateFormat.EXACT.format(113.123456789012345)).isEqualTo("113.12345678901235");
        assertThat(CoordinateFormat.EXACT.format(1e-7)).isEqualTo("0.0000001");
    }

    @Test
    void decimalsFollowTheUnitOfTheCrs() {
        CoordinateDecimals decimals = new CoordinateDecimals(6, null);
        assertThat(decimals.format(Crs.STORAGE).decimals()).isEqualTo(6);
        assertThat(decimals.format(new Crs(4547, false)).decimals()).isEqualTo(3);
        assertThat(CoordinateDecimals.DEFAULT.format(new Crs(4326, true)).decimals()).isEqualTo(8);
        assertThat(CoordinateDecimals.DEFAULT.format(new Crs(3857, true)).decimals()).isEqualTo(3);
        assertThatThrownBy(() -> new CoordinateDecimals(13, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 12");
    }
}
