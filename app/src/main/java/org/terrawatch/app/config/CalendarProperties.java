package org.terrawatch.app.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.monitoring.calendar.CalendarDay;

/** Public holidays as ranges and adjusted working days ({@code calendar.yml} of the data directory). */
@ConfigurationProperties("terrawatch.calendar")
public record CalendarProperties(@DefaultValue List<Holiday> holidays, @DefaultValue List<Workday> workdays) {

    public record Holiday(String name, LocalDate from, LocalDate to) {
        public Holiday {
            Objects.requireNonNull(from, "holiday 'from'");
            to = to == null ? from : to;
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("Holiday " + name + " ends (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    public record Workday(String name, LocalDate day) {
        public Workday {
            Objects.requireNonNull(day, "workday 'day'");
        }
    }

    /** Every configured day, one entry per date. */
    public List<CalendarDay> days() {
        List<CalendarDay> days = new ArrayList<>();
        for (Holiday holiday : holidays) {
            for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
                days.add(new CalendarDay(day, CalendarDay.Kind.HOLIDAY, holiday.name()));
            }
        }
        for (Workday workday : workdays) {
            days.add(new CalendarDay(workday.day(), CalendarDay.Kind.WORKDAY, workday.name()));
        }
        return days;
    }
}
