package org.terrawatch.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One hand-in as the register keeps it, accepted or refused.
 *
 * @param kind       {@link Kind}
 * @param dueAt      when it was due: the 1st of the following month for a monthly hand-in, the day after approval for a
 *                   change, moved off public holidays (article 22)
 * @param features   features in the file
 * @param reasonCode why it was refused as a whole ({@link SubmissionRefused#code()}, or {@code REFUSED_FEATURES}); null
 *                   when accepted
 * @param versionId  the base layer version it became; null when refused
 * @param version    that version's number within its layer, 0 when refused
 * @param report     the report (JSON): the fields' mapping and every feature's outcome
 */
public record Submission(long id, String layer, YearMonth month, Kind kind, LocalDate effectiveDate, Instant dueAt, String department,
                         String submittedBy, Instant receivedAt, String fileName, String format, String encoding, String crs,
                         int features, int repaired, int refused, State state, String reasonCode, String reason, Long versionId,
                         int version, String report) {

    public enum Kind {
        /** The month's management data, by the 1st of the following month (article 13). */
        MONTHLY,
        /** A change to base data, the day after it was approved (article 16). */
        CHANGE
    }

    public enum State {
        ACCEPTED,
        REFUSED
    }

    /** Whether it came in by its deadline. */
    public boolean onTime() {
        return !receivedAt.isAfter(dueAt);
    }
}
