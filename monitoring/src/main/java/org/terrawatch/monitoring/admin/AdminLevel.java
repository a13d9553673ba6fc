package org.terrawatch.monitoring.admin;

/** Levels of the statistical division code hierarchy; the code length tells the level. Labels: {@code labels.properties}. */
public enum AdminLevel {
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP,
    VILLAGE
}
