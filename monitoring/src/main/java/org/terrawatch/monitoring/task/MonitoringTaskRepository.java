package org.terrawatch.monitoring.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** Monitoring tasks of the satellite cycle. */
public final class MonitoringTaskRepository {

    private final SpatialStore store;

    public MonitoringTaskRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Plans a task for the period; its code follows from the period and must be new. */
    public MonitoringTask plan(MonitoringPeriod period, LocalDate extractionDue, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO monitoring_task(code, kind, period_start, period_end, before_month, after_month, state, "
                        + "extraction_due, created_at) VALUES (:code, :kind, :start, :end, :before, :after, :state, :due, :created)")
                .param("code", period.code()).param("kind", period.kind().name()).param("start", period.start())
                .param("end", period.end()).param("before", firstDay(period.beforeMonth()))
                .param("after", firstDay(period.afterMonth())).param("state", TaskState.PLANNED.name())
                .param("due", extractionDue).param("created", Rows.timestamp(now))
                .update(key, "id");
        return new MonitoringTask(key.getKey().longValue(), period.code(), period, null, null, TaskState.PLANNED, extractionDue, now);
    }

    /** Attaches the registered before and after epochs; the task is then ready for extraction. */
    public void attachEpochs(long taskId, long beforeEpochId, long afterEpochId) {
        int updated = store.jdbc().sql("UPDATE monitoring_task SET before_epoch_id = :before, after_epoch_id = :after, "
                        + "state = CASE WHEN state = 'PLANNED' THEN 'IMAGERY_READY' ELSE state END WHERE id = :id")
                .param("before", beforeEpochId).param("after", afterEpochId).param("id", taskId).update();
        requireOne(updated, taskId);
    }

    public void setState(long taskId, TaskState state) {
        requireOne(store.jdbc().sql("UPDATE monitoring_task SET state = :state WHERE id = :id")
                .param("state", state.name()).param("id", taskId).update(), taskId);
    }

    public Optional<MonitoringTask> find(long id) {
        return store.jdbc().sql("SELECT * FROM monitoring_task WHERE id = :id").param("id", id)
                .query(MonitoringTaskRepository::map).optional();
    }

    public Optional<MonitoringTask> findByCode(String code) {
        return store.jdbc().sql("SELECT * FROM monitoring_task WHERE code = :code").param("code", code)
                .query(MonitoringTaskRepository::map).optional();
    }

    public List<MonitoringTask> all() {
        return store.jdbc().sql("SELECT * FROM monitoring_task ORDER BY period_start, id").query(MonitoringTaskRepository::map).list();
    }

    private static void requireOne(int updated, long taskId) {
        if (updated != 1) {
            throw new IllegalArgumentException("No monitoring task " + taskId);
        }
    }

    private static LocalDate firstDay(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    private static MonitoringTask map(ResultSet row, int n) throws SQLException {
        LocalDate before = Rows.date(row, "before_month");
        LocalDate after = Rows.date(row, "after_month");
        MonitoringPeriod period = new MonitoringPeriod(Rows.enumValue(row, "kind", MonitoringKind.class),
                Rows.date(row, "period_start"), Rows.date(row, "period_end"),
                before == null ? null : YearMonth.from(before), after == null ? null : YearMonth.from(after));
        return new MonitoringTask(row.getLong("id"), row.getString("code"), period, Rows.nullableLong(row, "before_epoch_id"),
                Rows.nullableLong(row, "after_epoch_id"), Rows.enumValue(row, "state", TaskState.class),
                Rows.date(row, "extraction_due"), Rows.instant(row, "created_at"));
    }
}
