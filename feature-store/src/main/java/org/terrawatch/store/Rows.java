package org.terrawatch.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.locationtech.jts.geom.Geometry;

/**
 * Reading and binding the column types of the schema the same way on both stores: timestamps are
 * {@code TIMESTAMP WITH TIME ZONE} bound as UTC {@link OffsetDateTime}, geometries are selected as
 * {@code ST_AsBinary(column)} and bound as WKB, nullable numbers stay null.
 */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A geometry column selected as {@code ST_AsBinary(column) AS column}. */
    @SuppressWarnings("unchecked")
    public static <G extends Geometry> G geometry(ResultSet row, String column) throws SQLException {
        return (G) Wkb.read(row.getBytes(column));
    }

    public static <E extends Enum<E>> E enumValue(ResultSet row, String column, Class<E> type) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A timestamp parameter. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An enum parameter, stored by name. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
