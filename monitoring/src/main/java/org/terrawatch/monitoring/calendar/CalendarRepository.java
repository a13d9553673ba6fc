package org.terrawatch.monitoring.calendar;

import java.util.List;
import java.util.Objects;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** The holiday calendar in the store, replaced from configuration as a whole. */
public final class CalendarRepository {

    private final SpatialStore store;

    public CalendarRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Replaces the stored calendar with the given days, in one transaction. */
    public void replace(List<CalendarDay> days) {
        store.inTransaction(() -> {
            store.jdbc().sql("DELETE FROM calendar_day").update();
            for (CalendarDay day : days) {
                store.jdbc().sql("INSERT INTO calendar_day(on_date, kind, name) VALUES (:day, :kind, :name)")
                        .param("day", day.day()).param("kind", day.kind().name()).param("name", day.name()).update();
            }
        });
    }

    public WorkingCalendar load() {
        return new WorkingCalendar(store.jdbc().sql("SELECT on_date, kind, name FROM calendar_day")
                .query((row, n) -> new CalendarDay(Rows.date(row, "on_date"),
                        CalendarDay.Kind.valueOf(row.getString("kind")), row.getString("name")))
                .list());
    }
}
