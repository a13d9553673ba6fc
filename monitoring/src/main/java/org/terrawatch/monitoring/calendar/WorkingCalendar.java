package org.terrawatch.monitoring.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which days are public holidays and which are working days, from the published holiday notices.
 * Immutable; rebuilt when the calendar configuration changes.
 *
 * <p>A working day is a Monday-to-Friday that is not a public holiday, or a weekend day the notice makes a
 * working day. Years missing from the configuration have only ordinary weekends.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, CalendarDay> exceptions;

    public WorkingCalendar(Collection<CalendarDay> days) {
        this.exceptions = days.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::day, Function.identity()));
    }

    public boolean isPublicHoliday(LocalDate day) {
        CalendarDay exception = exceptions.get(day);
        return exception != null && exception.kind() == CalendarDay.Kind.HOLIDAY;
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay exception = exceptions.get(day);
        if (exception != null) {
            return exception.kind() == CalendarDay.Kind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day strictly after the given day. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The city rules, article 22: a deadline that falls on a public holiday moves to the next working day.
     * A deadline on an ordinary weekend stays where it is.
     */
    public LocalDate moveOffHoliday(LocalDate due) {
        return isPublicHoliday(due) ? nextWorkingDay(due) : due;
    }

    public int size() {
        return exceptions.size();
    }
}
