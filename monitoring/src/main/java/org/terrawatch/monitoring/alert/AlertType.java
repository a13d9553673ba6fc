package org.terrawatch.monitoring.alert;

/** What the camera AI reports (both seed documents). Labels: {@code labels.properties}. */
public enum AlertType {
    FIRE_SMOKE,
    EXCAVATOR,
    FARMLAND_DAMAGE,
    GRAZING,
    STRAW_BURNING,
    DUST,
    DUMPING,
    LANDSLIDE
}
