package org.terrawatch.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.monitoring.baselayer.BaseFeature;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;

/**
 * Base layers as the departments would hand them in: farmland and basic farmland (with the imagery valley's
 * fields among them), ecological red line, urban development boundaries, approved and supplied land (two
 * versions of approvals, so a month's comparison picks the right one), mining licences, restoration
 * projects and plan zones. Kept in memory too, for the patches' overlay areas.
 */
final class DemoBaseLayers {

    private static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
    private static final LocalDate SECOND_APPROVALS = LocalDate.of(2026, 10, 1);

    private final SplittableRandom random;
    private final DemoArea area;
    private final Polygon imageryFootprint;
    private final Map<BaseLayerKind, List<BaseFeature>> current = new EnumMap<>(BaseLayerKind.class);
    private final List<BaseFeature> earlyApprovals = new ArrayList<>();

    DemoBaseLayers(SplittableRandom random, DemoArea area, Polygon imageryFootprint) {
        this.random = random;
        this.area = area;
        this.imageryFootprint = imageryFootprint;
    }

    /** Generates every layer and hands it in; returns the number of features stored. */
    int handIn(BaseLayerRepository repository, Instant receivedAt) {
        List<BaseFeature> farmland = farmland();
        put(BaseLayerKind.FARMLAND, farmland);
        put(BaseLayerKind.BASIC_FARMLAND, farmland.stream().filter(f -> random.nextDouble() < 0.6)
                .map(f -> feature(BaseLayerKind.BASIC_FARMLAND, "永久基本农田", f.reference(), null, f.geometry())).toList());
        put(BaseLayerKind.ECOLOGICAL_REDLINE, scattered(BaseLayerKind.ECOLOGICAL_REDLINE, 6, 2500, 5000, "生态保护红线"));
        put(BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY, List.of(
                feature(BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY, "阳泉中心城区", "UDB-01", null, Shapes.parcel(random, 113.57, 37.86, 9000, 6000)),
                feature(BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY, "平定县城", "UDB-02", null, Shapes.parcel(random, 113.63, 37.80, 4000, 3000)),
                feature(BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY, "盂县县城", "UDB-03", null, Shapes.parcel(random, 113.41, 38.09, 4000, 3500))));
        List<BaseFeature> approvals = nearTowns(BaseLayerKind.APPROVED_LAND, 33, "批准建设用地", "阳政地");
        earlyApprovals.addAll(approvals.subList(0, 25));
        put(BaseLayerKind.APPROVED_LAND, approvals);
        put(BaseLayerKind.SUPPLIED_LAND, earlyApprovals.stream().filter(f -> random.nextDouble() < 0.7)
                .map(f -> feature(BaseLayerKind.SUPPLIED_LAND, "国有建设用地使用权出让", "供" + f.reference(), "阳泉某置业有限公司", f.geometry())).toList());
        put(BaseLayerKind.MINING_LICENCE, miningLicences());
        put(BaseLayerKind.ECOLOGICAL_RESTORATION, scattered(BaseLayerKind.ECOLOGICAL_RESTORATION, 8, 300, 900, "历史遗留矿山生态修复项目"));
        put(BaseLayerKind.PLAN_ZONE, planZones());

        handIn(repository, BaseLayerKind.FARMLAND, DemoOrganisation.FARMLAND, YEAR_START, "2025年度国土变更调查耕地", receivedAt);
        handIn(repository, BaseLayerKind.BASIC_FARMLAND, DemoOrganisation.FARMLAND, YEAR_START, "永久基本农田", receivedAt);
        handIn(repository, BaseLayerKind.ECOLOGICAL_REDLINE, DemoOrganisation.PLANNING, YEAR_START, "生态保护红线", receivedAt);
        handIn(repository, BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY, DemoOrganisation.PLANNING, YEAR_START, "城镇开发边界", receivedAt);
        repository.handIn(BaseLayerKind.APPROVED_LAND, DemoOrganisation.APPROVALS, YEAR_START, "截至2025年底批准建设用地", earlyApprovals, receivedAt);
        handIn(repository, BaseLayerKind.APPROVED_LAND, DemoOrganisation.APPROVALS, SECOND_APPROVALS, "截至2026年9月累计批准建设用地", receivedAt);
        handIn(repository, BaseLayerKind.SUPPLIED_LAND, DemoOrganisation.LAND_USE, YEAR_START, "已供应土地", receivedAt);
        handIn(repository, BaseLayerKind.MINING_LICENCE, DemoOrganisation.MINERALS, YEAR_START, "有效非煤矿山采矿权", receivedAt);
        handIn(repository, BaseLayerKind.ECOLOGICAL_RESTORATION, DemoOrganisation.RESTORATION, YEAR_START, "生态修复项目", receivedAt);
        handIn(repository, BaseLayerKind.PLAN_ZONE, DemoOrganisation.PLANNING, YEAR_START, "国土空间总体规划三区", receivedAt);
        return current.values().stream().mapToInt(List::size).sum() + earlyApprovals.size();
    }

    private void handIn(BaseLayerRepository repository, BaseLayerKind layer, String department, LocalDate effective,
                        String description, Instant receivedAt) {
        repository.handIn(layer, department, effective, description, current.get(layer), receivedAt);
    }

    private void put(BaseLayerKind layer, List<BaseFeature> features) {
        current.put(layer, features);
    }

    private List<BaseFeature> farmland() {
        List<BaseFeature> parcels = new ArrayList<>();
        int number = 1;
        for (int i = 0; i < 160; i++) {
            Point at = Shapes.pointIn(random, area.outline());
            parcels.add(feature(BaseLayerKind.FARMLAND, "旱地", "GD-" + number++, null,
                    Shapes.parcel(random, at.getX(), at.getY(), 120 + random.nextDouble(260), 80 + random.nextDouble(200))));
        }
        // The imagery valley's fields: most of its western two thirds is farmland.
        var envelope = imageryFootprint.getEnvelopeInternal();
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                double lon = envelope.getMinX() + envelope.getWidth() * (0.1 + 0.16 * col);
                double lat = envelope.getMaxY() - envelope.getHeight() * (0.1 + 0.16 * row);
                parcels.add(feature(BaseLayerKind.FARMLAND, "水浇地", "GD-" + number++, null, Shapes.parcel(random, lon, lat, 320, 320)));
            }
        }
        return parcels;
    }

    private List<BaseFeature> scattered(BaseLayerKind layer, int count, double minSize, double maxSize, String name) {
        List<BaseFeature> features = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Point at = Shapes.pointIn(random, area.outline());
            double size = minSize + random.nextDouble(maxSize - minSize);
            features.add(feature(layer, name, layer.name().substring(0, 3) + "-" + i, null,
                    Shapes.parcel(random, at.getX(), at.getY(), size, size * (0.6 + 0.4 * random.nextDouble()))));
        }
        return features;
    }

    private List<BaseFeature> nearTowns(BaseLayerKind layer, int count, String name, String prefix) {
        double[][] towns = {{113.57, 37.86}, {113.63, 37.80}, {113.41, 38.09}};
        List<BaseFeature> features = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            double[] town = towns[i % towns.length];
            double lon = town[0] + (random.nextDouble() - 0.5) * 0.08;
            double lat = town[1] + (random.nextDouble() - 0.5) * 0.06;
            features.add(feature(layer, name, prefix + "〔2026〕" + i + "号", null,
                    Shapes.parcel(random, lon, lat, 100 + random.nextDouble(300), 100 + random.nextDouble(250))));
        }
        return features;
    }

    private List<BaseFeature> miningLicences() {
        String[] minerals = {"石灰岩", "铝土矿", "耐火黏土", "建筑用砂", "白云岩"};
        List<BaseFeature> licences = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            Point at = Shapes.pointIn(random, area.outline());
            if (imageryFootprint.getEnvelopeInternal().contains(at.getCoordinate())) {
                continue; // the valley's open pit is outside any licence: that is what makes it a case
            }
            String mineral = minerals[i % minerals.length];
            LocalDate from = LocalDate.of(2016 + random.nextInt(8), 1 + random.nextInt(12), 1);
            licences.add(BaseFeature.of(BaseLayerKind.MINING_LICENCE, "阳泉" + mineral + "矿" + i, "C14030020" + (10 + i) + "0001",
                    "阳泉市某" + mineral + "开采有限公司", from, from.plusYears(5 + random.nextInt(6)), mineral, null,
                    Shapes.multiPolygon(Shapes.parcel(random, at.getX(), at.getY(), 400 + random.nextDouble(800), 300 + random.nextDouble(600)))));
        }
        return licences;
    }

    private List<BaseFeature> planZones() {
        Geometry urban = union(current.get(BaseLayerKind.URBAN_DEVELOPMENT_BOUNDARY));
        Geometry ecological = union(current.get(BaseLayerKind.ECOLOGICAL_REDLINE)).difference(urban);
        Geometry agricultural = area.outline().difference(urban).difference(ecological);
        return List.of(
                BaseFeature.of(BaseLayerKind.PLAN_ZONE, "城镇空间", "ZONE-CZ", null, null, null, "城镇空间", null, Shapes.multiPolygon(urban)),
                BaseFeature.of(BaseLayerKind.PLAN_ZONE, "生态空间", "ZONE-ST", null, null, null, "生态空间", null, Shapes.multiPolygon(ecological)),
                BaseFeature.of(BaseLayerKind.PLAN_ZONE, "农业空间", "ZONE-NY", null, null, null, "农业空间", null, Shapes.multiPolygon(agricultural)));
    }

    private static Geometry union(List<BaseFeature> features) {
        Geometry union = null;
        for (BaseFeature feature : features) {
            union = union == null ? feature.geometry() : union.union(feature.geometry());
        }
        return union;
    }

    private static BaseFeature feature(BaseLayerKind layer, String name, String reference, String holder, Geometry geometry) {
        return BaseFeature.of(layer, name, reference, holder, null, null, null, null, Shapes.multiPolygon(geometry));
    }
}
