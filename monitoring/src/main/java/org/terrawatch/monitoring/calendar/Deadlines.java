package org.terrawatch.monitoring.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The deadlines of the seed documents, computed in China Standard Time:
 * <ul>
 *   <li>geological hazard: on site within one hour of the alarm (an emergency: holidays do not move it);</li>
 *   <li>video verification report: within one week of dispatch;</li>
 *   <li>satellite verification report: within one month of the patches being pushed;</li>
 *   <li>monthly extraction: patches of a month extracted by the 10th of the following month;</li>
 *   <li>management data of a month handed in by the 1st of the following month (article 13), and a change to base data
 *       the day after it was approved (article 16).</li>
 * </ul>
 * Day-based deadlines end at the end of their day and move off public holidays to the next working day
 * (city rules, article 22).
 */
public final class Deadlines {

    /** The bureaus' time zone: days, months and "by the 10th" are counted here. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Duration GEOHAZARD_RESPONSE = Duration.ofHours(1);
    private static final int EXTRACTION_DAY_OF_MONTH = 10;
    // Whole seconds: the stores keep microseconds, and 23:59:59.999999999 would round up to the next day.
    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private final WorkingCalendar calendar;

    public Deadlines(WorkingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** When something started at {@code start} is due under the given rule. */
    public Instant due(DeadlineKind kind, Instant start) {
        if (kind == DeadlineKind.GEOHAZARD_ON_SITE) {
            return start.plus(GEOHAZARD_RESPONSE);
        }
        return endOf(dueDay(kind, start.atZone(CHINA).toLocalDate()));
    }

    /**
     * The last day of a day-based deadline started on the given day.
     *
     * @throws IllegalArgumentException for {@link DeadlineKind#GEOHAZARD_ON_SITE}, which counts in hours
     */
    public LocalDate dueDay(DeadlineKind kind, LocalDate startDay) {
        return switch (kind) {
            case GEOHAZARD_ON_SITE -> throw new IllegalArgumentException("A geological-hazard response is due within the hour, not on a day");
            case VIDEO_VERIFICATION -> calendar.moveOffHoliday(startDay.plusWeeks(1));
            case SATELLITE_VERIFICATION -> calendar.moveOffHoliday(startDay.plusMonths(1));
            case MONTHLY_EXTRACTION -> extractionDue(YearMonth.from(startDay));
        };
    }

    /** The day by which the patches of the given month must be extracted. */
    public LocalDate extractionDue(YearMonth monitoredMonth) {
        return calendar.moveOffHoliday(monitoredMonth.plusMonths(1).atDay(EXTRACTION_DAY_OF_MONTH));
    }

    /** The day by which the departments hand in their management data of the given month (article 13). */
    public LocalDate submissionDue(YearMonth month) {
        return calendar.moveOffHoliday(month.plusMonths(1).atDay(1));
    }

    /** The day by which a change to base data approved on the given day is handed in: the next day (article 16). */
    public LocalDate changeSubmissionDue(LocalDate approved) {
        return calendar.moveOffHoliday(approved.plusDays(1));
    }

    /** The last second of a day in China Standard Time. */
    public static Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day, LAST_SECOND, CHINA).toInstant();
    }
}
