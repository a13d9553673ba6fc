package org.terrawatch.monitoring.patch;

/**
 * The finer type of change within a category, as pre-check and verification name it.
 * Labels: {@code labels.properties}.
 */
public enum ChangeType {
    NEW_BUILDING(PatchCategory.CONSTRUCTION_LAND),
    ROAD_OR_HARDENING(PatchCategory.CONSTRUCTION_LAND),
    LAND_LEVELLING(PatchCategory.CONSTRUCTION_LAND),
    BUILDING_ON_FARMLAND(PatchCategory.FARMLAND_CONVERSION),
    POND_DIGGING(PatchCategory.FARMLAND_CONVERSION),
    NURSERY_OR_ORCHARD(PatchCategory.FARMLAND_CONVERSION),
    ABANDONED_FARMLAND(PatchCategory.FARMLAND_CONVERSION),
    REVEGETATION(PatchCategory.ECOLOGICAL_RESTORATION),
    SLOPE_TREATMENT(PatchCategory.ECOLOGICAL_RESTORATION),
    OPEN_PIT_EXCAVATION(PatchCategory.NON_COAL_MINE),
    SPOIL_DUMP(PatchCategory.NON_COAL_MINE),
    BURNED_AREA(PatchCategory.FIRE_WARNING),
    ACTIVE_FIRE(PatchCategory.FIRE_WARNING);

    private final PatchCategory category;

    ChangeType(PatchCategory category) {
        this.category = category;
    }

    /** The one category this type of change belongs to. */
    public PatchCategory category() {
        return category;
    }
}
