package org.terrawatch.store;

/** The two stores TerraWatch runs on: PostGIS in production, H2GIS embedded in the data directory. */
public enum StoreType {
    POSTGIS("PostGIS", "postgresql"),
    H2GIS("H2GIS", "h2");

    private final String displayName;
    private final String migrationVendor;

    StoreType(String displayName, String migrationVendor) {
        this.displayName = displayName;
        this.migrationVendor = migrationVendor;
    }

    public String displayName() {
        return displayName;
    }

    /** Folder name of the migrations that only this store runs, next to the common ones. */
    public String migrationVendor() {
        return migrationVendor;
    }

    /** The store a JDBC URL points at. */
    public static StoreType forJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGIS;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2GIS;
        }
        throw new IllegalArgumentException("Unsupported store URL (expected jdbc:postgresql: or jdbc:h2:): " + jdbcUrl);
    }
}
