package org.terrawatch.monitoring.summary;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.workorder.WorkOrderState;
import org.terrawatch.store.SpatialStore;

/** Reads the {@link MonitoringSummary}; a handful of aggregate queries, no row is loaded. */
public final class SummaryQuery {

    private final SpatialStore store;

    public SummaryQuery(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public MonitoringSummary read(LocalDate today) {
        return new MonitoringSummary(store.type().displayName(), today, count("admin_unit"), count("department"),
                count("working_group"), count("app_user"), count("base_layer_version"), count("base_feature"),
                count("imagery_epoch"), count("monitoring_task"), count("change_patch"),
                grouped("change_patch", "category", PatchCategory.class), grouped("change_patch", "status", PatchStatus.class),
                overdue(today), count("camera"),
                store.jdbc().sql("SELECT COUNT(*) FROM camera WHERE online = TRUE").query(Long.class).single(),
                count("alert"), grouped("alert", "screening", Screening.class), count("work_order"),
                grouped("work_order", "state", WorkOrderState.class), count("attachment"), count("audit_event"));
    }

    private long overdue(LocalDate today) {
        return store.jdbc().sql("SELECT COUNT(*) FROM change_patch WHERE verification_due < :today "
                        + "AND status IN ('PUSHED', 'VERIFYING')")
                .param("today", today).query(Long.class).single();
    }

    // Table and column names below are constants of this class, never user input.
    private long count(String table) {
        return store.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Counts per value of an enumerated column, every value present (zero where none), in declaration order. */
    private <E extends Enum<E>> Map<String, Long> grouped(String table, String column, Class<E> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E value : values.getEnumConstants()) {
            counts.put(value.name(), 0L);
        }
        store.jdbc().sql("SELECT " + column + " AS v, COUNT(*) AS n FROM " + table + " GROUP BY " + column)
                .query((row, n) -> counts.put(row.getString("v"), row.getLong("n"))).list();
        return counts;
    }
}
