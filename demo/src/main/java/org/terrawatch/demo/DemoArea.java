package org.terrawatch.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.terrawatch.monitoring.admin.AdminLevel;
import org.terrawatch.monitoring.admin.AdminUnit;
import org.terrawatch.store.Wkb;

/**
 * The demo's geography: Yangquan city (阳泉市, 1403) with its five real counties and districts and a few
 * townships and villages each. Names and county codes are the official ones; the boundaries are invented —
 * a Voronoi tessellation of seed points placed roughly where each unit lies, clipped to an approximate city
 * outline — so the demo needs no licensed boundary data.
 */
final class DemoArea {

    /** Approximate outline of Yangquan city, lon/lat. */
    private static final double[][] OUTLINE = {
            {113.02, 38.05}, {113.10, 38.30}, {113.30, 38.50}, {113.62, 38.52}, {113.85, 38.38}, {113.92, 38.12},
            {114.07, 37.95}, {114.02, 37.72}, {113.78, 37.60}, {113.55, 37.62}, {113.38, 37.74}, {113.20, 37.88},
            {113.02, 38.05}};

    record County(String code, String name, double[][] seeds, List<String> townships) {
    }

    /** Counties with seed points (lon, lat) and township names; towns are numbered 100+, sub-districts 001+. */
    static final List<County> COUNTIES = List.of(
            new County("140302", "城区", new double[][] {{113.590, 37.855}},
                    List.of("上站街道", "下站街道", "北大街街道", "南山路街道")),
            new County("140303", "矿区", new double[][] {{113.540, 37.872}},
                    List.of("赛鱼街道", "平潭街街道", "沙坪街道", "桥头街道")),
            new County("140311", "郊区", new double[][] {{113.49, 37.83}, {113.57, 37.93}, {113.65, 37.91}, {113.63, 37.79},
                    {113.46, 37.92}, {113.38, 37.96}},
                    List.of("荫营镇", "河底镇", "平坦镇", "旧街乡", "李家庄乡")),
            new County("140321", "平定县", new double[][] {{113.76, 37.80}, {113.90, 37.95}, {113.86, 37.70}, {113.62, 37.69},
                    {114.00, 37.84}},
                    List.of("冠山镇", "冶西镇", "锁簧镇", "张庄镇", "娘子关镇", "岔口乡")),
            new County("140322", "盂县", new double[][] {{113.30, 38.14}, {113.55, 38.20}, {113.75, 38.30}, {113.20, 38.30},
                    {113.45, 38.40}, {113.72, 38.08}, {113.15, 38.05}},
                    List.of("秀水镇", "孙家庄镇", "路家村镇", "南娄镇", "牛村镇", "苌池镇", "西烟镇")));

    private static final List<String> VILLAGE_STEMS = List.of("东", "西", "南", "北", "上", "下", "前", "后", "大", "小", "新", "石",
            "杨", "王", "李", "张", "白", "红", "柳", "桃");
    private static final List<String> VILLAGE_ENDS = List.of("庄", "沟", "峪", "坡", "岭", "河", "湾", "家", "堡", "坪");

    private final SplittableRandom random;
    private final Polygon outline;
    private final List<AdminUnit> units = new ArrayList<>();

    DemoArea(SplittableRandom random) {
        this.random = random;
        Coordinate[] ring = new Coordinate[OUTLINE.length];
        for (int i = 0; i < OUTLINE.length; i++) {
            ring[i] = new Coordinate(OUTLINE[i][0], OUTLINE[i][1]);
        }
        this.outline = Wkb.factory().createPolygon(ring);
        build();
    }

    /** Every unit, parents before children. */
    List<AdminUnit> units() {
        return units;
    }

    Polygon outline() {
        return outline;
    }

    private void build() {
        units.add(new AdminUnit("14", "山西省", AdminLevel.PROVINCE, null, null, null));
        units.add(new AdminUnit("1403", "阳泉市", AdminLevel.CITY, "14", Shapes.multiPolygon(outline), null));
        List<Coordinate> seeds = new ArrayList<>();
        List<County> owners = new ArrayList<>();
        for (County county : COUNTIES) {
            for (double[] seed : county.seeds()) {
                seeds.add(new Coordinate(seed[0], seed[1]));
                owners.add(county);
            }
        }
        Map<County, Geometry> countyAreas = new LinkedHashMap<>();
        List<Geometry> cells = voronoi(seeds, outline);
        for (int i = 0; i < seeds.size(); i++) {
            countyAreas.merge(owners.get(i), cells.get(i), Geometry::union);
        }
        for (County county : COUNTIES) {
            Geometry area = countyAreas.get(county);
            units.add(new AdminUnit(county.code(), county.name(), AdminLevel.COUNTY, "1403", Shapes.multiPolygon(area), null));
            addTownships(county, area);
        }
    }

    private void addTownships(County county, Geometry countyArea) {
        List<String> names = county.townships();
        List<Coordinate> seeds = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            seeds.add(Shapes.pointIn(random, countyArea).getCoordinate());
        }
        List<Geometry> cells = voronoi(seeds, countyArea);
        int towns = 100;
        int streets = 1;
        int townships = 200;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int number = name.endsWith("街道") ? streets++ : name.endsWith("乡") ? townships++ : towns++;
            String code = county.code() + String.format("%03d", number);
            units.add(new AdminUnit(code, name, AdminLevel.TOWNSHIP, county.code(), Shapes.multiPolygon(cells.get(i)), null));
            addVillages(code, name.endsWith("街道"), cells.get(i));
        }
    }

    private void addVillages(String townshipCode, boolean urban, Geometry townshipArea) {
        int count = 3 + random.nextInt(3);
        List<Coordinate> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(Shapes.pointIn(random, townshipArea).getCoordinate());
        }
        List<Geometry> cells = voronoi(seeds, townshipArea);
        for (int i = 0; i < count; i++) {
            String stem = VILLAGE_STEMS.get(random.nextInt(VILLAGE_STEMS.size())) + VILLAGE_ENDS.get(random.nextInt(VILLAGE_ENDS.size()));
            String name = urban ? stem + "社区" : stem + "村";
            String code = townshipCode + String.format("%03d", (urban ? 1 : 200) + i);
            units.add(new AdminUnit(code, name, AdminLevel.VILLAGE, townshipCode, Shapes.multiPolygon(cells.get(i)), null));
        }
    }

    /** Voronoi cells of the seeds, clipped to the area, in seed order. */
    private static List<Geometry> voronoi(List<Coordinate> seeds, Geometry area) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        builder.setClipEnvelope(area.getEnvelopeInternal());
        GeometryCollection diagram = (GeometryCollection) builder.getDiagram(Wkb.factory());
        List<Geometry> cells = new ArrayList<>();
        for (Coordinate seed : seeds) {
            Geometry cell = null;
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry candidate = diagram.getGeometryN(i);
                if (seed.equals2D((Coordinate) candidate.getUserData())) {
                    cell = candidate;
                    break;
                }
            }
            cells.add(cell == null ? Wkb.factory().createPolygon() : cell.intersection(area));
        }
        return cells;
    }
}
