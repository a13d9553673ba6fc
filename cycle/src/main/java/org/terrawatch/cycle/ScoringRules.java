package org.terrawatch.cycle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How member units are scored for the year (the Hongsipu plan, 六(三) and annex 1; {@code <data-dir>/scoring.yml}): a
 * base, and points for each counted fact — positive for what is done on time, negative for what is overdue, returned or
 * missed. The facts: {@link #ITEMS}.
 *
 * @param acceptWithin a work order signed for within this long of its dispatch counts as accepted on time
 */
public record ScoringRules(double base, Duration acceptWithin, Map<String, Double> points) {

    /** The counted facts, in the order a breakdown lists them. */
    public static final Map<String, String> ITEMS = items();

    public static final ScoringRules DEFAULTS = new ScoringRules(100, Duration.ofHours(24), Map.of(
            "order-accepted-on-time", 1.0, "order-feedback-on-time", 2.0, "order-overdue", -3.0, "order-returned", -2.0,
            "patch-verified-on-time", 1.0, "patch-verification-overdue", -2.0, "patch-returned", -1.0,
            "submission-missed", -5.0, "submission-late", -2.0));

    public ScoringRules {
        Objects.requireNonNull(acceptWithin, "acceptWithin");
        points = Map.copyOf(points);
        for (String item : points.keySet()) {
            if (!ITEMS.containsKey(item)) {
                throw new IllegalArgumentException("No scoring item " + item + "; the items are " + String.join(", ", ITEMS.keySet()));
            }
        }
    }

    public double pointsFor(String item) {
        return points.getOrDefault(item, 0.0);
    }

    private static Map<String, String> items() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("order-accepted-on-time", "工单按时签收");
        items.put("order-feedback-on-time", "工单按时反馈");
        items.put("order-overdue", "工单逾期");
        items.put("order-returned", "工单被退回");
        items.put("patch-verified-on-time", "卫片图斑按时核查");
        items.put("patch-verification-overdue", "卫片图斑核查逾期");
        items.put("patch-returned", "卫片图斑核查被退回");
        items.put("submission-missed", "管理数据未汇交");
        items.put("submission-late", "管理数据逾期汇交");
        return java.util.Collections.unmodifiableMap(items);
    }
}
