package org.terrawatch.ows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one parser of times in requests: instants, days and months in China time, intervals, open ends where allowed. */
class TimeSpanTest {

    @Test
    void daysAndMonthsAreChinaCalendarDays() {
        TimeSpan day = TimeSpan.parse("2026-10-15", "TIME", false);
        assertThat(day.start()).isEqualTo(Instant.parse("2026-10-14T16:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-10-15T16:00:00Z"));
        assertThat(day.endIncluded()).isFalse();
        assertThat(day.lastDay()).isEqualTo(LocalDate.of(2026, 10, 15));
        TimeSpan months = TimeSpan.parse("2026-09/2026-10", "TIME", false);
        assertThat(months.firstDay()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(months.lastDay()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void instantsAndOpenIntervals() {
        TimeSpan instant = TimeSpan.parse("2026-10-15T08:30:00+08:00", "datetime", true);
        assertThat(instant.start()).isEqualTo(instant.end()).isEqualTo(Instant.parse("2026-10-15T00:30:00Z"));
        assertThat(instant.endIncluded()).isTrue();
        TimeSpan since = TimeSpan.parse("2026-10-01T00:00:00Z/..", "datetime", true);
        assertThat(since.end()).isNull();
        TimeSpan until = TimeSpan.parse("/2026-10-31", "datetime", true);
        assertThat(until.start()).isNull();
        assertThat(until.lastDay()).isEqualTo(LocalDate.of(2026, 10, 31));
        TimeSpan everything = TimeSpan.parse("../..", "datetime", true);
        assertThat(everything.start()).isNull();
        assertThat(everything.end()).isNull();
    }

    @Test
    void badTimesAreInvalidParameterValues() {
        for (String bad : new String[] {"", "last-year", "2026-13", "2026-02-30", "2026-10/2026-09", "2026-10-01/2026-10-02/2026-10-03",
                "2026-10-15T25:00:00Z", "1e400", "..", "2026-10/.."}) {
            assertThatThrownBy(() -> TimeSpan.parse(bad, "TIME", false)).as(bad)
                    .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.locator()).isEqualTo("TIME"));
        }
        assertThatThrownBy(() -> TimeSpan.parse("x".repeat(10_000), "datetime", true)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
