package org.terrawatch.cycle.report;

import java.util.Map;

/**
 * The wording of each kind of report ({@code <data-dir>/reports.yml}, editable by the bureau): its title and the
 * opening paragraph, with placeholders {@code {period}}, {@code {from}}, {@code {to}}, {@code {patches}}, {@code {alerts}},
 * {@code {orders}} filled in.
 */
public record ReportTemplates(Map<ReportPeriod.Kind, Template> kinds) {

    /** One kind's wording. */
    public record Template(String title, String intro) {
    }

    public static final ReportTemplates DEFAULTS = new ReportTemplates(Map.of(
            ReportPeriod.Kind.WEEKLY, new Template("自然资源即时监测周报（{period}）",
                    "本周（{from} 至 {to}）高点视频共推送预警 {alerts} 条，派发工单 {orders} 件；即时监测新增变化图斑 {patches} 个。"),
            ReportPeriod.Kind.MONTHLY, new Template("自然资源动态监测月报（{period}）",
                    "{period} 月度卫星遥感监测（前时相 {before}，后时相 {after}）共提取变化图斑 {patches} 个，经内业初核后按类别推送相关科室核查。"),
            ReportPeriod.Kind.QUARTERLY, new Template("自然资源动态监测季度报告（{period}）",
                    "{period} 季度卫星遥感监测（前时相 {before}，后时相 {after}）共提取变化图斑 {patches} 个。")));

    public Template of(ReportPeriod.Kind kind) {
        Template configured = kinds == null ? null : kinds.get(kind);
        return configured != null ? configured : DEFAULTS.kinds().get(kind);
    }

    /** The text with its placeholders filled in. */
    static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
