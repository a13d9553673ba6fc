package org.terrawatch.app.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.GmlGeometryReader;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreException;
import org.terrawatch.store.Wkb;

/**
 * The OGC CITE test data of a conformance data directory ({@code <data-dir>/ogc-test-data}), loaded afresh into the
 * store: {@code tables.sql} drops and creates the tables, then each {@code <Name>.xml} (a GML 2 feature collection of
 * the WMS 1.3.0 suite) fills {@code cite_<name>}: a property element fills the column of its name, a geometry the
 * geometry column of its name.
 */
public final class OgcTestData {

    public static final String FOLDER = "ogc-test-data";

    private OgcTestData() {
    }

    /** @return the features loaded, by table */
    public static Map<String, Integer> load(SpatialStore store, Path dataDirectory) {
        Path folder = dataDirectory.resolve(FOLDER);
        if (!Files.isRegularFile(folder.resolve("tables.sql"))) {
            throw new IllegalStateException("A conformance data directory holds the OGC test data in " + folder + " (tables.sql and the "
                    + "GML files); see conformance/cite in the source tree");
        }
        Map<String, Integer> loaded = new LinkedHashMap<>();
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement();
             Stream<Path> files = Files.list(folder)) {
            for (String sql : Files.readString(folder.resolve("tables.sql"), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                String table = "cite_" + file.getFileName().toString().replaceFirst("\\.xml$", "").toLowerCase(Locale.ROOT);
                // CRS:84 coordinates are stored as they are: CGCS2000 and WGS 84 agree to centimetres, and the suites
                // compare coordinates digit by digit, which a datum conversion's rounding (1e-13°) would upset
                String gml = Files.readString(file, StandardCharsets.UTF_8).replace("srsName=\"CRS:84\"", "");
                loaded.put(table, fill(store, connection, table, XmlElement.parse(gml, file.toString())));
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("Cannot load the OGC test data of " + folder + ": " + e.getMessage(), e);
        }
        return loaded;
    }

    private static int fill(SpatialStore store, Connection connection, String table, XmlElement collection) throws SQLException {
        Map<String, Boolean> columns = columns(connection, table);
        int count = 0;
        for (XmlElement member : collection.children("featureMember")) {
            for (XmlElement feature : member.children()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (XmlElement property : feature.children()) {
                    String column = property.name().toLowerCase(Locale.ROOT);
                    Boolean geometry = columns.get(column);
                    if (geometry == null) {
                        continue; // gml:name and the like, and empty ids the table numbers itself
                    }
                    if (geometry && !property.children().isEmpty()) {
                        Geometry shape = new GmlGeometryReader(Crs.STORAGE, column).geometry(property.children().get(0));
                        values.put(column, Wkb.write(shape));
                    } else if (!geometry && property.text() != null && !property.text().isBlank()) {
                        values.put(column, property.text().trim());
                    }
                }
                insert(store, table, columns, values);
                count++;
            }
        }
        return count;
    }

    /** The table's columns, true for a geometry. */
    private static Map<String, Boolean> columns(Connection connection, String table) throws SQLException {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= empty.getMetaData().getColumnCount(); i++) {
                String type = empty.getMetaData().getColumnTypeName(i).toLowerCase(Locale.ROOT);
                columns.put(empty.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), type.startsWith("geometry"));
            }
        }
        return columns;
    }

    private static void insert(SpatialStore store, String table, Map<String, Boolean> columns, Map<String, Object> values) {
        List<String> names = new ArrayList<>(values.keySet());
        List<String> placeholders = names.stream().map(c -> columns.get(c) ? "ST_GeomFromWKB(:" + c + ", " + Wkb.STORAGE_SRID + ")"
                : ":" + c).toList();
        var statement = store.jdbc().sql("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + String.join(", ", placeholders) + ")");
        for (String name : names) {
            statement = statement.param(name, values.get(name));
        }
        statement.update();
    }
}
