package org.terrawatch.monitoring.audit;

/** The interface a change came through. Labels: {@code labels.properties}. */
public enum Channel {
    WFS_T,
    OGC_API,
    REST,
    UI,
    WPS,
    SYSTEM
}
