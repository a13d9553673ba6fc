package org.terrawatch.store.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreSettings;
import org.terrawatch.store.StoreType;

/**
 * Fresh, empty stores for tests: an H2GIS file in a temporary folder, or a new database on the throwaway
 * PostGIS cluster that the README's test command starts. The cluster's admin URL comes from the system
 * property {@code terrawatch.test.postgis.url} (set from the environment variable
 * {@code TERRAWATCH_TEST_POSTGIS_URL}); without it a PostGIS test fails and says how to run it.
 */
public final class TestStores {

    public static final String POSTGIS_URL_PROPERTY = "terrawatch.test.postgis.url";

    private TestStores() {
    }

    /** Settings of a new, empty database of the given type. */
    public static StoreSettings freshDatabase(StoreType type) {
        return switch (type) {
            case H2GIS -> freshH2gis();
            case POSTGIS -> freshPostgis();
        };
    }

    /** A new database of the given type, migrated with the given locations. */
    public static SpatialStore open(StoreType type, String... migrationLocations) {
        return SpatialStore.open(freshDatabase(type), migrationLocations);
    }

    private static StoreSettings freshH2gis() {
        try {
            Path folder = Files.createTempDirectory("terrawatch-h2gis-");
            return StoreSettings.embedded(folder, "test");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary folder for H2GIS", e);
        }
    }

    private static StoreSettings freshPostgis() {
        String admin = postgisAdminUrl();
        String name = "tw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on the PostGIS cluster at " + admin + ": " + e.getMessage(), e);
        }
        return new StoreSettings(withDatabase(admin, name), "", "", 10);
    }

    /** The admin JDBC URL of the test cluster, or a failure that says how to provide it. */
    public static String postgisAdminUrl() {
        String url = System.getProperty(POSTGIS_URL_PROPERTY, "");
        if (url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("No PostGIS test cluster: these store tests run against PostGIS as well as H2GIS. "
                    + "Run the README's test command (./scripts/test), which installs PostGIS and starts a throwaway cluster, "
                    + "or set TERRAWATCH_TEST_POSTGIS_URL to an admin JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres");
        }
        return url;
    }

    /** The same URL with another database name, keeping host, port and query parameters. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }
}
