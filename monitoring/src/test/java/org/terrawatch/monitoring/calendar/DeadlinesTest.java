package org.terrawatch.monitoring.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    /** The 2026 National Day holiday: 1 to 7 October off, Sunday 20 September and Saturday 10 October worked. */
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(nationalDay2026());
    private static final Deadlines DEADLINES = new Deadlines(CALENDAR);

    private static List<CalendarDay> nationalDay2026() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), CalendarDay.Kind.HOLIDAY, "国庆节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 9, 20), CalendarDay.Kind.WORKDAY, "国庆节调休"));
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), CalendarDay.Kind.WORKDAY, "国庆节调休"));
        return days;
    }

    @Test
    void workingDaysFollowTheHolidayNotice() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 2))).isFalse();   // Friday, holiday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // Saturday, worked
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();  // ordinary Sunday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();
        assertThat(CALENDAR.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void aVideoVerificationDueOnAHolidayMovesToTheNextWorkingDay() {
        Instant dispatched = china(2026, 9, 26, 15, 0);                  // due 3 October, a holiday
        assertThat(DEADLINES.due(DeadlineKind.VIDEO_VERIFICATION, dispatched)).isEqualTo(Deadlines.endOf(LocalDate.of(2026, 10, 8)));
        Instant ordinary = china(2026, 11, 3, 9, 0);
        assertThat(DEADLINES.due(DeadlineKind.VIDEO_VERIFICATION, ordinary)).isEqualTo(Deadlines.endOf(LocalDate.of(2026, 11, 10)));
    }

    @Test
    void aDeadlineOnAnOrdinaryWeekendStays() {
        Instant pushed = china(2026, 10, 17, 10, 0);                     // one month later: Tuesday 17 November
        assertThat(DEADLINES.due(DeadlineKind.SATELLITE_VERIFICATION, pushed)).isEqualTo(Deadlines.endOf(LocalDate.of(2026, 11, 17)));
        Instant saturday = china(2026, 10, 14, 10, 0);                   // one month later: Saturday 14 November
        assertThat(DEADLINES.due(DeadlineKind.SATELLITE_VERIFICATION, saturday)).isEqualTo(Deadlines.endOf(LocalDate.of(2026, 11, 14)));
    }

    @Test
    void geologicalHazardsAreDueWithinOneHourEvenOnAHoliday() {
        Instant alarm = china(2026, 10, 3, 23, 30);
        assertThat(DEADLINES.due(DeadlineKind.GEOHAZARD_ON_SITE, alarm)).isEqualTo(alarm.plusSeconds(3600));
    }

    @Test
    void monthlyExtractionIsDueByTheTenthOfTheNextMonth() {
        assertThat(DEADLINES.extractionDue(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 10));
        WorkingCalendar tenthIsHoliday = new WorkingCalendar(List.of(
                new CalendarDay(LocalDate.of(2026, 11, 10), CalendarDay.Kind.HOLIDAY, "test")));
        assertThat(new Deadlines(tenthIsHoliday).extractionDue(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 11));
    }

    @Test
    void daysEndAtMidnightChinaTime() {
        assertThat(Deadlines.endOf(LocalDate.of(2026, 11, 10))).isEqualTo(Instant.parse("2026-11-10T15:59:59Z"));
    }

    private static Instant china(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Deadlines.CHINA).toInstant();
    }
}
