package org.terrawatch.monitoring.patch;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.LayerCoverage;

/**
 * The overlay figures stored on a patch, from the base layers in force on its after-date: area on farmland and on
 * basic farmland for every patch; for building-like changes (construction land, building on farmland) the area
 * outside approved land and outside the urban development boundary; for mines the area inside and outside a
 * mining licence.
 */
public final class PatchOverlay {

    private PatchOverlay() {
    }

    /** @param outline in EPSG:4490 */
    public static OverlayAreas of(ChangeType type, Geometry outline, LocalDate day, LayerCoverage coverage) {
        double area = GeodesicArea.of(outline).squareMetres();
        boolean building = type.category() == PatchCategory.CONSTRUCTION_LAND || type == ChangeType.BUILDING_ON_FARMLAND;
        boolean mine = type.category() == PatchCategory.NON_COAL_MINE;
        double mining = mine ? coverage.squareMetres(BaseLayerKind.MINING_LICENCE, outline, day) : 0;
        return new OverlayAreas(coverage.squareMetres(BaseLayerKind.FARMLAND, outline, day),
                coverage.squareMetres(BaseLayerKind.BASIC_FARMLAND, outline, day),
                building ? Math.max(0, area - coverage.squareMetres(BaseLayerKind.APPROVED_LAND, outline, day)) : 0,
                building ? Math.max(0, area - coverage.squareMetres(BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY, outline, day)) : 0,
                mining,
                mine ? Math.max(0, area - mining) : 0);
    }
}
