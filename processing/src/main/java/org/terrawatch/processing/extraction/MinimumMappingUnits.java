package org.terrawatch.processing.extraction;

import java.util.EnumMap;
import java.util.Map;
import org.terrawatch.monitoring.patch.PatchCategory;

/**
 * The smallest patch worth reporting, per category, in square metres: smaller changes are dropped.
 * Defaults: 200 m² for construction land and fire, 400 m² for farmland conversion, restoration and mines.
 */
public record MinimumMappingUnits(Map<PatchCategory, Double> squareMetres) {

    public static final MinimumMappingUnits DEFAULTS = new MinimumMappingUnits(Map.of(
            PatchCategory.CONSTRUCTION_LAND, 200.0,
            PatchCategory.FARMLAND_CONVERSION, 400.0,
            PatchCategory.ECOLOGICAL_RESTORATION, 400.0,
            PatchCategory.NON_COAL_MINE, 400.0,
            PatchCategory.FIRE_WARNING, 200.0));

    public MinimumMappingUnits {
        squareMetres = new EnumMap<>(squareMetres);
        for (PatchCategory category : PatchCategory.values()) {
            Double value = squareMetres.get(category);
            if (value == null || !(value >= 0)) {
                throw new IllegalArgumentException("A minimum mapping unit for " + category + " is needed, 0 or more m²");
            }
        }
    }

    public double of(PatchCategory category) {
        return squareMetres.get(category);
    }

    /** The smallest of them: the detection's own sieve. */
    public double smallest() {
        return squareMetres.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }
}
