package org.terrawatch.monitoring.workorder;

import java.time.Instant;
import java.util.Objects;

/**
 * A work order (处置工单) dispatched to a working group or department and a township, with a deadline.
 *
 * @param code GD + yyyymmdd (China time) + a number unique across all days, e.g. GD20261103-000042
 */
public record WorkOrder(long id, String code, WorkOrderSource source, Long alertId, Long patchId, String title,
                        String description, String workingGroupCode, String departmentCode, String townshipCode,
                        Instant deadline, WorkOrderState state, String createdBy, Instant createdAt, Instant closedAt,
                        long version) {

    public WorkOrder {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdBy, "createdBy");
        if (source == WorkOrderSource.ALERT && alertId == null || source == WorkOrderSource.PATCH && patchId == null) {
            throw new IllegalArgumentException("A work order for an " + source + " names it");
        }
        if (workingGroupCode == null && departmentCode == null) {
            throw new IllegalArgumentException("A work order goes to a working group or a department");
        }
    }

    /** A work order to dispatch; code, identity and state are given when it is stored. */
    public static WorkOrder toDispatch(WorkOrderSource source, Long alertId, Long patchId, String title, String description,
                                       String workingGroupCode, String departmentCode, String townshipCode, Instant deadline,
                                       String createdBy) {
        return new WorkOrder(0, null, source, alertId, patchId, title, description, workingGroupCode, departmentCode,
                townshipCode, deadline, WorkOrderState.DISPATCHED, createdBy, null, null, 0);
    }
}
