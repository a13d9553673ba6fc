package org.terrawatch.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.AlertTriage;
import org.terrawatch.monitoring.alert.Incident;
import org.terrawatch.monitoring.alert.IncidentRepository;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.calendar.DeadlineKind;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraKind;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.workorder.Feedback;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.monitoring.workorder.WorkOrderSource;
import org.terrawatch.monitoring.workorder.WorkOrderState;
import org.terrawatch.monitoring.Labels;

/**
 * The video side: 31 high-point and 7 checkpoint cameras (the Hongsipu centre's numbers), a month of AI
 * alerts screened by the duty officers, and the work orders dispatched for the confirmed ones, with
 * feedback on the closed ones.
 */
final class DemoVideo {

    private static final AlertType[] TYPES = {
            AlertType.FIRE_SMOKE, AlertType.FIRE_SMOKE, AlertType.EXCAVATOR, AlertType.EXCAVATOR, AlertType.EXCAVATOR,
            AlertType.FARMLAND_DAMAGE, AlertType.GRAZING, AlertType.STRAW_BURNING, AlertType.DUST, AlertType.DUMPING,
            AlertType.LANDSLIDE};

    private final SplittableRandom random;
    private final DemoArea area;
    private final AdminUnitRepository units;
    private final Deadlines deadlines;

    DemoVideo(SplittableRandom random, DemoArea area, AdminUnitRepository units, Deadlines deadlines) {
        this.random = random;
        this.area = area;
        this.units = units;
        this.deadlines = deadlines;
    }

    List<Camera> cameras(CameraRepository cameras, Instant now) {
        List<Camera> added = new ArrayList<>();
        for (int i = 1; i <= 38; i++) {
            boolean highPoint = i <= 31;
            Point at = Shapes.pointIn(random, area.outline());
            AdminLocation location = units.locate(at);
            double bearing = random.nextDouble(360);
            Polygon coverage = Shapes.sector(at.getX(), at.getY(), bearing, bearing + (highPoint ? 120 : 60), highPoint ? 3000 + random.nextDouble(2000) : 300);
            String name = (location.townshipName() == null ? "阳泉" : location.townshipName()) + (highPoint ? "高点" : "卡口") + String.format("%02d", i);
            added.add(cameras.add(new Camera(0, String.format("YQ-%s-%02d", highPoint ? "GD" : "KK", i), name,
                    highPoint ? CameraKind.HIGH_POINT : CameraKind.CHECKPOINT, location.townshipCode(), at,
                    highPoint ? 30.0 + random.nextInt(40) : 6.0, coverage, i % 13 != 0, now.minusSeconds(random.nextInt(600)))));
        }
        return added;
    }

    /** Alerts of the 30 days before the reference day, judged and grouped into incidents, screened, with their work orders. */
    int alerts(List<Camera> cameras, AlertRepository alerts, AlertTriage triage, IncidentRepository incidents, WorkOrderRepository orders,
               LocalDate today) {
        Instant end = Deadlines.endOf(today.minusDays(1));
        int dispatched = 0;
        for (int i = 1; i <= 160; i++) {
            Camera camera = cameras.get(random.nextInt(cameras.size()));
            AlertType type = TYPES[random.nextInt(TYPES.length)];
            Instant detected = end.minusSeconds(random.nextLong(30L * 86_400));
            Point at = camera.coverage() == null ? camera.position() : Shapes.pointIn(random, camera.coverage());
            Alert alert = alerts.receive(Alert.received(String.format("YQAI-%s-%05d", today.getYear(), i), camera.id(), type,
                    detected, detected.plusSeconds(2 + random.nextInt(20)), at, null, 0.55 + random.nextDouble(0.44),
                    camera.townshipCode()));
            Incident incident = triage.triage(alert, units.locate(at));
            boolean recent = detected.isAfter(end.minusSeconds(2 * 86_400));
            if (recent && random.nextDouble() < 0.5) {
                continue; // still waiting for a duty officer
            }
            Instant screenedAt = detected.plusSeconds(300 + random.nextInt(3600));
            boolean confirmed = random.nextDouble() < 0.6;
            alert = alerts.screen(alert.id(), alert.version(), confirmed ? Screening.CONFIRMED : Screening.FALSE_ALARM, "duty",
                    confirmed ? "经视频复核确认" : "误报：云影/车辆灯光", screenedAt);
            incidents.screen(incident.id(), alert.screening());
            if (confirmed) {
                dispatch(alert, orders, screenedAt, end);
                dispatched++;
            }
        }
        return dispatched;
    }

    private void dispatch(Alert alert, WorkOrderRepository orders, Instant at, Instant end) {
        DeadlineKind rule = alert.type() == AlertType.LANDSLIDE ? DeadlineKind.GEOHAZARD_ON_SITE : DeadlineKind.VIDEO_VERIFICATION;
        WorkOrder order = orders.dispatch(WorkOrder.toDispatch(WorkOrderSource.ALERT, alert.id(), null,
                Labels.zh(alert.type()) + "预警核查", "视频预警 " + alert.externalId() + "，请尽快到现场核实处置",
                DemoOrganisation.ALERT_GROUP.get(alert.type()), null, alert.townshipCode(), deadlines.due(rule, at), "duty"), at);
        long ageDays = (end.getEpochSecond() - at.getEpochSecond()) / 86_400;
        if (ageDays < 1) {
            return;
        }
        order = orders.changeState(order.id(), order.version(), WorkOrderState.ACCEPTED, at.plusSeconds(1800));
        if (ageDays < 3) {
            return;
        }
        Instant reported = at.plusSeconds(86_400L + random.nextInt(2 * 86_400));
        orders.addFeedback(new Feedback(0, order.id(), "field", DemoOrganisation.ENFORCEMENT,
                "已到现场核实，" + (random.nextBoolean() ? "责令停止违法行为" : "现场已处置完毕"), "STOPPED", alert.position(), reported));
        order = orders.changeState(order.id(), order.version(), WorkOrderState.FEEDBACK_SUBMITTED, reported);
        if (ageDays >= 6 || random.nextBoolean()) {
            orders.changeState(order.id(), order.version(), WorkOrderState.CLOSED, reported.plusSeconds(7200));
        }
    }
}
