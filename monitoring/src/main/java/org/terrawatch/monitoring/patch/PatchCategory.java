package org.terrawatch.monitoring.patch;

/** The five monitoring categories of the city rules (article 19). Labels: {@code labels.properties}. */
public enum PatchCategory {
    CONSTRUCTION_LAND,
    FARMLAND_CONVERSION,
    ECOLOGICAL_RESTORATION,
    NON_COAL_MINE,
    FIRE_WARNING
}
