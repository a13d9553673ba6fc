package org.terrawatch.monitoring.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One round of monitoring: a period, the two imagery epochs compared, and where it stands.
 *
 * @param beforeEpochId null until imagery is registered
 * @param extractionDue for monthly tasks, the 10th of the following month moved off holidays
 */
public record MonitoringTask(long id, String code, MonitoringPeriod period, Long beforeEpochId, Long afterEpochId,
                             TaskState state, LocalDate extractionDue, Instant createdAt) {

    public MonitoringTask {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(state, "state");
    }
}
