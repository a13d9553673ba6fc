package org.terrawatch.processing.extraction;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.change.ChangeDirection;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.patch.ChangeType;

/**
 * The type (and so the category) of a detected change, from what its spectra show and where it lies on the base
 * layers in force on the after-date. "On" a layer means at least half of the change lies on it. The first rule
 * that holds wins:
 * <ol>
 * <li>a burn → burned area (fire warning);</li>
 * <li>vegetation gain → revegetation (ecological restoration);</li>
 * <li>on a mining licence → open-pit excavation (non-coal mine);</li>
 * <li>new water on farmland → pond digging; elsewhere → land levelling;</li>
 * <li>on farmland → building on farmland (farmland conversion);</li>
 * <li>brightening → new building; vegetation loss and the rest → land levelling (construction land).</li>
 * </ol>
 * Pre-check at the office confirms or corrects the type, as the rules intend.
 */
public final class PatchClassifier {

    static final double ON_LAYER_SHARE = 0.5;

    private PatchClassifier() {
    }

    /** @param outline in EPSG:4490 */
    public static ChangeType classify(ChangeDirection direction, Geometry outline, LocalDate day, LayerCoverage coverage) {
        if (direction == ChangeDirection.BURN) {
            return ChangeType.BURNED_AREA;
        }
        if (direction == ChangeDirection.VEGETATION_GAIN) {
            return ChangeType.REVEGETATION;
        }
        double area = GeodesicArea.of(outline).squareMetres();
        if (on(BaseLayerKind.MINING_LICENCE, outline, area, day, coverage)) {
            return ChangeType.OPEN_PIT_EXCAVATION;
        }
        boolean farmland = on(BaseLayerKind.FARMLAND, outline, area, day, coverage);
        if (direction == ChangeDirection.WATER_GAIN) {
            return farmland ? ChangeType.POND_DIGGING : ChangeType.LAND_LEVELLING;
        }
        if (farmland) {
            return ChangeType.BUILDING_ON_FARMLAND;
        }
        return direction == ChangeDirection.BRIGHTENING ? ChangeType.NEW_BUILDING : ChangeType.LAND_LEVELLING;
    }

    private static boolean on(BaseLayerKind layer, Geometry outline, double area, LocalDate day, LayerCoverage coverage) {
        return area > 0 && coverage.squareMetres(layer, outline, day) >= ON_LAYER_SHARE * area;
    }
}
