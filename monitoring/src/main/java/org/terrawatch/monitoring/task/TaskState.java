package org.terrawatch.monitoring.task;

/** Where a monitoring task stands in the satellite cycle. Labels: {@code labels.properties}. */
public enum TaskState {
    PLANNED,
    IMAGERY_READY,
    EXTRACTING,
    PRE_CHECKING,
    PUSHED,
    VERIFYING,
    REPORTED
}
