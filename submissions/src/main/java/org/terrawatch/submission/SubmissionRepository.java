package org.terrawatch.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** The register of submissions, in the store. */
public final class SubmissionRepository {

    private static final String COLUMNS = "s.id, s.layer, s.for_month, s.kind, s.effective_date, s.due_at, s.department, s.submitted_by, "
            + "s.received_at, s.file_name, s.format, s.encoding, s.crs, s.features, s.repaired, s.refused, s.state, s.reason_code, "
            + "s.reason, s.version_id, COALESCE(v.version, 0) AS version, s.report";
    private static final String FROM = " FROM submission s LEFT JOIN base_layer_version v ON v.id = s.version_id";

    private final SpatialStore store;

    public SubmissionRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Records a submission (in the caller's transaction, if any); returns it with its id. */
    Submission add(Submission s) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO submission(layer, for_month, kind, effective_date, due_at, department, submitted_by, received_at, "
                        + "file_name, format, encoding, crs, features, repaired, refused, state, reason_code, reason, version_id, report) "
                        + "VALUES (:layer, :month, :kind, :effective, :due, :department, :by, :received, :file, :format, :encoding, :crs, "
                        + ":features, :repaired, :refused, :state, :code, :reason, :version, :report)")
                .param("layer", s.layer()).param("month", s.month().toString()).param("kind", s.kind().name())
                .param("effective", s.effectiveDate()).param("due", Rows.timestamp(s.dueAt())).param("department", s.department())
                .param("by", s.submittedBy()).param("received", Rows.timestamp(s.receivedAt())).param("file", s.fileName())
                .param("format", s.format()).param("encoding", s.encoding()).param("crs", s.crs()).param("features", s.features())
                .param("repaired", s.repaired()).param("refused", s.refused()).param("state", s.state().name())
                .param("code", s.reasonCode()).param("reason", s.reason()).param("version", s.versionId()).param("report", s.report())
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    public Optional<Submission> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + FROM + " WHERE s.id = :id").param("id", id).query(SubmissionRepository::map).optional();
    }

    /** Submissions, the latest first; month or layer null for all. */
    public List<Submission> list(YearMonth month, String layer, int limit) {
        String where = " WHERE 1 = 1" + (month == null ? "" : " AND s.for_month = :month") + (layer == null ? "" : " AND s.layer = :layer");
        var query = store.jdbc().sql("SELECT " + COLUMNS + FROM + where
                + " ORDER BY s.received_at DESC, s.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
        if (month != null) {
            query = query.param("month", month.toString());
        }
        if (layer != null) {
            query = query.param("layer", layer);
        }
        return query.query(SubmissionRepository::map).list();
    }

    private static Submission map(ResultSet row, int n) throws SQLException {
        return new Submission(row.getLong("id"), row.getString("layer"), YearMonth.parse(row.getString("for_month")),
                Submission.Kind.valueOf(row.getString("kind")), Rows.date(row, "effective_date"), Rows.instant(row, "due_at"),
                row.getString("department"), row.getString("submitted_by"), Rows.instant(row, "received_at"), row.getString("file_name"),
                row.getString("format"), row.getString("encoding"), row.getString("crs"), row.getInt("features"), row.getInt("repaired"),
                row.getInt("refused"), Submission.State.valueOf(row.getString("state")), row.getString("reason_code"),
                row.getString("reason"), Rows.nullableLong(row, "version_id"), row.getInt("version"), row.getString("report"));
    }
}
