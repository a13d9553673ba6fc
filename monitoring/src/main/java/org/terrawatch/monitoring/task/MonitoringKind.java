package org.terrawatch.monitoring.task;

/** The three monitoring levels of the city rules (article 11). Labels: {@code labels.properties}. */
public enum MonitoringKind {
    INSTANT,
    MONTHLY,
    QUARTERLY
}
