package org.terrawatch.monitoring.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** The record of bulk reads ({@code export_record}): kept on its own, never rolled back with anything else. */
public final class ExportLog {

    private final SpatialStore store;

    public ExportLog(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public void record(ExportRecord export) {
        store.jdbc().sql("INSERT INTO export_record(occurred_at, actor, address, interface, layer, format, features, pixels, request) "
                        + "VALUES (:at, :actor, :address, :channel, :layer, :format, :features, :pixels, :request)")
                .param("at", Rows.timestamp(export.occurredAt())).param("actor", export.actor()).param("address", export.address())
                .param("channel", export.channel()).param("layer", export.layer()).param("format", export.format())
                .param("features", export.features()).param("pixels", export.pixels()).param("request", export.request())
                .update();
    }

    /**
     * The latest records first.
     *
     * @param since null for all time
     * @param actor null for everybody
     */
    public List<ExportRecord> list(Instant since, String actor, int limit) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        List<Object> parameters = new ArrayList<>();
        if (since != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(Rows.timestamp(since));
        }
        if (actor != null) {
            conditions.add("actor = ?");
            parameters.add(actor);
        }
        parameters.add(limit);
        return store.jdbc().sql("SELECT * FROM export_record WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY occurred_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .params(parameters).query(ExportLog::map).list();
    }

    private static ExportRecord map(ResultSet row, int n) throws SQLException {
        return new ExportRecord(row.getLong("id"), Rows.instant(row, "occurred_at"), row.getString("actor"), row.getString("address"),
                row.getString("interface"), row.getString("layer"), row.getString("format"), Rows.nullableLong(row, "features"),
                Rows.nullableLong(row, "pixels"), row.getString("request"));
    }
}
