package org.terrawatch.cycle.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The wording of each kind of report ({@code <data-dir>/reports.yml}, editable by the bureau): its title and the
 * opening paragraph, with placeholders {@code {period}}, {@code {from}}, {@code {to}}, {@code {patches}}, {@code {alerts}},
 * {@code {orders}} filled in; and the bureau's Word template the DOCX is written into, if it has one.
 *
 * @param folder where the Word templates' paths are taken from (the data directory)
 */
public record ReportTemplates(Map<ReportPeriod.Kind, Template> kinds, Path folder) {

    /**
     * One kind's wording.
     *
     * @param docx the Word template (DOCX) the report is written into, relative to the data directory, or null
     */
    public record Template(String title, String intro, String docx) {
    }

    public static final ReportTemplates DEFAULTS = new ReportTemplates(Map.of(
            ReportPeriod.Kind.WEEKLY, new Template("自然资源即时监测周报（{period}）",
                    "本周（{from} 至 {to}）高点视频共推送预警 {alerts} 条，派发工单 {orders} 件；即时监测新增变化图斑 {patches} 个。", null),
            ReportPeriod.Kind.MONTHLY, new Template("自然资源动态监测月报（{period}）",
                    "{period} 月度卫星遥感监测（前时相 {before}，后时相 {after}）共提取变化图斑 {patches} 个，经内业初核后按类别推送相关科室核查。", null),
            ReportPeriod.Kind.QUARTERLY, new Template("自然资源动态监测季度报告（{period}）",
                    "{period} 季度卫星遥感监测（前时相 {before}，后时相 {after}）共提取变化图斑 {patches} 个。", null)), null);

    public Template of(ReportPeriod.Kind kind) {
        Template configured = kinds == null ? null : kinds.get(kind);
        if (configured == null) {
            return DEFAULTS.kinds().get(kind);
        }
        Template defaults = DEFAULTS.kinds().get(kind);
        return new Template(configured.title() == null ? defaults.title() : configured.title(),
                configured.intro() == null ? defaults.intro() : configured.intro(), configured.docx());
    }

    /**
     * The Word template of a kind of report, or null when it has none.
     *
     * @throws IOException when the template named cannot be read: the report fails with its name rather than being
     *                     written without it
     */
    public byte[] word(ReportPeriod.Kind kind) throws IOException {
        String docx = of(kind).docx();
        if (docx == null || docx.isBlank()) {
            return null;
        }
        Path file = folder == null ? Path.of(docx) : folder.resolve(docx);
        if (!Files.isRegularFile(file)) {
            throw new IOException("The Word template " + docx + " that reports.yml names for " + kind + " reports is not in " + file.getParent());
        }
        return Files.readAllBytes(file);
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
