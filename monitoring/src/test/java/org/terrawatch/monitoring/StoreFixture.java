package org.terrawatch.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.terrawatch.monitoring.admin.AdminLevel;
import org.terrawatch.monitoring.admin.AdminUnit;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.organisation.Department;
import org.terrawatch.monitoring.organisation.DepartmentKind;
import org.terrawatch.monitoring.organisation.Organisation;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.monitoring.organisation.WorkingGroup;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.Wkb;
import org.terrawatch.store.testing.TestStores;

/**
 * A fresh monitoring store with a small, known admin tree (Shanxi > Yangquan > Pingding county > Guanshan
 * town, and Yu county) and two departments.
 */
public final class StoreFixture {

    public static final String PINGDING = "140321";
    public static final String GUANSHAN = "140321100";
    public static final String YU_COUNTY = "140322";
    public static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");

    private StoreFixture() {
    }

    public static SpatialStore openWithAdminUnits(StoreType type) {
        SpatialStore store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
        AdminUnitRepository units = new AdminUnitRepository(store);
        units.add(new AdminUnit("14", "山西省", AdminLevel.PROVINCE, null, null, null));
        units.add(new AdminUnit("1403", "阳泉市", AdminLevel.CITY, "14", null, null));
        units.add(new AdminUnit(PINGDING, "平定县", AdminLevel.COUNTY, "1403", box(113.4, 37.6, 113.9, 37.95), null));
        units.add(new AdminUnit(GUANSHAN, "冠山镇", AdminLevel.TOWNSHIP, PINGDING, box(113.55, 37.75, 113.7, 37.85), null));
        units.add(new AdminUnit(YU_COUNTY, "盂县", AdminLevel.COUNTY, "1403", box(113.0, 37.95, 113.7, 38.3), null));
        new OrganisationRepository(store).apply(new Organisation(
                List.of(new Department("gengdi", "耕地保护科", "Farmland Protection Section", DepartmentKind.SECTION, null, null),
                        new Department("zhifa", "综合行政执法队", "Enforcement Team", DepartmentKind.ENFORCEMENT, null, null)),
                List.of(new WorkingGroup("g1", "自然资源领域疑似违法处置工作小组", null, "年波", null, List.of("gengdi", "zhifa"))),
                List.of(new User("duty", "值守员", "zhifa", "{noop}duty", true, Set.of(Role.DUTY_OFFICER), Set.of()))));
        return store;
    }

    /** A lon/lat rectangle as a multipolygon in EPSG:4490. */
    public static MultiPolygon box(double west, double south, double east, double north) {
        var ring = Wkb.factory().createPolygon(new Coordinate[] {new Coordinate(west, south), new Coordinate(east, south),
                new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
        return Wkb.factory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {ring});
    }

    public static Point point(double lon, double lat) {
        return Wkb.factory().createPoint(new Coordinate(lon, lat));
    }
}
