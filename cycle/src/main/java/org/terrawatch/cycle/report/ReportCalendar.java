package org.terrawatch.cycle.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.schedule.CalendarPlan;
import org.terrawatch.monitoring.schedule.JobSchedule;

/**
 * When reports are made on their own (city rules, article 20), in China Standard Time: the weekly report of the week
 * before each Monday at eight; the monthly report on the 11th at eight, the day after the month's extraction was due;
 * the quarterly report on the 11th after the quarter.
 */
public final class ReportCalendar implements CalendarPlan {

    public static final String KIND = "REPORT";
    static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Override
    public void plan(JobSchedule schedule, Instant now) {
        LocalDate today = now.atZone(Deadlines.CHINA).toLocalDate();
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        schedule.plan(KIND, "WEEKLY:" + ReportPeriod.weekOf(monday.minusDays(1)).label(), at(monday));
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        schedule.plan(KIND, "MONTHLY:" + previous, at(previous.plusMonths(1).atDay(11)));
        if (previous.getMonthValue() % 3 == 0) {
            schedule.plan(KIND, "QUARTERLY:" + previous.getYear() + "-Q" + previous.getMonthValue() / 3, at(previous.plusMonths(1).atDay(11)));
        }
    }

    private static Instant at(LocalDate day) {
        return ZonedDateTime.of(day, EIGHT, Deadlines.CHINA).toInstant();
    }
}
