package org.terrawatch.wms;

import java.time.LocalDate;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.TimeSpan;
import org.terrawatch.query.Property;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.filter.TemporalFilter;

/**
 * WMS TIME on a layer's date: a month ({@code 2026-10}), a day ({@code 2026-10-15}), an instant, or a range of them
 * ({@code 2026-09/2026-10}), read by the one time parser ({@link TimeSpan}, days in China time); a bad value is WMS's
 * {@code InvalidDimensionValue}.
 */
final class TimeParameter {

    private TimeParameter() {
    }

    static Filter filter(String value, Property property) {
        return TemporalFilter.of(property, span(value));
    }

    /** The first and last day a TIME value covers. */
    static LocalDate[] range(String value) {
        TimeSpan span = span(value);
        return new LocalDate[] {span.firstDay(), span.lastDay()};
    }

    private static TimeSpan span(String value) {
        try {
            return TimeSpan.parse(value, "TIME", false);
        } catch (OwsException e) {
            throw new WmsException("InvalidDimensionValue", "TIME", e.getMessage());
        }
    }
}
