package org.terrawatch.app.forms;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.terrawatch.monitoring.Labels;
import org.terrawatch.monitoring.admin.AdminUnit;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.attachment.Attachment;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.organisation.Department;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.WorkingGroup;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.monitoring.workflow.WorkOrderWorkflow;
import org.terrawatch.monitoring.workorder.Feedback;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.reports.PrintedForm;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert work-order form of the command centre (the plan's annex 2, 预警信息处置办理工单): the order and its
 * dispatch, the alert (or the patch) it is about with the pre-judgement's facts, its course (dispatch, acceptance, calls,
 * reports, review, close — who and when), the field reports, the alert's snapshot, a map of the place drawn by our own
 * WMS and the reports' photos, and the sign-off fields. Times are China time; positions CGCS2000.
 */
public final class WorkOrderForm {

    /** How many photos of the reports are printed (the newest last); the rest are in the system. */
    private static final int PHOTOS = 4;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> FACTS = Map.ofEntries(Map.entry("county", "所在区县"), Map.entry("township", "所在乡镇"),
            Map.entry("village", "所在村"), Map.entry("on_farmland", "位于耕地"), Map.entry("on_basic_farmland", "位于永久基本农田"),
            Map.entry("in_ecological_redline", "位于生态保护红线"), Map.entry("in_approved_land", "位于批供用地"),
            Map.entry("in_mining_licence", "位于采矿权范围"), Map.entry("mining_licence", "采矿许可证"),
            Map.entry("mining_licence_holder", "采矿权人"));
    private static final Map<String, String> ACTIONS = Map.of("dispatch", "派发", "CALL", "电话报告", "FEEDBACK", "处置反馈", "update", "修改");

    /** Draws the map of a place for the form (through the WMS, under the reader's rules), or says why it cannot. */
    @FunctionalInterface
    public interface PlaceMap {
        /** @return the PNG, or empty with the reason in {@code why} */
        Optional<byte[]> draw(double longitude, double latitude, StringBuilder why);
    }

    private final WorkOrderRepository orders;
    private final AlertRepository alerts;
    private final PatchRepository patches;
    private final CameraRepository cameras;
    private final OrganisationRepository organisation;
    private final AdminUnitRepository units;
    private final AuditLog audit;
    private final AttachmentStore attachments;
    private final Clock clock;

    public WorkOrderForm(SpatialStore store, AttachmentStore attachments, Clock clock) {
        this.orders = new WorkOrderRepository(store);
        this.alerts = new AlertRepository(store);
        this.patches = new PatchRepository(store);
        this.cameras = new CameraRepository(store);
        this.organisation = new OrganisationRepository(store);
        this.units = new AdminUnitRepository(store);
        this.audit = new AuditLog(store);
        this.attachments = attachments;
        this.clock = clock;
    }

    /** The form of the order, printed by {@code printedBy}; empty when there is no such order. */
    public Optional<PrintedForm> of(long workOrderId, String printedBy, PlaceMap map) {
        Optional<WorkOrder> found = orders.find(workOrderId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WorkOrder order = found.get();
        List<AuditEvent> history = audit.history(WorkOrderEditor.KIND, order.id());
        List<PrintedForm.Section> sections = new ArrayList<>();
        sections.add(new PrintedForm.Section("工单信息", List.of(
                field("工单编号", order.code()), field("事项", order.title()), field("来源", Labels.zh(order.source())),
                field("派发时间", time(order.createdAt())), field("派发人", order.createdBy()),
                field("工作组", group(order.workingGroupCode())), field("责任单位", department(order.departmentCode())),
                field("属地乡镇", unit(order.townshipCode())), field("办理期限", time(order.deadline())),
                field("签收时间", history.stream().filter(e -> e.action().equals("accept")).findFirst().map(e -> time(e.occurredAt()))
                        .orElse("未签收")),
                field("当前状态", Labels.zh(order.state())), field("办结时间", time(order.closedAt())),
                field("处置要求", order.description()))));
        List<PrintedForm.Figure> figures = new ArrayList<>();
        double[] place = null;
        if (order.alertId() != null) {
            Optional<Alert> alert = alerts.find(order.alertId());
            if (alert.isPresent()) {
                place = new double[] {alert.get().position().getX(), alert.get().position().getY()};
                sections.add(alertSection(alert.get()));
                sections.add(factsSection(alert.get()));
                figures.add(snapshot(alert.get()));
            }
        }
        if (order.patchId() != null) {
            Optional<ChangePatch> patch = patches.find(order.patchId());
            if (patch.isPresent()) {
                place = new double[] {patch.get().centroid().getX(), patch.get().centroid().getY()};
                sections.add(new PrintedForm.Section("图斑信息", List.of(field("图斑编号", patch.get().code()),
                        field("类别", patch.get().category() == null ? null : Labels.zh(patch.get().category())),
                        field("前时相 / 后时相", patch.get().beforeDate() + " / " + patch.get().afterDate()),
                        field("面积", String.format(Locale.ROOT, "%.1f 平方米（%.2f 亩）", patch.get().area().squareMetres(), patch.get().area().mu())))));
            }
        }
        sections.add(new PrintedForm.Section("办理经过", history.isEmpty() ? List.of(field("记录", "无")) : history.stream().map(this::step).toList()));
        List<Feedback> reports = orders.feedback(order.id());
        List<PrintedForm.Field> feedback = new ArrayList<>();
        List<PrintedForm.Figure> photos = new ArrayList<>();
        for (Feedback report : reports) {
            String where = report.position() == null ? "" : String.format(Locale.ROOT, "\n位置：%.6f, %.6f", report.position().getX(),
                    report.position().getY());
            feedback.add(field(time(report.createdAt()) + " " + report.author() + (report.departmentCode() == null ? ""
                    : "（" + department(report.departmentCode()) + "）"), report.body() + (report.outcome() == null ? "" : "\n结果：" + report.outcome())
                    + where));
            for (Attachment photo : attachments.of("FEEDBACK", report.id())) {
                photos.add(new PrintedForm.Figure("现场照片 " + time(photo.takenAt() == null ? photo.uploadedAt() : photo.takenAt()), read(photo)));
            }
        }
        sections.add(new PrintedForm.Section("处置反馈", feedback.isEmpty() ? List.of(field("反馈", "尚无反馈")) : feedback));
        if (place != null) {
            StringBuilder why = new StringBuilder();
            Optional<byte[]> drawn = map.draw(place[0], place[1], why);
            figures.add(new PrintedForm.Figure(drawn.isPresent()
                    ? String.format(Locale.ROOT, "位置图（%.6f, %.6f，CGCS2000）", place[0], place[1]) : "位置图无法绘制：" + why, drawn.orElse(null)));
        }
        figures.addAll(photos.subList(Math.max(0, photos.size() - PHOTOS), photos.size()));
        return Optional.of(new PrintedForm("预警信息处置办理工单", "工单编号 " + order.code() + " · " + printedBy + " 打印于 " + time(clock.instant()),
                sections, figures, List.of("承办单位签收", "处置责任人", "值班员审核意见", "指挥中心负责人")));
    }

    private PrintedForm.Section alertSection(Alert alert) {
        String camera = cameras.find(alert.cameraId()).map(c -> c.code() + " " + c.name()).orElse(null);
        return new PrintedForm.Section("预警信息", List.of(field("预警编号", alert.externalId()), field("预警类型", Labels.zh(alert.type())),
                field("摄像头", camera), field("发现时间", time(alert.detectedAt())), field("接收时间", time(alert.receivedAt())),
                field("位置", String.format(Locale.ROOT, "%.6f, %.6f（CGCS2000）", alert.position().getX(), alert.position().getY())),
                field("置信度", alert.confidence() == null ? null : String.format(Locale.ROOT, "%.0f%%", alert.confidence() * 100)),
                field("研判结果", Labels.zh(alert.screening()) + (alert.screenedBy() == null ? "" : "（" + alert.screenedBy() + "，"
                        + time(alert.screenedAt()) + "）") + (alert.screeningNote() == null ? "" : "\n" + alert.screeningNote()))));
    }

    private PrintedForm.Section factsSection(Alert alert) {
        List<PrintedForm.Field> facts = new ArrayList<>();
        alerts.priority(alert.id()).ifPresent(priority -> facts.add(field("优先级", priority + " 级")));
        alerts.facts(alert.id()).map(JSON::readTree).ifPresent(json -> json.properties().forEach(fact -> facts.add(field(
                FACTS.getOrDefault(fact.getKey(), fact.getKey()), value(fact.getValue())))));
        return new PrintedForm.Section("自动研判", facts.isEmpty() ? List.of(field("研判", "无")) : facts);
    }

    private PrintedForm.Figure snapshot(Alert alert) {
        List<Attachment> snapshots = attachments.of(AlertIntake.SNAPSHOT, alert.id());
        return snapshots.isEmpty() ? new PrintedForm.Figure("预警截图：无", null) : new PrintedForm.Figure("预警截图 " + time(alert.detectedAt()),
                read(snapshots.get(0)));
    }

    private PrintedForm.Field step(AuditEvent event) {
        String action = WorkOrderWorkflow.WORKFLOW.transitions().stream().filter(t -> t.name().equals(event.action())).map(t -> t.label())
                .findFirst().orElse(ACTIONS.getOrDefault(event.action(), event.action()));
        String detail = event.action().equals("CALL") ? "致 " + event.after().get("to") + "：" + event.after().get("note") : "";
        return field(time(event.occurredAt()), action + " · " + event.actor() + " · " + event.channel() + (detail.isEmpty() ? "" : "\n" + detail));
    }

    private byte[] read(Attachment attachment) {
        try {
            return Files.readAllBytes(attachments.contentOf(attachment));
        } catch (java.io.IOException e) {
            return null; // the caption still prints; the file is missing from the attachment folder
        }
    }

    private String group(String code) {
        return code == null ? null : organisation.workingGroups().stream().filter(g -> g.code().equals(code)).map(WorkingGroup::name).findFirst()
                .orElse(code);
    }

    private String department(String code) {
        return code == null ? null : organisation.department(code).map(Department::name).orElse(code);
    }

    private String unit(String code) {
        return code == null ? null : units.find(code).map(AdminUnit::name).orElse(code);
    }

    private static String value(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "是" : "否";
        }
        return value.isNull() ? "" : value.asString();
    }

    private static String time(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    private static PrintedForm.Field field(String label, String value) {
        return new PrintedForm.Field(label, value);
    }
}
