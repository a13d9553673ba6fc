package org.terrawatch.monitoring.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** City rules, article 18: which months a monthly or quarterly task compares. */
class MonitoringPeriodTest {

    @Test
    void monthlyComparesThePreviousMonthWithThisMonth() {
        MonitoringPeriod october = MonitoringPeriod.monthly(YearMonth.of(2026, 10));
        assertThat(october.beforeMonth()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(october.afterMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(october.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(october.end()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(october.code()).isEqualTo("M2026-10");
        assertThat(MonitoringPeriod.monthly(YearMonth.of(2027, 1)).beforeMonth()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void quarterlyComparesTheLastMonthsOfTwoQuarters() {
        MonitoringPeriod third = MonitoringPeriod.quarterly(2026, 3);
        assertThat(third.beforeMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(third.afterMonth()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(third.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(third.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(third.code()).isEqualTo("Q2026-3");
        assertThat(MonitoringPeriod.quarterly(2026, 1).beforeMonth()).isEqualTo(YearMonth.of(2025, 12));
        assertThatThrownBy(() -> MonitoringPeriod.quarterly(2026, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instantMonitoringCoversOneDay() {
        MonitoringPeriod day = MonitoringPeriod.instant(LocalDate.of(2026, 11, 3));
        assertThat(day.code()).isEqualTo("I20261103");
        assertThat(day.beforeMonth()).isNull();
    }
}
