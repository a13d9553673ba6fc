package org.terrawatch.monitoring.workorder;

/** What a work order was dispatched for. Labels: {@code labels.properties}. */
public enum WorkOrderSource {
    ALERT,
    PATCH,
    MANUAL
}
