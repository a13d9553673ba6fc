package org.terrawatch.ows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.locationtech.jts.geom.CoordinateSequence;

/**
 * Coordinates as decimal text, rounded to a fixed number of decimals with trailing zeros dropped ({@code 113.5}, not
 * {@code 113.50000000}), as every output writes them (GML, GeoJSON, capabilities' boxes). Eight decimals of a degree
 * are about a millimetre, three of a metre one: more only makes responses larger. Written by integer arithmetic, not
 * through {@link BigDecimal}, which costs a response of a thousand patches most of its time.
 */
public final class CoordinateFormat {

    /** Up to this many decimals: a double holds about 15 significant digits. */
    public static final int MAX_DECIMALS = 12;

    /** The shortest text that reads back as the same double: no rounding (bounding boxes in capabilities). */
    public static final CoordinateFormat EXACT = new CoordinateFormat(-1);

    private static final long[] POWERS = new long[MAX_DECIMALS + 1];
    private static final CoordinateFormat[] FIXED = new CoordinateFormat[MAX_DECIMALS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= MAX_DECIMALS; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
        for (int i = 0; i <= MAX_DECIMALS; i++) {
            FIXED[i] = new CoordinateFormat(i);
        }
    }

    /** The most characters {@link #write} puts down for one value. */
    public static final int MAX_LENGTH = 40;

    /** Beyond this the scaled value no longer fits a long exactly; such values go the slow way. */
    private static final double LIMIT = 1e17;

    private final int decimals;

    private CoordinateFormat(int decimals) {
        this.decimals = decimals;
    }

    /** Rounding to the given number of decimals, 0 to {@value #MAX_DECIMALS}. */
    public static CoordinateFormat decimals(int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("Coordinate decimals are 0 to " + MAX_DECIMALS + ", not " + decimals);
        }
        return FIXED[decimals];
    }

    /** The number of decimals kept, or -1 for {@link #EXACT}. */
    public int decimals() {
        return decimals;
    }

    public String format(double value) {
        char[] text = new char[MAX_LENGTH];
        return new String(text, 0, write(value, text, 0));
    }

    /**
     * Writes the value's text into {@code buffer} from {@code offset} (at least {@link #MAX_LENGTH} free), the fast
     * way: returns the offset after it.
     */
    public int write(double value, char[] buffer, int offset) {
        double scaled = decimals < 0 ? Double.NaN : value * POWERS[decimals];
        if (!(Math.abs(scaled) < LIMIT)) {
            String text = slow(value);
            text.getChars(0, text.length(), buffer, offset);
            return offset + text.length();
        }
        long units = Math.round(scaled);
        int at = offset;
        if (units == 0) {
            buffer[at] = '0';
            return at + 1;
        }
        if (units < 0) {
            buffer[at++] = '-';
            units = -units;
        }
        // digits from the last, into place: the fraction without its trailing zeros, then the whole part
        int digits = decimals;
        while (digits > 0 && units % 10 == 0) {
            units /= 10;
            digits--;
        }
        int length = Math.max(digitCount(units), digits + 1) + (digits > 0 ? 1 : 0);
        int end = at + length;
        int position = end;
        for (int i = 0; i < digits; i++) {
            buffer[--position] = (char) ('0' + units % 10);
            units /= 10;
        }
        if (digits > 0) {
            buffer[--position] = '.';
        }
        do {
            buffer[--position] = (char) ('0' + units % 10);
            units /= 10;
        } while (units > 0);
        return end;
    }

    /**
     * The positions of a sequence as GML writes them: positions apart by spaces, the two axes of one by
     * {@code axes} (a space in GML 3's posList, a comma in GML 2's coordinates).
     */
    public String positions(CoordinateSequence sequence, char axes) {
        char[] text = new char[sequence.size() * (2 * MAX_LENGTH + 2)];
        int at = 0;
        for (int i = 0; i < sequence.size(); i++) {
            if (i > 0) {
                text[at++] = ' ';
            }
            at = write(sequence.getX(i), text, at);
            text[at++] = axes;
            at = write(sequence.getY(i), text, at);
        }
        return new String(text, 0, at);
    }

    private static int digitCount(long value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }

    /**
     * Values a long cannot hold scaled, non-finite ones and {@link #EXACT}: through BigDecimal, or with an exponent where
     * the plain form would pass {@link #MAX_LENGTH} (no coordinate comes near).
     */
    private String slow(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        String plain = (decimals < 0 ? decimal : decimal.setScale(decimals, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
        return plain.length() <= MAX_LENGTH ? plain : Double.toString(value);
    }

    @Override
    public String toString() {
        return decimals < 0 ? "exact" : decimals + " decimals";
    }
}
