package org.terrawatch.monitoring.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/** Administrative units and the attribution of a position to county, township and village. */
public final class AdminUnitRepository {

    private static final String COLUMNS = "code, name, level, parent_code, ST_AsBinary(geom) AS geom, area_m2";

    private final SpatialStore store;

    public AdminUnitRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Adds a unit; its area is computed geodesically from the boundary. Parents must be added first. */
    public AdminUnit add(AdminUnit unit) {
        Double area = unit.geometry() == null ? null : GeodesicArea.of(unit.geometry()).squareMetres();
        store.jdbc().sql("INSERT INTO admin_unit(code, name, level, parent_code, geom, area_m2) "
                        + "VALUES (:code, :name, :level, :parent, ST_GeomFromWKB(:geom, 4490), :area)")
                .param("code", unit.code()).param("name", unit.name()).param("level", unit.level().name())
                .param("parent", unit.parentCode()).param("geom", Wkb.write(unit.geometry())).param("area", area)
                .update();
        return new AdminUnit(unit.code(), unit.name(), unit.level(), unit.parentCode(), unit.geometry(), area);
    }

    public Optional<AdminUnit> find(String code) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM admin_unit WHERE code = :code")
                .param("code", code).query(AdminUnitRepository::map).optional();
    }

    public List<AdminUnit> children(String parentCode) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM admin_unit WHERE parent_code = :parent ORDER BY code")
                .param("parent", parentCode).query(AdminUnitRepository::map).list();
    }

    public List<AdminUnit> atLevel(AdminLevel level) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM admin_unit WHERE level = :level ORDER BY code")
                .param("level", level.name()).query(AdminUnitRepository::map).list();
    }

    /** The county, township and village whose boundaries contain the point; levels without one stay null. */
    public AdminLocation locate(Point point) {
        List<String[]> hits = store.jdbc().sql("SELECT code, name, level FROM admin_unit "
                        + "WHERE level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE') AND geom && ST_GeomFromWKB(:p, 4490) "
                        + "AND ST_Intersects(geom, ST_GeomFromWKB(:p, 4490))")
                .param("p", Wkb.write(point))
                .query((row, n) -> new String[] {row.getString("code"), row.getString("name"), row.getString("level")})
                .list();
        String[] county = pick(hits, AdminLevel.COUNTY);
        String[] township = pick(hits, AdminLevel.TOWNSHIP);
        String[] village = pick(hits, AdminLevel.VILLAGE);
        return new AdminLocation(county[0], county[1], township[0], township[1], village[0], village[1]);
    }

    private static String[] pick(List<String[]> hits, AdminLevel level) {
        return hits.stream().filter(h -> h[2].equals(level.name())).findFirst().orElse(new String[2]);
    }

    public long count() {
        return store.jdbc().sql("SELECT COUNT(*) FROM admin_unit").query(Long.class).single();
    }

    private static AdminUnit map(ResultSet row, int n) throws SQLException {
        return new AdminUnit(row.getString("code"), row.getString("name"),
                Rows.enumValue(row, "level", AdminLevel.class), row.getString("parent_code"),
                Rows.geometry(row, "geom"), Rows.nullableDouble(row, "area_m2"));
    }
}
