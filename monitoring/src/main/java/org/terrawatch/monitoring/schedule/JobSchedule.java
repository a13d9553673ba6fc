package org.terrawatch.monitoring.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/**
 * The calendar's jobs in the store, and the moves that make each run once however many nodes share the store: a job is
 * added by its key (a second node adding it finds it there), claimed by a compare-and-set of its state and lease (one
 * node wins), and completed only by the node that holds its claim, in the same transaction as its effects — so a node
 * whose lease ran out while it worked rolls its effects back instead of doubling another node's.
 */
public final class JobSchedule {

    private static final String COLUMNS = "id, job_key, kind, subject, due_at, state, attempts, claimed_by, lease_until, started_at, "
            + "finished_at, outcome, last_error";

    private final SpatialStore store;

    public JobSchedule(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Adds the job unless one with its key exists; whether it was added. */
    public boolean plan(String kind, String subject, Instant dueAt) {
        String key = ScheduledJob.key(kind, subject);
        if (find(key).isPresent()) {
            return false;
        }
        try {
            return store.inOwnTransaction(() -> store.jdbc().sql("INSERT INTO scheduled_job(job_key, kind, subject, due_at, state, attempts) "
                            + "VALUES (:key, :kind, :subject, :due, 'PENDING', 0)")
                    .param("key", key).param("kind", kind).param("subject", subject).param("due", Rows.timestamp(dueAt)).update()) == 1;
        } catch (DataIntegrityViolationException e) {
            return false; // another node planned it at the same moment
        }
    }

    public Optional<ScheduledJob> find(String key) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM scheduled_job WHERE job_key = :key").param("key", key)
                .query(JobSchedule::map).optional();
    }

    /** Jobs due by now that nobody holds: pending, or running under a lease that has run out (its node died). */
    public List<ScheduledJob> due(Instant now, int limit) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM scheduled_job WHERE due_at <= :now AND (state = 'PENDING' OR "
                        + "(state = 'RUNNING' AND lease_until < :now)) ORDER BY due_at, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .param("now", Rows.timestamp(now)).query(JobSchedule::map).list();
    }

    /** Claims the job for the node until the lease ends; whether this node got it. Its own transaction, committed at once. */
    public boolean claim(ScheduledJob job, String node, Instant now, Instant leaseUntil) {
        return store.inOwnTransaction(() -> store.jdbc().sql("UPDATE scheduled_job SET state = 'RUNNING', claimed_by = :node, "
                        + "lease_until = :lease, started_at = :now, attempts = attempts + 1 WHERE id = :id AND due_at <= :now AND "
                        + "(state = 'PENDING' OR (state = 'RUNNING' AND lease_until < :now))")
                .param("node", node).param("lease", Rows.timestamp(leaseUntil)).param("now", Rows.timestamp(now)).param("id", job.id())
                .update()) == 1;
    }

    /** Extends the claim while the job runs; false when the node no longer holds it. */
    public boolean renew(long id, String node, Instant leaseUntil) {
        return store.inOwnTransaction(() -> store.jdbc().sql("UPDATE scheduled_job SET lease_until = :lease WHERE id = :id AND "
                        + "state = 'RUNNING' AND claimed_by = :node")
                .param("lease", Rows.timestamp(leaseUntil)).param("id", id).param("node", node).update()) == 1;
    }

    /**
     * Marks the job done, in the caller's transaction (the one holding the job's effects).
     *
     * @throws LostClaim when the node no longer holds the job: the caller's transaction must roll back
     */
    public void complete(long id, String node, Instant now, String outcome) {
        int updated = store.jdbc().sql("UPDATE scheduled_job SET state = 'DONE', finished_at = :now, outcome = :outcome, lease_until = NULL, "
                        + "last_error = NULL WHERE id = :id AND state = 'RUNNING' AND claimed_by = :node")
                .param("now", Rows.timestamp(now)).param("outcome", outcome).param("id", id).param("node", node).update();
        if (updated != 1) {
            throw new LostClaim(id, node);
        }
    }

    /** Puts the job back to wait until {@code next} (its condition not met yet, or a failure to retry); no attempt is lost. */
    public void postpone(long id, String node, Instant next, String note, boolean failed) {
        store.inOwnTransaction(() -> store.jdbc().sql("UPDATE scheduled_job SET state = 'PENDING', due_at = :next, claimed_by = NULL, "
                        + "lease_until = NULL, last_error = :note" + (failed ? "" : ", attempts = attempts - 1")
                        + " WHERE id = :id AND claimed_by = :node")
                .param("next", Rows.timestamp(next)).param("note", note).param("id", id).param("node", node).update());
    }

    /**
     * Makes the waiting jobs of a kind due now (their condition may be met: an epoch was registered); returns how many.
     */
    public int wake(String kind, Instant now) {
        return store.inOwnTransaction(() -> store.jdbc().sql("UPDATE scheduled_job SET due_at = :now WHERE kind = :kind AND "
                        + "state = 'PENDING' AND due_at > :now")
                .param("now", Rows.timestamp(now)).param("kind", kind).update());
    }

    /** Gives the job up after too many failures. */
    public void fail(long id, String node, Instant now, String error) {
        store.inOwnTransaction(() -> store.jdbc().sql("UPDATE scheduled_job SET state = 'FAILED', finished_at = :now, last_error = :error, "
                        + "lease_until = NULL WHERE id = :id AND claimed_by = :node")
                .param("now", Rows.timestamp(now)).param("error", error).param("id", id).param("node", node).update());
    }

    /** The latest jobs, for the register of what ran. */
    public List<ScheduledJob> latest(int limit) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM scheduled_job ORDER BY due_at DESC, id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY").query(JobSchedule::map).list();
    }

    private static ScheduledJob map(ResultSet row, int n) throws SQLException {
        return new ScheduledJob(row.getLong("id"), row.getString("job_key"), row.getString("kind"), row.getString("subject"),
                Rows.instant(row, "due_at"), ScheduledJob.State.valueOf(row.getString("state")), row.getInt("attempts"),
                row.getString("claimed_by"), Rows.instant(row, "lease_until"), Rows.instant(row, "started_at"),
                Rows.instant(row, "finished_at"), row.getString("outcome"), row.getString("last_error"));
    }

    /** The node no longer holds the job it tried to complete (its lease ran out and another node took it). */
    public static final class LostClaim extends RuntimeException {
        LostClaim(long id, String node) {
            super("Node " + node + " no longer holds scheduled job " + id);
        }
    }
}
