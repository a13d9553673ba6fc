package org.terrawatch.monitoring.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminUnitTest {

    @Test
    void theCodeTellsTheLevelAndTheParent() {
        assertThat(AdminUnit.levelOf("14")).isEqualTo(AdminLevel.PROVINCE);
        assertThat(AdminUnit.levelOf("1403")).isEqualTo(AdminLevel.CITY);
        assertThat(AdminUnit.levelOf("640303")).isEqualTo(AdminLevel.COUNTY);
        assertThat(AdminUnit.levelOf("640303100")).isEqualTo(AdminLevel.TOWNSHIP);
        assertThat(AdminUnit.levelOf("640303100201")).isEqualTo(AdminLevel.VILLAGE);
        assertThat(AdminUnit.parentOf("640303100201")).isEqualTo("640303100");
        assertThat(AdminUnit.parentOf("640303")).isEqualTo("6403");
        assertThat(AdminUnit.parentOf("64")).isNull();
    }

    @Test
    void paddedTwelveDigitCodesAreNormalised() {
        assertThat(AdminUnit.normalise("140302000000")).isEqualTo("140302");
        assertThat(AdminUnit.normalise("140302001000")).isEqualTo("140302001");
        assertThat(AdminUnit.normalise("140300000000")).isEqualTo("1403");
        assertThat(AdminUnit.levelOf("140302000000")).isEqualTo(AdminLevel.COUNTY);
    }

    @Test
    void malformedCodesAndMismatchedLevelsAreRefused() {
        assertThatThrownBy(() -> AdminUnit.levelOf("1403x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdminUnit.levelOf("14030")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdminUnit("1403", "阳泉市", AdminLevel.COUNTY, "14", null, null))
                .hasMessageContaining("not a COUNTY code");
    }
}
