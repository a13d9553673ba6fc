package org.terrawatch.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.SubmissionRegister;

/**
 * The yearly scoring of the command centre's member units (the Hongsipu plan, 六(三)), computed from what the store
 * recorded and when: work orders dispatched to a unit in the year (signed for within {@link ScoringRules#acceptWithin()},
 * reported by their deadline, overdue, returned — from the audit trail), patches pushed to it in the year (verified
 * by the verification day, overdue, returned), and its monthly hand-ins of management data (missed, late; counted from
 * the first month the register has a hand-in for, when it began). Each score
 * comes with its breakdown: every item's count, points each and subtotal.
 */
public final class YearlyScoring {

    /** One line of a breakdown. */
    public record Item(String item, String title, long count, double pointsEach, double points) {
    }

    /** A unit's score and why. */
    public record Score(String department, double score, List<Item> items) {
    }

    private final SpatialStore store;
    private final SubmissionRegister register;

    public YearlyScoring(SpatialStore store, SubmissionRegister register) {
        this.store = Objects.requireNonNull(store, "store");
        this.register = Objects.requireNonNull(register, "register");
    }

    /** The scores of the year's units, best first. */
    public List<Score> of(Year year, ScoringRules rules, Deadlines deadlines, Instant now) {
        Instant from = year.atDay(1).atStartOfDay(Deadlines.CHINA).toInstant();
        Instant to = year.plusYears(1).atDay(1).atStartOfDay(Deadlines.CHINA).toInstant();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        orders(from, to, rules, now, counts);
        patches(from, to, now, counts);
        submissions(year, deadlines, now, counts);
        List<Score> scores = new ArrayList<>();
        counts.forEach((department, facts) -> {
            List<Item> items = new ArrayList<>();
            double score = rules.base();
            for (Map.Entry<String, String> item : ScoringRules.ITEMS.entrySet()) {
                long count = facts.getOrDefault(item.getKey(), 0L);
                double each = rules.pointsFor(item.getKey());
                items.add(new Item(item.getKey(), item.getValue(), count, each, count * each));
                score += count * each;
            }
            scores.add(new Score(department, score, items));
        });
        scores.sort(Comparator.comparingDouble(Score::score).reversed().thenComparing(Score::department));
        return scores;
    }

    private void orders(Instant from, Instant to, ScoringRules rules, Instant now, Map<String, Map<String, Long>> counts) {
        String firstOf = "SELECT MIN(a.occurred_at) FROM audit_event a WHERE a.entity_kind = 'WORK_ORDER' AND a.entity_id = w.id AND a.action = ";
        store.jdbc().sql("SELECT w.department_code, w.created_at, w.deadline, (" + firstOf + "'accept') AS accepted_at, (" + firstOf
                        + "'report') AS reported_at, (SELECT COUNT(*) FROM audit_event a WHERE a.entity_kind = 'WORK_ORDER' AND "
                        + "a.entity_id = w.id AND a.action = 'return') AS returns FROM work_order w WHERE w.department_code IS NOT NULL "
                        + "AND w.created_at >= :from AND w.created_at < :to")
                .param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to)).query((row, n) -> {
                    Map<String, Long> facts = counts.computeIfAbsent(row.getString("department_code"), d -> new HashMap<>());
                    Instant created = Rows.instant(row, "created_at");
                    Instant deadline = Rows.instant(row, "deadline");
                    Instant accepted = Rows.instant(row, "accepted_at");
                    Instant reported = Rows.instant(row, "reported_at");
                    if (accepted != null && !accepted.isAfter(created.plus(rules.acceptWithin()))) {
                        add(facts, "order-accepted-on-time", 1);
                    }
                    if (reported != null && !reported.isAfter(deadline)) {
                        add(facts, "order-feedback-on-time", 1);
                    } else if (reported != null || now.isAfter(deadline)) {
                        add(facts, "order-overdue", 1);
                    }
                    add(facts, "order-returned", row.getLong("returns"));
                    return null;
                }).list();
    }

    private void patches(Instant from, Instant to, Instant now, Map<String, Map<String, Long>> counts) {
        LocalDate today = now.atZone(Deadlines.CHINA).toLocalDate();
        store.jdbc().sql("SELECT p.responsible_department, p.verification_due, p.verified_at, (SELECT COUNT(*) FROM audit_event a WHERE "
                        + "a.entity_kind = 'PATCH' AND a.entity_id = p.id AND a.action = 'return') AS returns FROM change_patch p "
                        + "WHERE p.responsible_department IS NOT NULL AND p.pushed_at >= :from AND p.pushed_at < :to")
                .param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to)).query((row, n) -> {
                    Map<String, Long> facts = counts.computeIfAbsent(row.getString("responsible_department"), d -> new HashMap<>());
                    LocalDate due = Rows.date(row, "verification_due");
                    Instant verified = Rows.instant(row, "verified_at");
                    if (verified != null && (due == null || !verified.isAfter(Deadlines.endOf(due)))) {
                        add(facts, "patch-verified-on-time", 1);
                    } else if (due != null && (verified != null || due.isBefore(today))) {
                        add(facts, "patch-verification-overdue", 1);
                    }
                    add(facts, "patch-returned", row.getLong("returns"));
                    return null;
                }).list();
    }

    /** The months whose hand-ins were due by now, from the first month the register has a hand-in for (it began then). */
    private void submissions(Year year, Deadlines deadlines, Instant now, Map<String, Map<String, Long>> counts) {
        String first = store.jdbc().sql("SELECT MIN(for_month) FROM submission").query(String.class).optional().orElse(null);
        if (first == null) {
            return;
        }
        for (int m = 1; m <= 12; m++) {
            YearMonth month = year.atMonth(m);
            if (month.isBefore(YearMonth.parse(first))) {
                continue;
            }
            if (Deadlines.endOf(deadlines.submissionDue(month)).isAfter(now)) {
                break;
            }
            for (SubmissionRegister.Line line : register.of(month, deadlines, now).lines()) {
                Map<String, Long> facts = counts.computeIfAbsent(line.department(), d -> new HashMap<>());
                if (line.status() == SubmissionRegister.Status.OVERDUE) {
                    add(facts, "submission-missed", 1);
                } else if (line.status() == SubmissionRegister.Status.LATE) {
                    add(facts, "submission-late", 1);
                }
            }
        }
    }

    private static void add(Map<String, Long> facts, String item, long count) {
        if (count != 0) {
            facts.merge(item, count, Long::sum);
        }
    }
}
