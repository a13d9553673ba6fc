package org.terrawatch.monitoring;

import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreSettings;

/** Opens a store with the monitoring schema migrated to the latest version. */
public final class MonitoringSchema {

    /** Flyway location of the schema: {@code common} plus one folder per store type. */
    public static final String MIGRATIONS = "db/migration";

    private MonitoringSchema() {
    }

    public static SpatialStore open(StoreSettings settings) {
        return SpatialStore.open(settings, MIGRATIONS);
    }
}
