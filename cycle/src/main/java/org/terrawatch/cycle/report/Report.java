package org.terrawatch.cycle.report;

import java.time.Instant;

/**
 * A report as the register keeps it.
 *
 * @param files   JSON: format → {name, bytes}, once done
 * @param figures JSON: the figures it prints (patches by category, evaluation), once done
 */
public record Report(long id, ReportPeriod.Kind kind, String period, State state, String requestedBy, Instant requestedAt,
                     Instant finishedAt, int progress, String message, String files, String figures, String error) {

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }
}
