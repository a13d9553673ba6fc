package org.terrawatch.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between PostGIS and H2GIS. Everything else — DML, spatial predicates, WKB binding — is one
 * SQL code path: both stores speak {@code ST_GeomFromWKB}, {@code ST_AsBinary}, {@code ST_MakeEnvelope},
 * {@code &&} and typed {@code GEOMETRY(type, srid)} columns. DDL that differs (spatial indexes) lives in the
 * per-vendor migration folders named by {@link StoreType#migrationVendor()}.
 */
public interface Dialect {

    StoreType type();

    /** Makes the spatial functions available on a fresh database (an extension or the H2GIS aliases). */
    void enableSpatial(Connection connection) throws SQLException;

    /** The statement that makes this session wait at most so long for a row or table lock before it fails. */
    String lockTimeout(long milliseconds);

    /** Product and spatial extension versions, for the health report. */
    String describe(Connection connection) throws SQLException;

    static Dialect of(StoreType type) {
        return switch (type) {
            case POSTGIS -> new PostgisDialect();
            case H2GIS -> new H2gisDialect();
        };
    }
}
