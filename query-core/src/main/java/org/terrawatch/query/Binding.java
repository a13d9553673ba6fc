package org.terrawatch.query;

/** The value type of a feature property, as published: its XML Schema built-in type name, JSON type in OGC API. */
public enum Binding {
    STRING("string"),
    INTEGER("int"),
    LONG("long"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("dateTime"),
    GEOMETRY(null);

    private final String xsdType;

    Binding(String xsdType) {
        this.xsdType = xsdType;
    }

    /** The XML Schema built-in type's local name (string, long, dateTime, ...); null for geometries. */
    public String xsdType() {
        return xsdType;
    }

    /** The binding of a JDBC column type (java.sql.Types), geometry columns recognised by type name. */
    static Binding ofColumn(int sqlType, String typeName) {
        if (typeName != null && typeName.toLowerCase(java.util.Locale.ROOT).startsWith("geometry")) {
            return GEOMETRY;
        }
        return switch (sqlType) {
            case java.sql.Types.INTEGER, java.sql.Types.SMALLINT, java.sql.Types.TINYINT -> INTEGER;
            case java.sql.Types.BIGINT -> LONG;
            case java.sql.Types.DOUBLE, java.sql.Types.FLOAT, java.sql.Types.REAL, java.sql.Types.NUMERIC, java.sql.Types.DECIMAL -> DOUBLE;
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> BOOLEAN;
            case java.sql.Types.DATE -> DATE;
            case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
            default -> STRING;
        };
    }
}
