package org.terrawatch.monitoring.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day the State Council's yearly holiday notice changes: a public holiday, or a weekend day made a
 * working day (调休).
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

    public enum Kind {
        HOLIDAY,
        WORKDAY
    }

    public CalendarDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
    }
}
