package org.terrawatch.wms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.terrawatch.query.Binding;
import org.terrawatch.query.Property;
import org.terrawatch.query.filter.Filter;

/**
 * WMS TIME on a layer's date: a month ({@code 2026-10}), a day ({@code 2026-10-15}), or a range of either
 * ({@code 2026-09/2026-10}, {@code 2026-10-01/2026-10-15}), days counted in China time for timestamps.
 */
final class TimeParameter {

    private TimeParameter() {
    }

    static Filter filter(String value, Property property) {
        LocalDate[] range = range(value);
        LocalDate start = range[0];
        LocalDate end = range[1];
        if (property.binding() == Binding.TIMESTAMP) {
            return new Filter.And(java.util.List.of(
                    new Filter.Comparison(property.name(), Filter.Operator.GE, start.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString()),
                    new Filter.Comparison(property.name(), Filter.Operator.LT,
                            end.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString())));
        }
        return new Filter.Between(property.name(), start.toString(), end.toString());
    }

    /** The first and last day a TIME value covers. */
    static LocalDate[] range(String value) {
        String[] parts = value.strip().split("/");
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new WmsException("InvalidDimensionValue", "TIME", "TIME is a month, a day, or a range start/end of them, not " + value);
        }
        LocalDate start = first(parts[0]);
        LocalDate end = last(parts.length == 2 ? parts[1] : parts[0]);
        if (end.isBefore(start)) {
            throw new WmsException("InvalidDimensionValue", "TIME", "The TIME range ends before it starts: " + value);
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate first(String text) {
        try {
            return text.strip().length() == 7 ? YearMonth.parse(text.strip()).atDay(1) : LocalDate.parse(text.strip().substring(0, 10));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new WmsException("InvalidDimensionValue", "TIME", "Not a month (yyyy-mm) or day (yyyy-mm-dd): " + text);
        }
    }

    private static LocalDate last(String text) {
        try {
            return text.strip().length() == 7 ? YearMonth.parse(text.strip()).atEndOfMonth() : LocalDate.parse(text.strip().substring(0, 10));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new WmsException("InvalidDimensionValue", "TIME", "Not a month (yyyy-mm) or day (yyyy-mm-dd): " + text);
        }
    }
}
