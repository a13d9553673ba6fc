package org.terrawatch.monitoring.workorder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/** Work orders and their feedback. */
public final class WorkOrderRepository {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(Deadlines.CHINA);

    private final SpatialStore store;

    public WorkOrderRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Stores a work order in state DISPATCHED. Its code carries the store's identity number, so concurrent
     * dispatches never collide and need no lock.
     */
    public WorkOrder dispatch(WorkOrder order, Instant now) {
        return store.inTransaction(() -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            // A unique placeholder code, replaced in the same transaction once the id is known.
            store.jdbc().sql("INSERT INTO work_order(code, source_kind, alert_id, patch_id, title, description, working_group_code, "
                            + "department_code, township_code, deadline, state, created_by, created_at, version) VALUES (:code, :source, "
                            + ":alert, :patch, :title, :description, :group, :department, :township, :deadline, :state, :by, :now, 0)")
                    .param("code", UUID.randomUUID().toString()).param("source", order.source().name())
                    .param("alert", order.alertId()).param("patch", order.patchId()).param("title", order.title())
                    .param("description", order.description()).param("group", order.workingGroupCode())
                    .param("department", order.departmentCode()).param("township", order.townshipCode())
                    .param("deadline", Rows.timestamp(order.deadline())).param("state", WorkOrderState.DISPATCHED.name())
                    .param("by", order.createdBy()).param("now", Rows.timestamp(now))
                    .update(key, "id");
            long id = key.getKey().longValue();
            store.jdbc().sql("UPDATE work_order SET code = :code WHERE id = :id")
                    .param("code", "GD" + DAY.format(now) + "-" + String.format("%06d", id)).param("id", id).update();
            return find(id).orElseThrow();
        });
    }

    /** Moves the order to a new state if it is still at the version the caller saw. */
    public WorkOrder changeState(long id, long expectedVersion, WorkOrderState state, Instant now) {
        int updated = store.jdbc().sql("UPDATE work_order SET state = :state, "
                        + "closed_at = CASE WHEN :state = 'CLOSED' THEN :now ELSE closed_at END, version = version + 1 "
                        + "WHERE id = :id AND version = :version")
                .param("state", state.name()).param("now", Rows.timestamp(now)).param("id", id)
                .param("version", expectedVersion).update();
        if (updated == 0) {
            find(id).orElseThrow(() -> new EntityNotFoundException("Work order " + id));
            throw new ConcurrentEditException("Work order " + id, expectedVersion);
        }
        return find(id).orElseThrow();
    }

    /**
     * Writes the fields a desk may edit (description, assignment, deadline) and the state, if the order is still
     * at the version it carries.
     */
    public WorkOrder update(WorkOrder order, Instant now) {
        int updated = store.jdbc().sql("UPDATE work_order SET description = :description, working_group_code = :group, "
                        + "department_code = :department, township_code = :township, deadline = :deadline, state = :state, "
                        + "closed_at = :closedAt, version = version + 1 WHERE id = :id AND version = :version")
                .param("description", order.description()).param("group", order.workingGroupCode())
                .param("department", order.departmentCode()).param("township", order.townshipCode())
                .param("deadline", Rows.timestamp(order.deadline())).param("state", order.state().name())
                .param("closedAt", Rows.timestamp(order.closedAt())).param("id", order.id()).param("version", order.version())
                .update();
        if (updated == 0) {
            find(order.id()).orElseThrow(() -> new EntityNotFoundException("Work order " + order.id()));
            throw new ConcurrentEditException("Work order " + order.code(), order.version());
        }
        return find(order.id()).orElseThrow();
    }

    public Feedback addFeedback(Feedback feedback) {
        return addFeedback(feedback, null);
    }

    /** Adds a report under its client's key (null for none); a key the order has seen already is a unique-key violation. */
    public Feedback addFeedback(Feedback feedback, String clientKey) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO work_order_feedback(work_order_id, author, department_code, body, outcome, position, created_at, client_key) "
                        + "VALUES (:order, :author, :department, :body, :outcome, ST_GeomFromWKB(:position, 4490), :at, :clientKey)")
                .param("clientKey", clientKey)
                .param("order", feedback.workOrderId()).param("author", feedback.author())
                .param("department", feedback.departmentCode()).param("body", feedback.body())
                .param("outcome", feedback.outcome()).param("position", Wkb.write(feedback.position()))
                .param("at", Rows.timestamp(feedback.createdAt()))
                .update(key, "id");
        return new Feedback(key.getKey().longValue(), feedback.workOrderId(), feedback.author(), feedback.departmentCode(),
                feedback.body(), feedback.outcome(), feedback.position(), feedback.createdAt());
    }

    /** The report the order holds under its client's key. */
    public java.util.Optional<Feedback> feedbackByClientKey(long workOrderId, String clientKey) {
        return feedback(workOrderId, "AND client_key = :key", clientKey).stream().findFirst();
    }

    public List<Feedback> feedback(long workOrderId) {
        return feedback(workOrderId, "", null);
    }

    private List<Feedback> feedback(long workOrderId, String condition, String clientKey) {
        return store.jdbc().sql("SELECT id, work_order_id, author, department_code, body, outcome, "
                        + "ST_AsBinary(position) AS position, created_at FROM work_order_feedback WHERE work_order_id = :order " + condition + " ORDER BY id")
                .param("order", workOrderId).param("key", clientKey)
                .query((row, n) -> new Feedback(row.getLong("id"), row.getLong("work_order_id"), row.getString("author"),
                        row.getString("department_code"), row.getString("body"), row.getString("outcome"),
                        Rows.geometry(row, "position"), Rows.instant(row, "created_at")))
                .list();
    }

    /** The work orders dispatched for any of these alerts. */
    public java.util.List<WorkOrder> ofAlerts(java.util.Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return java.util.List.of();
        }
        return store.jdbc().sql("SELECT * FROM work_order WHERE alert_id IN (:alerts) ORDER BY id").param("alerts", alertIds)
                .query(WorkOrderRepository::map).list();
    }

    public Optional<WorkOrder> find(long id) {
        return store.jdbc().sql("SELECT * FROM work_order WHERE id = :id").param("id", id)
                .query(WorkOrderRepository::map).optional();
    }

    /**
     * Takes the row lock of the work order for the rest of the caller's transaction ({@code SELECT ... FOR UPDATE}), so that a
     * WFS lock granted on it and a write of it never interleave; false if there is no such work order.
     */
    public boolean claim(long id) {
        return !store.jdbc().sql("SELECT id FROM work_order WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list().isEmpty();
    }

    private static WorkOrder map(ResultSet row, int n) throws SQLException {
        return new WorkOrder(row.getLong("id"), row.getString("code"), Rows.enumValue(row, "source_kind", WorkOrderSource.class),
                Rows.nullableLong(row, "alert_id"), Rows.nullableLong(row, "patch_id"), row.getString("title"),
                row.getString("description"), row.getString("working_group_code"), row.getString("department_code"),
                row.getString("township_code"), Rows.instant(row, "deadline"), Rows.enumValue(row, "state", WorkOrderState.class),
                row.getString("created_by"), Rows.instant(row, "created_at"), Rows.instant(row, "closed_at"),
                row.getLong("version"));
    }
}
