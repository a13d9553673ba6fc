package org.terrawatch.monitoring.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.baselayer.BaseFeature;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerVersion;

/**
 * The automatic pre-judgement of an alert: what lies where it is, on the base layers in force that day — farmland,
 * permanent basic farmland, the ecological red line, approved and supplied construction land, mining licences (and
 * whose) —, the township and village, and a priority from them. Fire and geological hazards come first (1); machines
 * digging outside every licence and every approval, or on basic farmland or the red line, next (2); damage on farmland
 * and the other things the cameras see (3); machines inside a valid licence or approved land last (4).
 *
 * @param priority 1 (first) to 4
 * @param facts    what the duty officer sees next to the alert, keyed by fact
 */
public record AlertJudgement(int priority, Map<String, Object> facts) {

    public static AlertJudgement of(AlertType type, Point place, LocalDate day, AdminLocation location, BaseLayerRepository layers) {
        return of(type, place, day, location, layers, (layer, on) -> layers.versionValidOn(layer, on).map(BaseLayerVersion::id).orElse(-1L));
    }

    /** The version of a base layer in force on a day, or -1 when none is. */
    @FunctionalInterface
    public interface Versions {
        long validOn(BaseLayerKind layer, LocalDate day);
    }

    /** @param versions which version of each layer is in force on a day (the intake keeps them for a while) */
    public static AlertJudgement of(AlertType type, Point place, LocalDate day, AdminLocation location, BaseLayerRepository layers,
                                    Versions versions) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("county", location.countyName());
        facts.put("township", location.townshipName());
        facts.put("village", location.villageName());
        boolean farmland = !containing(BaseLayerKind.FARMLAND, place, day, layers, versions).isEmpty();
        boolean basicFarmland = !containing(BaseLayerKind.BASIC_FARMLAND, place, day, layers, versions).isEmpty();
        boolean redLine = !containing(BaseLayerKind.ECOLOGICAL_REDLINE, place, day, layers, versions).isEmpty();
        boolean approved = !containing(BaseLayerKind.APPROVED_LAND, place, day, layers, versions).isEmpty()
                || !containing(BaseLayerKind.SUPPLIED_LAND, place, day, layers, versions).isEmpty();
        List<BaseFeature> licences = containing(BaseLayerKind.MINING_LICENCE, place, day, layers, versions);
        facts.put("on_farmland", farmland);
        facts.put("on_basic_farmland", basicFarmland);
        facts.put("in_ecological_redline", redLine);
        facts.put("in_approved_land", approved);
        facts.put("in_mining_licence", !licences.isEmpty());
        if (!licences.isEmpty()) {
            BaseFeature licence = licences.get(0);
            facts.put("mining_licence", licence.reference() != null ? licence.reference() : licence.name());
            facts.put("mining_licence_holder", licence.holder());
        }
        int priority = switch (type) {
            case FIRE_SMOKE, LANDSLIDE -> 1;
            case EXCAVATOR -> licences.isEmpty() && !approved || basicFarmland || redLine ? 2 : 4;
            case FARMLAND_DAMAGE -> basicFarmland || redLine ? 2 : 3;
            default -> redLine ? 2 : 3;
        };
        return new AlertJudgement(priority, facts);
    }

    /** The features of the layer's version in force on the day, valid that day, that contain the point. */
    private static List<BaseFeature> containing(BaseLayerKind layer, Point place, LocalDate day, BaseLayerRepository layers, Versions versions) {
        List<BaseFeature> hits = new ArrayList<>();
        long version = versions.validOn(layer, day);
        if (version < 0) {
            return hits;
        }
        for (BaseFeature feature : layers.features(version, place.getEnvelopeInternal())) {
            if (feature.validOn(day) && feature.geometry().covers(place)) {
                hits.add(feature);
            }
        }
        return hits;
    }
}
