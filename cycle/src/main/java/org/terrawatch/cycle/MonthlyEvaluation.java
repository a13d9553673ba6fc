package org.terrawatch.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.VerificationResult;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.store.SpatialStore;

/**
 * The monthly quality evaluation (city rules, article 15) of one task, from the stored timestamps: the accuracy of the
 * satellite centre's patches — pushed patches the departments confirmed as real changes (legal, illegal or other, not
 * "not a real change") out of those pushed, by category — and each department's handling: pushed to it, verified on
 * time (by the end of the verification day), verified late, overdue (not verified, the day past), open (not yet due),
 * and returned for re-verification (the workflow's {@code return}, from the audit trail).
 */
public final class MonthlyEvaluation {

    private static final Set<PatchStatus> VERIFIED = Set.of(PatchStatus.VERIFIED, PatchStatus.HANDLED, PatchStatus.CLOSED);

    /** The accuracy of one category's pushed patches. */
    public record Accuracy(PatchCategory category, int pushed, int verified, int real, int notReal) {

        /** Confirmed real ÷ pushed, in percent; null when nothing was pushed. */
        public Double percent() {
            return pushed == 0 ? null : Math.round(1000.0 * real / pushed) / 10.0;
        }
    }

    /** One department's handling of what was pushed to it. */
    public record Handling(String department, int pushed, int onTime, int late, int overdue, int open, int returned) {
    }

    /** The evaluation of a task as of a day. */
    public record Evaluation(String task, LocalDate asOf, List<Accuracy> accuracy, Accuracy total, List<Handling> departments) {
    }

    private final SpatialStore store;

    public MonthlyEvaluation(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Evaluation of(MonitoringTask task, Instant now) {
        LocalDate today = now.atZone(Deadlines.CHINA).toLocalDate();
        List<ChangePatch> pushed = new PatchRepository(store).query(PatchQuery.all().ofTask(task.id())).stream()
                .filter(p -> p.pushedAt() != null).toList();
        Map<Long, Integer> returns = returns(task);
        Map<PatchCategory, int[]> byCategory = new EnumMap<>(PatchCategory.class);
        Map<String, int[]> byDepartment = new TreeMap<>();
        int[] total = new int[4];
        for (ChangePatch patch : pushed) {
            int[] category = byCategory.computeIfAbsent(patch.changeType().category(), c -> new int[4]);
            boolean verified = VERIFIED.contains(patch.status()) && patch.verification().result() != null;
            boolean real = verified && patch.verification().result() != VerificationResult.NOT_REAL_CHANGE;
            for (int[] counts : new int[][] {category, total}) {
                counts[0]++;
                counts[1] += verified ? 1 : 0;
                counts[2] += real ? 1 : 0;
                counts[3] += verified && !real ? 1 : 0;
            }
            String department = patch.responsibleDepartment() == null ? "—" : patch.responsibleDepartment();
            int[] handling = byDepartment.computeIfAbsent(department, d -> new int[6]);
            handling[0]++;
            Instant due = patch.verificationDue() == null ? null : Deadlines.endOf(patch.verificationDue());
            Instant verifiedAt = patch.verification().verifiedAt();
            if (verified && verifiedAt != null) {
                handling[due == null || !verifiedAt.isAfter(due) ? 1 : 2]++;
            } else if (due != null && patch.verificationDue().isBefore(today)) {
                handling[3]++;
            } else {
                handling[4]++;
            }
            handling[5] += returns.getOrDefault(patch.id(), 0);
        }
        List<Accuracy> accuracy = new ArrayList<>();
        for (PatchCategory category : PatchCategory.values()) {
            int[] c = byCategory.getOrDefault(category, new int[4]);
            accuracy.add(new Accuracy(category, c[0], c[1], c[2], c[3]));
        }
        List<Handling> departments = new ArrayList<>();
        byDepartment.forEach((department, h) -> departments.add(new Handling(department, h[0], h[1], h[2], h[3], h[4], h[5])));
        return new Evaluation(task.code(), today, accuracy, new Accuracy(null, total[0], total[1], total[2], total[3]), departments);
    }

    /** How often each patch of the task was returned for re-verification. */
    private Map<Long, Integer> returns(MonitoringTask task) {
        Map<Long, Integer> returns = new TreeMap<>();
        store.jdbc().sql("SELECT a.entity_id, COUNT(*) AS n FROM audit_event a JOIN change_patch p ON p.id = a.entity_id "
                        + "WHERE a.entity_kind = 'PATCH' AND a.action = 'return' AND p.task_id = :task GROUP BY a.entity_id")
                .param("task", task.id()).query((row, n) -> returns.put(row.getLong(1), row.getInt(2))).list();
        return returns;
    }
}
