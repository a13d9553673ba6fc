package org.terrawatch.cycle.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.cycle.MonthlyEvaluation;
import org.terrawatch.monitoring.Labels;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.admin.Jurisdiction;
import org.terrawatch.reports.document.Charts;
import org.terrawatch.reports.document.ReportDocument;
import org.terrawatch.reports.document.ReportDocument.Block;
import org.terrawatch.reports.document.ReportDocument.Figure;
import org.terrawatch.reports.document.ReportDocument.Heading;
import org.terrawatch.reports.document.ReportDocument.Sheet;
import org.terrawatch.reports.document.ReportDocument.Table;
import org.terrawatch.reports.document.ReportDocument.Text;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/**
 * What a report says (city rules, article 20), from the store: for a month or a quarter, its task's imagery, the patches
 * by category, county and township (tables and charts), the overview map and the largest patches on their before and
 * after imagery, the quality evaluation (article 15), and the patch list as a workbook; for a week, the video alerts by
 * type and screening, the work orders dispatched, closed and overdue, and the map of the week. The figures it prints are
 * returned too, so that the API and the documents say the same.
 */
public final class ReportContent {

    static final int SIGNIFICANT = 3;
    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Deadlines.CHINA);

    /** The document and the figures in it. */
    public record Built(ReportDocument document, Map<String, Object> figures) {
    }

    /** Progress while it builds, 0–100. */
    @FunctionalInterface
    public interface Progress {
        void report(int percent, String message);
    }

    private final SpatialStore store;
    private final ReportMaps maps;
    private final Charts charts;
    private final ReportTemplates templates;

    public ReportContent(SpatialStore store, ReportMaps maps, Charts charts, ReportTemplates templates) {
        this.store = Objects.requireNonNull(store, "store");
        this.maps = Objects.requireNonNull(maps, "maps");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** The wording and Word templates the reports are made with. */
    public ReportTemplates templates() {
        return templates;
    }

    /** @throws IllegalArgumentException when a monthly or quarterly period has no task */
    public Built build(ReportPeriod period, String requestedBy, Instant now, Progress progress) {
        String reference = "TerraWatch · " + requestedBy + " · " + MINUTE.format(now) + " · 内部资料 注意保密";
        return period.kind() == ReportPeriod.Kind.WEEKLY ? weekly(period, reference, progress) : task(period, reference, now, progress);
    }

    private Built task(ReportPeriod period, String reference, Instant now, Progress progress) {
        MonitoringTask task = new MonitoringTaskRepository(store).findByCode(period.taskCode())
                .orElseThrow(() -> new IllegalArgumentException("No monitoring task " + period.taskCode() + " for the report of " + period.label()));
        ImageryEpochRepository epochs = new ImageryEpochRepository(store);
        ImageryEpoch before = task.beforeEpochId() == null ? null : epochs.find(task.beforeEpochId()).orElse(null);
        ImageryEpoch after = task.afterEpochId() == null ? null : epochs.find(task.afterEpochId()).orElse(null);
        List<ChangePatch> patches = new PatchRepository(store).query(PatchQuery.all().ofTask(task.id()));
        progress.report(10, "Counted " + patches.size() + " patches");
        Map<PatchCategory, double[]> byCategory = new LinkedHashMap<>();
        for (PatchCategory category : PatchCategory.values()) {
            byCategory.put(category, new double[3]);
        }
        Map<String, double[]> byCounty = new TreeMap<>();
        Map<String, double[]> byTownship = new TreeMap<>();
        for (ChangePatch patch : patches) {
            for (double[] sums : List.of(byCategory.get(patch.changeType().category()),
                    byCounty.computeIfAbsent(name(patch.location().countyName()), k -> new double[3]),
                    byTownship.computeIfAbsent(name(patch.location().countyName()) + " " + name(patch.location().townshipName()), k -> new double[3]))) {
                sums[0]++;
                sums[1] += patch.area().squareMetres();
                sums[2] += patch.area().mu();
            }
        }
        MonthlyEvaluation.Evaluation evaluation = new MonthlyEvaluation(store).of(task, now);
        Map<String, String> departments = new LinkedHashMap<>();
        new OrganisationRepository(store).departments().forEach(d -> departments.put(d.code(), d.name()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("task", task.code());
        figures.put("patches", patches.size());
        Map<String, Object> categories = new LinkedHashMap<>();
        byCategory.forEach((category, sums) -> categories.put(category.name(), Map.of("patches", (long) sums[0], "area_m2", round(sums[1]),
                "area_mu", round(sums[2]))));
        figures.put("by_category", categories);
        Map<String, Object> counties = new LinkedHashMap<>();
        byCounty.forEach((county, sums) -> counties.put(county, (long) sums[0]));
        figures.put("by_county", counties);
        figures.put("accuracy_percent", evaluation.total().percent());
        figures.put("pushed", evaluation.total().pushed());
        figures.put("confirmed_real", evaluation.total().real());

        ReportTemplates.Template template = templates.of(period.kind());
        Map<String, String> values = Map.of("period", period.label(), "from", period.from().toString(), "to", period.to().toString(),
                "patches", Integer.toString(patches.size()), "before", before == null ? "未登记" : before.name() + "（" + before.acquiredOn() + "）",
                "after", after == null ? "未登记" : after.name() + "（" + after.acquiredOn() + "）", "alerts", "", "orders", "");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、监测概况", 1));
        blocks.add(new Text(ReportTemplates.fill(template.intro(), values)));
        blocks.add(new Text(String.format(Locale.ROOT, "已推送 %d 个，经核查确认为真实变化 %d 个，图斑准确率 %s。", evaluation.total().pushed(),
                evaluation.total().real(), evaluation.total().percent() == null ? "—" : evaluation.total().percent() + "%")));
        Envelope extent = extent(patches);
        progress.report(20, "Drawing the overview map");
        blocks.add(new Figure("图1 " + period.label() + " 监测图斑分布图", maps.overview(extent, 1200, height(extent, 1200),
                task.period().start(), task.period().end()), 1));

        blocks.add(new Heading("二、图斑统计", 1));
        List<List<String>> categoryRows = new ArrayList<>();
        Map<String, Number> categoryChart = new LinkedHashMap<>();
        byCategory.forEach((category, sums) -> {
            categoryRows.add(List.of(Labels.zh(category), Long.toString((long) sums[0]), format(sums[1]), format(sums[2])));
            categoryChart.put(Labels.zh(category), (long) sums[0]);
        });
        categoryRows.add(List.of("合计", Integer.toString(patches.size()), format(sum(byCategory.values(), 1)), format(sum(byCategory.values(), 2))));
        blocks.add(new Table("表1 图斑分类统计", List.of("类别", "图斑数（个）", "面积（平方米）", "面积（亩）"), categoryRows));
        progress.report(40, "Drawing the charts");
        blocks.add(new Figure("图2 图斑分类统计", charts.bars("图斑分类统计", "图斑数（个）", Map.of("图斑数", categoryChart), 900, 420), 0.85));
        blocks.add(new Table("表2 图斑县区统计", List.of("县区", "图斑数（个）", "面积（平方米）", "面积（亩）"), rows(byCounty)));
        blocks.add(new Table("表3 图斑乡镇统计", List.of("乡镇", "图斑数（个）", "面积（平方米）", "面积（亩）"), rows(byTownship)));

        blocks.add(new Heading("三、重点图斑", 1));
        List<ChangePatch> largest = patches.stream().sorted(Comparator.comparingDouble((ChangePatch p) -> p.area().squareMetres()).reversed())
                .limit(SIGNIFICANT).toList();
        int figure = 3;
        for (ChangePatch patch : largest) {
            progress.report(50 + 10 * largest.indexOf(patch), "Drawing patch " + patch.code());
            blocks.add(new Text(String.format(Locale.ROOT, "%s：%s，%s %s，面积 %s 平方米（%s 亩），状态：%s。", patch.code(), Labels.zh(patch.changeType()),
                    name(patch.location().countyName()), name(patch.location().townshipName()), format(patch.area().squareMetres()),
                    format(patch.area().mu()), Labels.zh(patch.status()))));
            Envelope around = new Envelope(patch.geometry().getEnvelopeInternal());
            around.expandBy(Math.max(around.getWidth(), around.getHeight()) * 0.6 + 0.0005);
            blocks.add(new Figure("图" + figure++ + " " + patch.code() + " 前时相" + (before == null ? "（未登记）" : "（" + before.acquiredOn() + "）"),
                    before == null ? null : maps.imagery(around, 480, 480, before.acquiredOn()), 0.48));
            blocks.add(new Figure("图" + figure++ + " " + patch.code() + " 后时相" + (after == null ? "（未登记）" : "（" + after.acquiredOn() + "）"),
                    after == null ? null : maps.imagery(around, 480, 480, after.acquiredOn()), 0.48));
        }

        blocks.add(new Heading("四、质量评价", 1));
        List<List<String>> accuracyRows = new ArrayList<>();
        for (MonthlyEvaluation.Accuracy a : evaluation.accuracy()) {
            accuracyRows.add(List.of(Labels.zh(a.category()), Integer.toString(a.pushed()), Integer.toString(a.verified()), Integer.toString(a.real()),
                    Integer.toString(a.notReal()), a.percent() == null ? "—" : a.percent() + "%"));
        }
        MonthlyEvaluation.Accuracy total = evaluation.total();
        accuracyRows.add(List.of("合计", Integer.toString(total.pushed()), Integer.toString(total.verified()), Integer.toString(total.real()),
                Integer.toString(total.notReal()), total.percent() == null ? "—" : total.percent() + "%"));
        blocks.add(new Table("表4 卫星中心图斑准确率", List.of("类别", "推送", "已核查", "真实变化", "非真实变化", "准确率"), accuracyRows));
        List<List<String>> handlingRows = new ArrayList<>();
        Map<String, Number> onTime = new LinkedHashMap<>();
        Map<String, Number> overdue = new LinkedHashMap<>();
        for (MonthlyEvaluation.Handling h : evaluation.departments()) {
            String department = departments.getOrDefault(h.department(), h.department());
            handlingRows.add(List.of(department, Integer.toString(h.pushed()), Integer.toString(h.onTime()), Integer.toString(h.late()),
                    Integer.toString(h.overdue()), Integer.toString(h.open()), Integer.toString(h.returned())));
            onTime.put(department, h.onTime());
            overdue.put(department, h.overdue());
        }
        blocks.add(new Table("表5 各科室处置情况", List.of("科室", "推送", "按时核查", "逾期核查", "逾期未核查", "未到期", "退回"), handlingRows));
        Map<String, Map<String, Number>> handlingChart = new LinkedHashMap<>();
        handlingChart.put("按时核查", onTime);
        handlingChart.put("逾期未核查", overdue);
        blocks.add(new Figure("图" + figure + " 各科室处置情况", charts.bars("各科室处置情况", "图斑数（个）", handlingChart, 900, 420), 0.85));
        progress.report(90, "Writing the documents");

        List<Sheet> sheets = List.of(patchSheet(patches, departments), new Sheet("分类统计", List.of("类别", "图斑数", "面积（平方米）", "面积（亩）"),
                byCategory.entrySet().stream().map(e -> List.<Object>of(Labels.zh(e.getKey()), (long) e.getValue()[0], round(e.getValue()[1]),
                        round(e.getValue()[2]))).toList()), new Sheet("县区统计", List.of("县区", "图斑数", "面积（平方米）", "面积（亩）"),
                byCounty.entrySet().stream().map(e -> List.<Object>of(e.getKey(), (long) e.getValue()[0], round(e.getValue()[1]),
                        round(e.getValue()[2]))).toList()), new Sheet("科室处置", List.of("科室", "推送", "按时核查", "逾期核查", "逾期未核查", "未到期", "退回"),
                evaluation.departments().stream().map(h -> List.<Object>of(departments.getOrDefault(h.department(), h.department()), h.pushed(), h.onTime(), h.late(), h.overdue(), h.open(),
                        h.returned())).toList()));
        return new Built(new ReportDocument(ReportTemplates.fill(template.title(), values), task.code(), reference, blocks, sheets), figures);
    }

    private Built weekly(ReportPeriod period, String reference, Progress progress) {
        Instant from = period.from().atStartOfDay(Deadlines.CHINA).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(Deadlines.CHINA).toInstant();
        Map<AlertType, long[]> alerts = new LinkedHashMap<>();
        for (AlertType type : AlertType.values()) {
            alerts.put(type, new long[Screening.values().length + 1]);
        }
        store.jdbc().sql("SELECT alert_type, screening, COUNT(*) AS n FROM alert WHERE detected_at >= :from AND detected_at < :to "
                        + "GROUP BY alert_type, screening").param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to))
                .query((row, n) -> {
                    long[] counts = alerts.get(AlertType.valueOf(row.getString("alert_type")));
                    counts[Screening.valueOf(row.getString("screening")).ordinal()] += row.getLong("n");
                    counts[Screening.values().length] += row.getLong("n");
                    return null;
                }).list();
        long[] orders = new long[3];
        store.jdbc().sql("SELECT COUNT(*) AS created, SUM(CASE WHEN state = 'CLOSED' THEN 1 ELSE 0 END) AS closed, "
                        + "SUM(CASE WHEN state <> 'CLOSED' AND deadline < :to THEN 1 ELSE 0 END) AS overdue FROM work_order "
                        + "WHERE created_at >= :from AND created_at < :to").param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to))
                .query((row, n) -> {
                    orders[0] = row.getLong("created");
                    orders[1] = row.getLong("closed");
                    orders[2] = row.getLong("overdue");
                    return null;
                }).list();
        long patches = store.jdbc().sql("SELECT COUNT(*) FROM change_patch WHERE created_at >= :from AND created_at < :to")
                .param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to)).query(Long.class).single();
        long alertTotal = alerts.values().stream().mapToLong(c -> c[Screening.values().length]).sum();
        progress.report(30, "Counted " + alertTotal + " alerts");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("week", period.label());
        figures.put("alerts", alertTotal);
        Map<String, Object> byType = new LinkedHashMap<>();
        alerts.forEach((type, counts) -> byType.put(type.name(), counts[Screening.values().length]));
        figures.put("alerts_by_type", byType);
        figures.put("work_orders", orders[0]);
        figures.put("work_orders_closed", orders[1]);
        figures.put("work_orders_overdue", orders[2]);
        figures.put("patches", patches);
        ReportTemplates.Template template = templates.of(period.kind());
        Map<String, String> values = Map.of("period", period.label(), "from", period.from().toString(), "to", period.to().toString(),
                "patches", Long.toString(patches), "alerts", Long.toString(alertTotal), "orders", Long.toString(orders[0]), "before", "", "after", "");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、本周概况", 1));
        blocks.add(new Text(ReportTemplates.fill(template.intro(), values)));
        blocks.add(new Text("本周派发工单 " + orders[0] + " 件，已办结 " + orders[1] + " 件，逾期未办结 " + orders[2] + " 件。"));
        Jurisdiction jurisdiction = Jurisdiction.of(store);
        Envelope extent = jurisdiction.extent() == null ? new Envelope(113, 114.5, 37.5, 38.5) : jurisdiction.extent();
        progress.report(50, "Drawing the map of the week");
        blocks.add(new Figure("图1 本周预警分布图", maps.overview(extent, 1200, height(extent, 1200), period.from(), period.to()), 1));
        blocks.add(new Heading("二、高点视频预警", 1));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Number> chart = new LinkedHashMap<>();
        alerts.forEach((type, counts) -> {
            List<String> row = new ArrayList<>(List.of(Labels.zh(type), Long.toString(counts[Screening.values().length])));
            for (Screening screening : Screening.values()) {
                row.add(Long.toString(counts[screening.ordinal()]));
            }
            rows.add(row);
            chart.put(Labels.zh(type), counts[Screening.values().length]);
        });
        List<String> columns = new ArrayList<>(List.of("预警类型", "预警数"));
        for (Screening screening : Screening.values()) {
            columns.add(Labels.zh(screening));
        }
        blocks.add(new Table("表1 预警分类统计", columns, rows));
        progress.report(70, "Drawing the chart");
        blocks.add(new Figure("图2 预警分类统计", charts.bars("预警分类统计", "预警数（条）", Map.of("预警数", chart), 900, 420), 0.85));
        List<Sheet> sheets = List.of(new Sheet("预警统计", columns, rows.stream().map(r -> List.<Object>copyOf(r)).toList()),
                new Sheet("工单统计", List.of("派发", "办结", "逾期未办结"), List.of(List.of(orders[0], orders[1], orders[2]))));
        return new Built(new ReportDocument(ReportTemplates.fill(template.title(), values), period.from() + " 至 " + period.to(), reference,
                blocks, sheets), figures);
    }

    /** @param departments the departments' names by code */
    private static Sheet patchSheet(List<ChangePatch> patches, Map<String, String> departments) {
        List<List<Object>> rows = new ArrayList<>();
        for (ChangePatch p : patches) {
            List<Object> row = new ArrayList<>();
            row.add(p.code());
            row.add(Labels.zh(p.changeType().category()));
            row.add(Labels.zh(p.changeType()));
            row.add(p.location().countyName());
            row.add(p.location().townshipName());
            row.add(p.location().villageName());
            row.add(round(p.area().squareMetres()));
            row.add(round(p.area().mu()));
            row.add(p.centroid().getX());
            row.add(p.centroid().getY());
            row.add(Labels.zh(p.status()));
            row.add(p.responsibleDepartment() == null ? null : departments.getOrDefault(p.responsibleDepartment(), p.responsibleDepartment()));
            row.add(p.verificationDue() == null ? null : p.verificationDue().toString());
            row.add(p.verification().result() == null ? null : Labels.zh(p.verification().result()));
            rows.add(row);
        }
        return new Sheet("图斑清单", List.of("图斑编号", "类别", "变化类型", "县区", "乡镇", "村", "面积（平方米）", "面积（亩）", "经度", "纬度", "状态",
                "责任科室", "核查期限", "核查结果"), rows);
    }

    private static List<List<String>> rows(Map<String, double[]> sums) {
        List<List<String>> rows = new ArrayList<>();
        sums.forEach((name, s) -> rows.add(List.of(name, Long.toString((long) s[0]), format(s[1]), format(s[2]))));
        return rows;
    }

    private Envelope extent(List<ChangePatch> patches) {
        Envelope extent = Jurisdiction.of(store).extent();
        if (extent == null) {
            extent = new Envelope();
            for (ChangePatch patch : patches) {
                extent.expandToInclude(patch.geometry().getEnvelopeInternal());
            }
        }
        if (extent.isNull()) {
            extent = new Envelope(113, 114.5, 37.5, 38.5);
        }
        return extent;
    }

    private static int height(Envelope lonLat, int width) {
        double ratio = lonLat.getHeight() / Math.max(1e-9, lonLat.getWidth() * Math.cos(Math.toRadians(lonLat.centre().y)));
        return (int) Math.max(200, Math.min(2000, Math.round(width * ratio)));
    }

    private static double sum(Iterable<double[]> values, int index) {
        double sum = 0;
        for (double[] v : values) {
            sum += v[index];
        }
        return sum;
    }

    private static String name(String text) {
        return text == null ? "—" : text;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
