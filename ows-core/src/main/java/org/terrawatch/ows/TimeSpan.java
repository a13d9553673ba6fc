package org.terrawatch.ows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The one parser of a time given in a request — WMS {@code TIME}, OGC API {@code datetime}, and later the tiles' and
 * reports' periods —: an instant (an RFC 3339 date-time), a day ({@code 2026-10-15}), a month ({@code 2026-10}), or an
 * interval {@code start/end} of them, with open ends ({@code ..} or nothing) where the caller allows. Days and months
 * are calendar days in China time, where the monitoring happens.
 *
 * @param start       the first instant covered, or null when open
 * @param end         the end, or null when open
 * @param endIncluded whether {@code end} itself is covered (an instant), or only what comes before it (a day, a month)
 */
public record TimeSpan(Instant start, Instant end, boolean endIncluded) {

    /** The time zone of days and months. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * @param openEnds whether an end may be left open
     * @throws OwsException InvalidParameterValue on the locator
     */
    public static TimeSpan parse(String text, String locator, boolean openEnds) {
        String value = text == null ? "" : text.strip();
        String[] parts = value.split("/", -1);
        if (value.isEmpty() || parts.length > 2) {
            throw OwsException.invalid(locator, locator + " is an instant, a day, a month, or start/end of them, not \""
                    + Numbers.shorten(value) + "\"");
        }
        TimeSpan first = element(parts[0], locator, openEnds && parts.length == 2);
        TimeSpan last = parts.length == 2 ? element(parts[1], locator, openEnds) : first;
        if (first == null && last == null) {
            return new TimeSpan(null, null, false);
        }
        TimeSpan span = new TimeSpan(first == null ? null : first.start, last == null ? null : last.end, last != null && last.endIncluded);
        if (span.start != null && span.end != null && (span.endIncluded ? span.end.isBefore(span.start) : !span.end.isAfter(span.start))) {
            throw OwsException.invalid(locator, locator + " ends before it starts: " + Numbers.shorten(value));
        }
        return span;
    }

    /** One end: null when open. */
    private static TimeSpan element(String text, String locator, boolean mayBeOpen) {
        String value = text.strip();
        if (value.isEmpty() || value.equals("..")) {
            if (!mayBeOpen) {
                throw OwsException.invalid(locator, locator + " needs both ends here");
            }
            return null;
        }
        try {
            if (value.length() == 7) {
                YearMonth month = YearMonth.parse(value);
                return new TimeSpan(month.atDay(1).atStartOfDay(CHINA).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant(),
                        false);
            }
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return new TimeSpan(day.atStartOfDay(CHINA).toInstant(), day.plusDays(1).atStartOfDay(CHINA).toInstant(), false);
            }
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return new TimeSpan(instant, instant, true);
        } catch (DateTimeParseException e) {
            throw OwsException.invalid(locator, "Not an RFC 3339 date-time, a day (yyyy-mm-dd) or a month (yyyy-mm): \""
                    + Numbers.shorten(value) + "\"");
        }
    }

    /** The first day covered (China time), or null when open. */
    public LocalDate firstDay() {
        return start == null ? null : LocalDate.ofInstant(start, CHINA);
    }

    /** The last day covered (China time), or null when open. */
    public LocalDate lastDay() {
        return end == null ? null : LocalDate.ofInstant(endIncluded ? end : end.minusNanos(1), CHINA);
    }
}
