package org.terrawatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL with the PostGIS extension. */
final class PostgisDialect implements Dialect {

    @Override
    public StoreType type() {
        return StoreType.POSTGIS;
    }

    @Override
    public void enableSpatial(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet installed = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            if (installed.next()) {
                return; // A DBA may have installed it; creating needs rights the application user often lacks.
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
    }

    @Override
    public String lockTimeout(long milliseconds) {
        return "SET lock_timeout = " + milliseconds;
    }

    @Override
    public String describe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
            result.next();
            return "PostgreSQL " + result.getString(1) + ", PostGIS " + result.getString(2);
        }
    }
}
