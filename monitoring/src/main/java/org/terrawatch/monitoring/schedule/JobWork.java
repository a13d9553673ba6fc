package org.terrawatch.monitoring.schedule;

import java.time.Instant;

/**
 * What a kind of scheduled job does. The long part (a detection) runs first, outside any transaction; what it changes
 * comes back as {@link Done#effects()}, which the scheduler commits in one transaction with the job's completion —
 * so a job cut short by a crash changed nothing and, claimed again, runs once.
 */
public interface JobWork {

    /** The job's kind, e.g. {@code MONTHLY_TASK}. */
    String kind();

    /** Runs the job; returns what to commit, or that its condition is not met yet. */
    Result run(ScheduledJob job, Instant now);

    /** What a run came to. */
    sealed interface Result permits Done, Waiting {
    }

    /**
     * @param outcome what it did, for the register (JSON)
     * @param effects the job's changes, committed with its completion (in the store's transaction)
     */
    record Done(String outcome, Runnable effects) implements Result {
    }

    /** Not yet (both epochs are not there): the job waits until {@code until} and is asked again. */
    record Waiting(Instant until, String why) implements Result {
    }
}
