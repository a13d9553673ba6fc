package org.terrawatch.monitoring.alert;

/** The duty officer's screening (研判) of an alert. Labels: {@code labels.properties}. */
public enum Screening {
    PENDING,
    CONFIRMED,
    FALSE_ALARM
}
