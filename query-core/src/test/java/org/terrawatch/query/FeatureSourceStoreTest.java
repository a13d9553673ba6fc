package org.terrawatch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.admin.AdminLevel;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnit;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.NewPatch;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.filter.Ecql;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.Wkb;
import org.terrawatch.store.testing.TestStores;

/** Filters, order, pages, properties and output CRS read from the published relations, on both stores. */
class FeatureSourceStoreTest {

    private static final LayerDefinition PATCHES = new LayerDefinition("patches", "变化图斑", "Change patches", null, null,
            "change_patch", "id", "geom", "MultiPolygon", List.of("code_period", "code_sequence", "centroid"), "code", "after_date", "code", null, null, null, null, null);
    private static final LayerDefinition WORK_ORDERS = new LayerDefinition("work_orders", "处置工单", null, null, null,
            "work_order_feature", "id", "location", "Point", null, "code", "created_at", "code", null, null, null, null, null);
    private static final LayerDefinition FARMLAND = new LayerDefinition("farmland", "耕地", null, null, null,
            "base_farmland", "id", "geom", "MultiPolygon", null, null, null, "name", null, null, null, null, null);

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void ecqlFiltersSelectTheRightPatches(StoreType type) {
        try (SpatialStore store = storeWithPatches(type)) {
            FeatureTypeCatalog catalog = FeatureTypeCatalog.introspect(store, List.of(PATCHES, WORK_ORDERS, FARMLAND));
            FeatureType patches = catalog.require("terrawatch:patches", "TYPENAMES");
            assertThat(patches.property("area_mu").orElseThrow().binding()).isEqualTo(Binding.DOUBLE);
            assertThat(patches.property("after_date").orElseThrow().binding()).isEqualTo(Binding.DATE);
            assertThat(patches.property("created_at").orElseThrow().binding()).isEqualTo(Binding.TIMESTAMP);
            assertThat(patches.property("centroid")).isEmpty();
            assertThat(patches.geometry().orElseThrow().name()).isEqualTo("geom");
            assertThat(catalog.require("work_orders", "TYPENAMES").geometry().orElseThrow().name()).isEqualTo("location");

            FeatureSource source = new FeatureSource(store);
            assertThat(codes(source, patches, "category = 'NON_COAL_MINE'")).containsExactly("1403212026100002", "1403212026100004");
            assertThat(codes(source, patches, "change_type IN ('NEW_BUILDING') AND area_m2 > 20000")).containsExactly("1403212026100003");
            assertThat(codes(source, patches, "code LIKE '%0001'")).containsExactly("1403212026100001");
            assertThat(codes(source, patches, "county_name ILIKE '平定%'")).hasSize(4);
            assertThat(codes(source, patches, "after_date DURING 2026-10-10/2026-10-20")).containsExactly("1403212026100002", "1403212026100003");
            assertThat(codes(source, patches, "BBOX(geom, 113.55, 37.75, 113.65, 37.85)")).containsExactly("1403212026100001", "1403212026100002");
            assertThat(codes(source, patches, "INTERSECTS(geom, POINT(113.7005 37.8005))")).containsExactly("1403212026100003");
            assertThat(codes(source, patches, "handling IS NULL AND NOT status = 'CLOSED'")).hasSize(4);
            assertThat(codes(source, patches, "IN ('patches.2', 'patches.999', 'uuid-1')")).hasSize(1);
            // an id of another type is a mistake in the request (WFS 2.0, 7.9.2.4.1), not a feature that happens not to match
            assertThatThrownBy(() -> codes(source, patches, "IN ('patches.2', 'alerts.1')"))
                    .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.getMessage()).contains("alerts.1"));
            assertThat(codes(source, patches, "created_at BEFORE 2026-11-04T00:00:00Z")).hasSize(4);
            assertThat(source.count(query(patches, Ecql.parse("category = 'NON_COAL_MINE'")), Reader.ANONYMOUS)).isEqualTo(2);
            assertThat(source.bounds(patches).getMinX()).isCloseTo(113.6, within(1e-9));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void orderPagesPropertiesAndOutputCrs(StoreType type) {
        try (SpatialStore store = storeWithPatches(type)) {
            FeatureType patches = FeatureTypeCatalog.introspect(store, List.of(PATCHES)).require("patches", "TYPENAMES");
            FeatureSource source = new FeatureSource(store);
            List<Feature> page = new ArrayList<>();
            source.stream(new FeatureQuery(patches, Filter.INCLUDE, List.of(new SortKey("area_m2", false)), 1, 2L,
                    List.of("code", "area_mu"), Crs.STORAGE), Reader.ANONYMOUS, page::add);
            assertThat(page).extracting(f -> f.values().get("code")).containsExactly("1403212026100002", "1403212026100003");
            assertThat(page.get(0).values().keySet()).containsExactly("id", "code", "area_mu");
            assertThat(page.get(0).id()).isEqualTo("patches.2");
            assertThat(page.get(0).geometry()).isInstanceOf(MultiPolygon.class);

            List<Feature> latLon = new ArrayList<>();
            source.stream(new FeatureQuery(patches, Ecql.parse("code = '1403212026100001'"), null, 0, null, null,
                    Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "srsName")), Reader.ANONYMOUS, latLon::add);
            Coordinate first = latLon.get(0).geometry().getCoordinates()[0];
            assertThat(first.x).isCloseTo(37.8, within(1e-9));   // latitude first
            assertThat(first.y).isCloseTo(113.6, within(1e-9));

            List<Feature> mercator = new ArrayList<>();
            source.stream(new FeatureQuery(patches, Ecql.parse("code = '1403212026100001'"), null, 0, null, null,
                    Crs.parse("EPSG:3857", false, "srsName")), Reader.ANONYMOUS, mercator::add);
            assertThat(mercator.get(0).geometry().getCoordinates()[0].x).isCloseTo(113.6 * 20037508.34 / 180, within(1.0));

            List<Feature> zone = new ArrayList<>();
            source.stream(new FeatureQuery(patches, Ecql.parse("code = '1403212026100001'"), null, 0, null, null,
                    Crs.parse("EPSG:4547", false, "srsName")), Reader.ANONYMOUS, zone::add);
            Coordinate gk = zone.get(0).geometry().getCoordinates()[0];
            assertThat(gk.x).isBetween(4_180_000.0, 4_190_000.0); // northing first in EPSG:4547
            assertThat(gk.y).isBetween(460_000.0, 470_000.0);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void unknownPropertiesAndBadValuesAreRefusedWithTheParameterNamed(StoreType type) {
        try (SpatialStore store = storeWithPatches(type)) {
            FeatureType patches = FeatureTypeCatalog.introspect(store, List.of(PATCHES)).require("patches", "TYPENAMES");
            FeatureSource source = new FeatureSource(store);
            assertThatThrownBy(() -> source.count(query(patches, Ecql.parse("no_such = 1")), Reader.ANONYMOUS)).isInstanceOf(OwsException.class)
                    .hasMessageContaining("no property no_such");
            assertThatThrownBy(() -> source.count(query(patches, Ecql.parse("area_m2 = 'big'")), Reader.ANONYMOUS)).isInstanceOf(OwsException.class)
                    .hasMessageContaining("does not fit property area_m2");
            assertThatThrownBy(() -> source.count(query(patches, Ecql.parse("geom = 1")), Reader.ANONYMOUS)).isInstanceOf(OwsException.class);
            assertThatThrownBy(() -> FeatureTypeCatalog.introspect(store, List.of(PATCHES)).require("terrawatch:nothing", "TYPENAMES"))
                    .isInstanceOf(OwsException.class);
            // An injection attempt is only ever a bound value.
            assertThat(codes(source, patches, "code = 'x'' OR ''1''=''1'")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void distancesAreMetresOnTheGround(StoreType type) {
        try (SpatialStore store = storeWithPatches(type)) {
            FeatureType patches = FeatureTypeCatalog.introspect(store, List.of(PATCHES)).require("patches", "TYPENAMES");
            FeatureSource source = new FeatureSource(store);
            // 0.001° of latitude south of the first patch: 111 m from it, about 1.7 km from the second
            Point south = Wkb.factory().createPoint(new Coordinate(113.6005, 37.799));
            assertThat(codes(source, patches, new Filter.Distance(false, "geom", south, 100))).isEmpty();
            assertThat(codes(source, patches, new Filter.Distance(false, "geom", south, 120))).containsExactly("1403212026100001");
            assertThat(codes(source, patches, new Filter.Distance(false, null, south, 2000)))
                    .containsExactly("1403212026100001", "1403212026100002");
            assertThat(codes(source, patches, new Filter.Distance(true, "geom", south, 120)))
                    .containsExactly("1403212026100002", "1403212026100003", "1403212026100004");
        }
    }

    private static List<String> codes(FeatureSource source, FeatureType type, Filter filter) {
        List<String> codes = new ArrayList<>();
        source.stream(new FeatureQuery(type, filter, List.of(new SortKey("code", true)), 0, null, null, Crs.STORAGE), Reader.ANONYMOUS,
                f -> codes.add((String) f.values().get("code")));
        return codes;
    }

    private static FeatureQuery query(FeatureType type, Filter filter) {
        return new FeatureQuery(type, filter, null, 0, null, null, Crs.STORAGE);
    }

    private static List<String> codes(FeatureSource source, FeatureType type, String ecql) {
        List<String> codes = new ArrayList<>();
        source.stream(query(type, Ecql.parse(ecql)), Reader.ANONYMOUS, f -> codes.add((String) f.values().get("code")));
        return codes;
    }

    /** Four patches in Pingding county: two mines, two buildings (one large), on three dates. */
    private static SpatialStore storeWithPatches(StoreType type) {
        SpatialStore store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
        AdminUnitRepository units = new AdminUnitRepository(store);
        units.add(new AdminUnit("14", "山西省", AdminLevel.PROVINCE, null, null, null));
        units.add(new AdminUnit("1403", "阳泉市", AdminLevel.CITY, "14", null, null));
        units.add(new AdminUnit("140321", "平定县", AdminLevel.COUNTY, "1403", null, null));
        PatchRepository patches = new PatchRepository(store);
        AdminLocation pingding = AdminLocation.ofCounty("140321", "平定县");
        Instant now = Instant.parse("2026-11-03T02:00:00Z");
        patches.create(new NewPatch(null, null, LocalDate.of(2026, 10, 5), ChangeType.NEW_BUILDING, box(113.60, 37.80, 113.601, 37.801), pingding, null), now);
        patches.create(new NewPatch(null, null, LocalDate.of(2026, 10, 12), ChangeType.OPEN_PIT_EXCAVATION, box(113.62, 37.80, 113.624, 37.802), pingding, null), now);
        patches.create(new NewPatch(null, null, LocalDate.of(2026, 10, 18), ChangeType.NEW_BUILDING, box(113.70, 37.80, 113.702, 37.802), pingding, null), now);
        patches.create(new NewPatch(null, null, LocalDate.of(2026, 10, 25), ChangeType.SPOIL_DUMP, box(113.80, 37.90, 113.805, 37.902), pingding, null), now);
        return store;
    }

    private static MultiPolygon box(double w, double s, double e, double n) {
        Polygon ring = Wkb.factory().createPolygon(new Coordinate[] {new Coordinate(w, s), new Coordinate(e, s),
                new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
        return Wkb.factory().createMultiPolygon(new Polygon[] {ring});
    }
}
