package org.terrawatch.processing.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.ProcessOutputs;

/**
 * A run of a process, as kept in the store.
 *
 * @param inputs      the inputs as given (validated again when the job runs)
 * @param resultForm  how the submitting client wants the results
 * @param outputs     once successful
 * @param failureCode once failed: the OGC exception code
 */
public record Job(String id, String processId, JobStatus status, int progress, String message, String failureCode, Actor owner,
                  Map<String, List<Object>> inputs, ResultForm resultForm, ProcessOutputs outputs, Instant createdAt, Instant startedAt,
                  Instant finishedAt, Instant updatedAt) {
}
