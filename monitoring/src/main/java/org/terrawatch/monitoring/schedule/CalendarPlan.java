package org.terrawatch.monitoring.schedule;

import java.time.Instant;

/** Adds the jobs the calendar calls for by now (each by its key, so planning again adds nothing twice). */
@FunctionalInterface
public interface CalendarPlan {

    void plan(JobSchedule schedule, Instant now);
}
