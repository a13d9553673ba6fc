package org.terrawatch.demo;

import java.util.Map;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.patch.PatchCategory;

/**
 * The department and working-group codes the demo hands work to. They must be declared in the data
 * directory's {@code organisation.yml}; the demo fails with the store's foreign-key error otherwise.
 */
final class DemoOrganisation {

    static final String SATELLITE_CENTRE = "weixing";
    static final String ENFORCEMENT = "zhifa";
    static final String FARMLAND = "gengdi";
    static final String MINERALS = "kuangchan";
    static final String LAND_USE = "yongtu";
    static final String PLANNING = "guihua";
    static final String RESTORATION = "shengtai";
    static final String APPROVALS = "shenpi";
    static final String FIRE_CENTRE = "fanghuo";

    /** Who verifies each category (city rules, article 6). */
    static final Map<PatchCategory, String> PATCH_DEPARTMENT = Map.of(
            PatchCategory.CONSTRUCTION_LAND, LAND_USE,
            PatchCategory.FARMLAND_CONVERSION, FARMLAND,
            PatchCategory.ECOLOGICAL_RESTORATION, RESTORATION,
            PatchCategory.NON_COAL_MINE, ENFORCEMENT,
            PatchCategory.FIRE_WARNING, FIRE_CENTRE);

    /** Which working group handles each alert type (Hongsipu plan, section 5). */
    static final Map<AlertType, String> ALERT_GROUP = Map.of(
            AlertType.FIRE_SMOKE, "lincao",
            AlertType.GRAZING, "lincao",
            AlertType.EXCAVATOR, "ziranziyuan",
            AlertType.FARMLAND_DAMAGE, "ziranziyuan",
            AlertType.LANDSLIDE, "ziranziyuan",
            AlertType.STRAW_BURNING, "shengtaihuanjing",
            AlertType.DUST, "shengtaihuanjing",
            AlertType.DUMPING, "shengtaihuanjing");

    private DemoOrganisation() {
    }
}
