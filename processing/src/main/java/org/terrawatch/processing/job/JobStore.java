package org.terrawatch.processing.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/** Jobs in the store: accepted, running, finished; each state change committed as it happens. */
public final class JobStore {

    private final SpatialStore store;
    private final Clock clock;

    public JobStore(SpatialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Job accept(String processId, Actor owner, Map<String, List<Object>> inputs, ResultForm resultForm) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.jdbc().sql("INSERT INTO process_job(id, process_id, status, progress, message, owner, owner_roles, owner_department, inputs, "
                        + "result_form, created_at, updated_at) "
                        + "VALUES (:id, :process, 'ACCEPTED', 0, 'Accepted', :owner, :roles, :department, :inputs, :form, :now, :now)")
                .param("id", id).param("process", processId).param("owner", owner.username())
                .param("roles", owner.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("department", owner.departmentCode()).param("inputs", ValueJson.inputs(inputs))
                .param("form", resultForm.equals(ResultForm.ALL) ? null : resultForm.toJson())
                .param("now", Rows.timestamp(now)).update();
        return find(id).orElseThrow();
    }

    public Optional<Job> find(String id) {
        return store.jdbc().sql("SELECT * FROM process_job WHERE id = :id").param("id", id).query(JobStore::job).optional();
    }

    /** The latest jobs first; all owners when owner is null. */
    public List<Job> list(String owner, int limit) {
        String order = " ORDER BY created_at DESC, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        if (owner == null) {
            return store.jdbc().sql("SELECT * FROM process_job" + order).query(JobStore::job).list();
        }
        return store.jdbc().sql("SELECT * FROM process_job WHERE owner = :owner" + order).param("owner", owner).query(JobStore::job).list();
    }

    void started(String id) {
        Instant now = clock.instant();
        store.jdbc().sql("UPDATE process_job SET status = 'RUNNING', started_at = :now, updated_at = :now, message = 'Running' "
                        + "WHERE id = :id AND status = 'ACCEPTED'")
                .param("id", id).param("now", Rows.timestamp(now)).update();
    }

    void progress(String id, int percent, String message) {
        store.jdbc().sql("UPDATE process_job SET progress = :progress, message = :message, updated_at = :now WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).param("progress", Math.max(0, Math.min(100, percent))).param("message", clip(message))
                .param("now", Rows.timestamp(clock.instant())).update();
    }

    void succeeded(String id, ProcessOutputs outputs) {
        Instant now = clock.instant();
        store.jdbc().sql("UPDATE process_job SET status = 'SUCCESSFUL', progress = 100, message = 'Done', outputs = :outputs, "
                        + "finished_at = :now, updated_at = :now WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).param("outputs", ValueJson.outputs(outputs)).param("now", Rows.timestamp(now)).update();
    }

    void failed(String id, String code, String message) {
        Instant now = clock.instant();
        store.jdbc().sql("UPDATE process_job SET status = 'FAILED', failure_code = :code, message = :message, finished_at = :now, "
                        + "updated_at = :now WHERE id = :id AND status IN ('ACCEPTED', 'RUNNING')")
                .param("id", id).param("code", code).param("message", clip(message)).param("now", Rows.timestamp(now)).update();
    }

    /** Dismisses a job: it stops if running, its outputs are dropped. False when it is unknown. */
    public boolean dismiss(String id) {
        Instant now = clock.instant();
        return store.jdbc().sql("UPDATE process_job SET status = 'DISMISSED', message = 'Dismissed', outputs = NULL, "
                        + "finished_at = COALESCE(finished_at, :now), updated_at = :now WHERE id = :id")
                .param("id", id).param("now", Rows.timestamp(now)).update() > 0;
    }

    /**
     * After a restart: jobs that were accepted or running when the server stopped go back to accepted, to run again
     * from the start (a run's effects are committed all at once at its end, so a run cut short left none).
     */
    List<Job> unfinished() {
        store.jdbc().sql("UPDATE process_job SET status = 'ACCEPTED', progress = 0, started_at = NULL, "
                        + "message = 'Resumed after a server restart', updated_at = :now WHERE status = 'RUNNING'")
                .param("now", Rows.timestamp(clock.instant())).update();
        return store.jdbc().sql("SELECT * FROM process_job WHERE status = 'ACCEPTED' ORDER BY created_at, id").query(JobStore::job).list();
    }

    private static String clip(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }

    private static Job job(ResultSet row, int n) throws SQLException {
        String roles = row.getString("owner_roles");
        Actor owner = new Actor(row.getString("owner"), roles.isEmpty() ? java.util.Set.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet()), row.getString("owner_department"));
        String outputs = row.getString("outputs");
        return new Job(row.getString("id"), row.getString("process_id"), JobStatus.valueOf(row.getString("status")), row.getInt("progress"),
                row.getString("message"), row.getString("failure_code"), owner, ValueJson.inputs(row.getString("inputs")),
                ResultForm.fromJson(row.getString("result_form")), outputs == null ? null : ValueJson.outputs(outputs),
                Rows.instant(row, "created_at"), Rows.instant(row, "started_at"), Rows.instant(row, "finished_at"),
                Rows.instant(row, "updated_at"));
    }
}
