package org.terrawatch.cycle.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;

/**
 * What a report covers (city rules, article 20): an ISO week for the weekly instant-monitoring report ({@code 2026-W44},
 * Monday to Sunday), a month for the monthly report ({@code 2026-10}: task M2026-10), a quarter for the quarterly
 * report ({@code 2026-Q3}: task Q2026-3).
 */
public record ReportPeriod(Kind kind, String label, LocalDate from, LocalDate to) {

    public enum Kind {
        WEEKLY,
        MONTHLY,
        QUARTERLY
    }

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    /** @throws IllegalArgumentException for a kind or period that cannot be, saying which form is expected */
    public static ReportPeriod of(String kindName, String period) {
        Kind kind;
        try {
            kind = Kind.valueOf(kindName == null ? "" : kindName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The kind " + kindName + " is none of WEEKLY, MONTHLY, QUARTERLY");
        }
        String text = period == null ? "" : period.strip().toUpperCase(Locale.ROOT);
        try {
            switch (kind) {
                case WEEKLY -> {
                    if (!text.matches("\\d{4}-W\\d{2}")) {
                        throw new IllegalArgumentException();
                    }
                    int year = Integer.parseInt(text.substring(0, 4));
                    int week = Integer.parseInt(text.substring(6));
                    LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
                    if (week < 1 || week > monday.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                        throw new IllegalArgumentException();
                    }
                    return new ReportPeriod(kind, text, monday, monday.plusDays(6));
                }
                case MONTHLY -> {
                    YearMonth month = YearMonth.parse(text);
                    return new ReportPeriod(kind, month.toString(), month.atDay(1), month.atEndOfMonth());
                }
                default -> {
                    if (!text.matches("\\d{4}-Q[1-4]")) {
                        throw new IllegalArgumentException();
                    }
                    YearMonth first = YearMonth.of(Integer.parseInt(text.substring(0, 4)), 3 * (text.charAt(6) - '0') - 2);
                    return new ReportPeriod(kind, text, first.atDay(1), first.plusMonths(2).atEndOfMonth());
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("The period " + period + " is not a " + kind.name().toLowerCase(Locale.ROOT) + " period like "
                    + switch (kind) {
                        case WEEKLY -> "2026-W44";
                        case MONTHLY -> "2026-10";
                        case QUARTERLY -> "2026-Q3";
                    });
        }
    }

    /** The monitoring task a monthly or quarterly report is of ({@code M2026-10}, {@code Q2026-3}); null for a week. */
    public String taskCode() {
        return switch (kind) {
            case WEEKLY -> null;
            case MONTHLY -> "M" + label;
            case QUARTERLY -> "Q" + label.substring(0, 4) + "-" + label.substring(6);
        };
    }

    /** The period of the week of a day ({@code 2026-W49}). */
    public static ReportPeriod weekOf(LocalDate day) {
        int year = day.get(IsoFields.WEEK_BASED_YEAR);
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return of("WEEKLY", String.format(Locale.ROOT, "%d-W%02d", year, week));
    }
}
