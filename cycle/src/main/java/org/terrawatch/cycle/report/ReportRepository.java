package org.terrawatch.cycle.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** The register of reports, in the store; progress and outcome are written in transactions of their own. */
public final class ReportRepository {

    private static final String COLUMNS = "id, kind, period, state, requested_by, requested_at, finished_at, progress, message, files, "
            + "figures, error";

    private final SpatialStore store;

    public ReportRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Report queue(ReportPeriod period, String requestedBy, Instant now) {
        long id = store.inOwnTransaction(() -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            store.jdbc().sql("INSERT INTO report(kind, period, state, requested_by, requested_at, progress) VALUES (:kind, :period, "
                            + "'QUEUED', :by, :at, 0)")
                    .param("kind", period.kind().name()).param("period", period.label()).param("by", requestedBy)
                    .param("at", Rows.timestamp(now)).update(key, "id");
            return key.getKey().longValue();
        });
        return find(id).orElseThrow();
    }

    public void progress(long id, int percent, String message) {
        store.inOwnTransaction(() -> store.jdbc().sql("UPDATE report SET state = 'RUNNING', progress = :p, message = :m WHERE id = :id")
                .param("p", percent).param("m", message).param("id", id).update());
    }

    public void done(long id, String files, String figures, Instant now) {
        store.inOwnTransaction(() -> store.jdbc().sql("UPDATE report SET state = 'DONE', progress = 100, message = NULL, files = :files, "
                        + "figures = :figures, finished_at = :now, error = NULL WHERE id = :id")
                .param("files", files).param("figures", figures).param("now", Rows.timestamp(now)).param("id", id).update());
    }

    public void failed(long id, String error, Instant now) {
        store.inOwnTransaction(() -> store.jdbc().sql("UPDATE report SET state = 'FAILED', error = :error, finished_at = :now WHERE id = :id")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error).param("now", Rows.timestamp(now)).param("id", id)
                .update());
    }

    public Optional<Report> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM report WHERE id = :id").param("id", id).query(ReportRepository::map).optional();
    }

    public List<Report> latest(int limit) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM report ORDER BY requested_at DESC, id DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY").query(ReportRepository::map).list();
    }

    /** Reports queued or running: a server that stopped left them so (they are made again at the next start). */
    public List<Report> unfinished() {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM report WHERE state IN ('QUEUED', 'RUNNING') ORDER BY id")
                .query(ReportRepository::map).list();
    }

    private static Report map(ResultSet row, int n) throws SQLException {
        return new Report(row.getLong("id"), ReportPeriod.Kind.valueOf(row.getString("kind")), row.getString("period"),
                Report.State.valueOf(row.getString("state")), row.getString("requested_by"), Rows.instant(row, "requested_at"),
                Rows.instant(row, "finished_at"), row.getInt("progress"), row.getString("message"), row.getString("files"),
                row.getString("figures"), row.getString("error"));
    }
}
