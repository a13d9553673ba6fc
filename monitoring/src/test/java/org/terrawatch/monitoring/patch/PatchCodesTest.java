package org.terrawatch.monitoring.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PatchCodesTest {

    @Test
    void countyThenYearMonthThenFourDigitSequence() {
        assertThat(PatchCodes.code("140321", YearMonth.of(2026, 10), 7)).isEqualTo("1403212026100007");
        assertThat(PatchCodes.code("640303", YearMonth.of(2027, 1), 12345)).isEqualTo("64030320270112345");
        assertThat(PatchCodes.period(YearMonth.of(2026, 3))).isEqualTo(202603);
    }

    @Test
    void badPartsAreRefused() {
        assertThatThrownBy(() -> PatchCodes.code("1403", YearMonth.of(2026, 10), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PatchCodes.code("140321", YearMonth.of(2026, 10), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeTypeFixesTheCategory() {
        assertThat(ChangeType.POND_DIGGING.category()).isEqualTo(PatchCategory.FARMLAND_CONVERSION);
        for (PatchCategory category : PatchCategory.values()) {
            assertThat(java.util.Arrays.stream(ChangeType.values()).filter(t -> t.category() == category))
                    .as("change types of %s", category).isNotEmpty();
        }
    }
}
