package org.terrawatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2gis.functions.factory.H2GISFunctions;

/** The embedded H2 database with the H2GIS function library. */
final class H2gisDialect implements Dialect {

    @Override
    public StoreType type() {
        return StoreType.H2GIS;
    }

    @Override
    public void enableSpatial(Connection connection) throws SQLException {
        // H2GIS registers its functions as persistent aliases: load them once per database file.
        try (Statement statement = connection.createStatement();
             ResultSet alias = statement.executeQuery(
                     "SELECT 1 FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_MAKEENVELOPE'")) {
            if (alias.next()) {
                return;
            }
        }
        H2GISFunctions.load(connection);
    }

    @Override
    public String lockTimeout(long milliseconds) {
        return "SET LOCK_TIMEOUT " + milliseconds;
    }

    @Override
    public String describe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT H2GISVERSION()")) {
            result.next();
            return "H2 " + connection.getMetaData().getDatabaseProductVersion() + ", H2GIS " + result.getString(1).strip();
        }
    }
}
