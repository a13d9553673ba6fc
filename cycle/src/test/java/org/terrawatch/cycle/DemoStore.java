package org.terrawatch.cycle;

import java.nio.file.Path;
import java.util.List;
import org.terrawatch.demo.DemoData;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.calendar.WorkingCalendar;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;

/** A fresh store of the given type with the Yangquan demo loaded (its imagery under the data directory). */
final class DemoStore {

    /** Deadlines without holidays. */
    static final Deadlines DEADLINES = new Deadlines(new WorkingCalendar(List.of()));

    private DemoStore() {
    }

    static SpatialStore open(StoreType type, Path dataDir) {
        SpatialStore store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
        new OrganisationRepository(store).apply(DemoData.organisationSkeleton());
        DemoData.load(store, dataDir, DEADLINES);
        return store;
    }
}
