package org.terrawatch.monitoring.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/**
 * Which open work orders have just become due soon (at least {@code dueSoonShare} of their time used) or overdue (past
 * their deadline): each is found once, and marked so, in the caller's transaction.
 */
public final class Escalation {

    /** A work order found due soon or overdue. */
    public record Found(long orderId, String code, boolean overdue) {
    }

    private final SpatialStore store;

    public Escalation(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public List<Found> check(Instant now, double dueSoonShare) {
        List<Found> found = new ArrayList<>();
        store.jdbc().sql("SELECT id, code, created_at, deadline, due_soon_at, overdue_at FROM work_order WHERE state <> 'CLOSED' "
                        + "AND deadline IS NOT NULL AND overdue_at IS NULL ORDER BY deadline")
                .query((row, n) -> {
                    long id = row.getLong("id");
                    Instant created = Rows.instant(row, "created_at");
                    Instant deadline = Rows.instant(row, "deadline");
                    if (deadline.isBefore(now)) {
                        return new Found(id, row.getString("code"), true);
                    }
                    boolean dueSoon = Rows.instant(row, "due_soon_at") == null
                            && !now.isBefore(created.plus(Duration.between(created, deadline).multipliedBy(Math.round(dueSoonShare * 1000)).dividedBy(1000)));
                    return dueSoon ? new Found(id, row.getString("code"), false) : null;
                }).list().stream().filter(Objects::nonNull).forEach(found::add);
        for (Found order : found) {
            store.jdbc().sql("UPDATE work_order SET " + (order.overdue() ? "overdue_at" : "due_soon_at") + " = :now WHERE id = :id")
                    .param("now", Rows.timestamp(now)).param("id", order.orderId()).update();
        }
        return found;
    }
}
