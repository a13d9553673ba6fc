package org.terrawatch.monitoring.patch;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * The patch numbering rule: county code (6 digits) + year and month of the change (yyyymm) + a sequence
 * of at least four digits, restarting at 1 for each county and month, e.g. {@code 1403212026100007}.
 * Sequences beyond 9999 widen to five digits; codes stay unique.
 */
public final class PatchCodes {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

    private PatchCodes() {
    }

    /** The numbering period yyyymm as an integer, e.g. 202610. */
    public static int period(YearMonth month) {
        return Integer.parseInt(month.format(PERIOD));
    }

    public static String code(String countyCode, YearMonth month, int sequence) {
        if (!countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("A patch code starts with a 6-digit county code: " + countyCode);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("Sequences start at 1: " + sequence);
        }
        return countyCode + month.format(PERIOD) + String.format("%04d", sequence);
    }
}
