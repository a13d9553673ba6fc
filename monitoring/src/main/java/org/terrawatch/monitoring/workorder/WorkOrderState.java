package org.terrawatch.monitoring.workorder;

/** Life-cycle states of a work order (工单); transitions belong to the work-order workflow. Labels: {@code labels.properties}. */
public enum WorkOrderState {
    DISPATCHED,
    ACCEPTED,
    FEEDBACK_SUBMITTED,
    RETURNED,
    CLOSED
}
