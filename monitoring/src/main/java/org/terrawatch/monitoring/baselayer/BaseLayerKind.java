package org.terrawatch.monitoring.baselayer;

/** The management data departments hand in before the 1st of each month, and the base-map layers. Labels: {@code labels.properties}. */
public enum BaseLayerKind {
    FARMLAND,
    BASIC_FARMLAND,
    ECOLOGICAL_REDLINE,
    URBAN_DEVELOPMENT_BOUNDARY,
    APPROVED_LAND,
    SUPPLIED_LAND,
    MINING_LICENCE,
    ECOLOGICAL_RESTORATION,
    PLAN_ZONE,
    /**
     * The working base map's verified changes (city rules, article 14): the real changes a month's verification confirmed,
     * handed on when the month closes so that the next month's comparison knows them.
     */
    VERIFIED_CHANGE
}
