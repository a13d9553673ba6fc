package org.terrawatch.app.duty;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.terrawatch.app.intake.IntakeProperties;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.Labels;
import org.terrawatch.monitoring.Sha256;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.alert.Incident;
import org.terrawatch.monitoring.alert.IncidentRepository;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.DeadlineKind;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.AlertEditor;
import org.terrawatch.monitoring.workflow.FieldValue;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.monitoring.workorder.WorkOrderSource;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The duty desk (值守台) for duty officers and administrators: {@code /api/duty/queue}, the pending incidents first
 * priority first, then the latest first, each with its latest alert, its snapshot and the pre-judgement facts; the
 * screening of an incident ({@code POST /api/duty/incidents/{id}/screening}, through the alert workflow); its dispatch
 * as a work order by the routing rules of {@code intake.yml} ({@code /api/duty/incidents/{id}/dispatch}: GET proposes,
 * POST dispatches, with the deadline of its kind on the working calendar); and
 * {@code /api/duty/events}, the live stream of alerts and incidents as they arrive ({@link DutyStream}).
 */
@RestController
@RequestMapping("/api/duty")
public class DutyDeskController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Role> DESK = Set.of(Role.DUTY_OFFICER, Role.ADMIN);

    private final IncidentRepository incidents;
    private final AlertRepository alerts;
    private final CameraRepository cameras;
    private final DutyStream stream;
    private final AlertEditor editor;
    private final WorkOrderEditor workOrders;
    private final WorkOrderRepository orders;
    private final IntakeProperties intake;
    private final SpatialStore store;
    private final Clock clock;
    private final AlertIntake alertIntake;

    public DutyDeskController(SpatialStore store, DutyStream stream, AlertEditor editor, WorkOrderEditor workOrders, IntakeProperties intake,
                              AlertIntake alertIntake, Clock clock) {
        this.alertIntake = alertIntake;
        this.editor = editor;
        this.workOrders = workOrders;
        this.orders = new WorkOrderRepository(store);
        this.intake = intake;
        this.store = store;
        this.clock = clock;
        this.incidents = new IncidentRepository(store);
        this.alerts = new AlertRepository(store);
        this.cameras = new CameraRepository(store);
        this.stream = stream;
    }

    @GetMapping("/queue")
    public void queue(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atTheDesk(request, response)) {
            return;
        }
        int limit = request.getParameter("limit") == null ? 100 : (int) Numbers.integer(request.getParameter("limit"), "limit", 1, 500);
        ArrayNode queue = JSON.createArrayNode();
        for (Incident incident : incidents.pending(limit)) {
            ObjectNode item = queue.addObject();
            item.put("incident", incident.id());
            item.put("type", incident.type().name());
            item.put("priority", incident.priority());
            cameras.find(incident.cameraId()).ifPresent(camera -> item.put("camera", camera.code()).put("cameraName", camera.name()));
            item.put("firstAt", incident.firstAt().toString());
            item.put("lastAt", incident.lastAt().toString());
            item.put("alerts", incident.alerts());
            item.put("township", incident.townshipCode());
            item.put("longitude", incident.position().getX());
            item.put("latitude", incident.position().getY());
            alerts.ofIncident(incident.id()).stream().findFirst().ifPresent(latest -> describe(item.putObject("latest"), latest, request));
        }
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(queue));
    }

    /**
     * Screens an incident — all its alerts — at once: {@code {"screening": "CONFIRMED" | "FALSE_ALARM" | "PENDING", "note": "..."}};
     * a false alarm's note starts with one of the configured reasons ({@code GET /api/duty/false-alarm-reasons}).
     */
    @PostMapping("/incidents/{id}/screening")
    public void screen(@PathVariable long id, @RequestBody Map<String, Object> body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!atTheDesk(request, response)) {
            return;
        }
        Screening screening = FieldValue.enumValue("Incident " + id, "screening", body.get("screening"), Screening.class);
        if (screening == null) {
            ProtocolErrors.problem(response, 400, "Bad Request", "screening is CONFIRMED, FALSE_ALARM or PENDING", "screening");
            return;
        }
        Incident screened = editor.screenIncident(SignedIn.actor(request), Channel.REST, id, screening, FieldValue.text(body.get("note")));
        ObjectNode json = JSON.createObjectNode();
        json.put("incident", screened.id());
        json.put("screening", screened.screening().name());
        json.put("alerts", screened.alerts());
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(json));
    }

    /** The dispatch the routing rules propose for a confirmed incident: group, department, township, deadline. */
    @GetMapping("/incidents/{id}/dispatch")
    public void proposal(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atTheDesk(request, response)) {
            return;
        }
        Incident incident = incidents.find(id).orElseThrow(() -> new EntityNotFoundException("Incident " + id));
        send(response, 200, dispatchJson(proposal(incident, Map.of(), SignedIn.actor(request))));
    }

    /**
     * Dispatches a confirmed incident as a work order for its latest alert: the routing rules' proposal, changed by what
     * the body names ({@code workingGroup}, {@code department}, {@code township}, {@code description}); 201 with the
     * order. An incident dispatched before is a 409; one not confirmed a 422.
     */
    @PostMapping("/incidents/{id}/dispatch")
    public void dispatch(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        if (!atTheDesk(request, response)) {
            return;
        }
        Incident incident = incidents.find(id).orElseThrow(() -> new EntityNotFoundException("Incident " + id));
        if (incident.screening() != Screening.CONFIRMED) {
            ProtocolErrors.problem(response, 422, "Refused by the workflow", "Incident " + id + " is " + incident.screening()
                    + "; it is dispatched once confirmed", "screening");
            return;
        }
        List<Long> members = alerts.ofIncident(id).stream().map(Alert::id).toList();
        List<WorkOrder> earlier = orders.ofAlerts(members);
        if (!earlier.isEmpty()) {
            ProtocolErrors.problem(response, 409, "Conflict", "Incident " + id + " was dispatched as work order " + earlier.get(0).code(), null);
            return;
        }
        WorkOrder order = workOrders.dispatch(SignedIn.actor(request), Channel.REST, proposal(incident, body == null ? Map.of() : body,
                SignedIn.actor(request)));
        response.setHeader("Location", request.getContextPath() + "/api/work-orders/" + order.id());
        send(response, 201, dispatchJson(order));
    }

    /** The work order the routing rules make of the incident's latest alert, with the desk's changes. */
    private WorkOrder proposal(Incident incident, Map<String, Object> changes, Actor by) {
        Alert latest = alerts.ofIncident(incident.id()).stream().findFirst()
                .orElseThrow(() -> new EntityNotFoundException("Alerts of incident " + incident.id()));
        IntakeProperties.Route route = intake.routing().get(incident.type());
        DeadlineKind kind = route == null ? DeadlineKind.VIDEO_VERIFICATION : route.deadline();
        String group = text(changes, "workingGroup", route == null ? null : route.workingGroup());
        String department = text(changes, "department", route == null ? null : route.department());
        String township = text(changes, "township", incident.townshipCode());
        String camera = cameras.find(incident.cameraId()).map(c -> c.name() + "（" + c.code() + "）").orElse("");
        String description = text(changes, "description", (route == null ? "" : route.domain() + "：") + camera + "于"
                + latest.detectedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime() + "发现" + Labels.zh(incident.type())
                + "，共 " + incident.alerts() + " 次预警（" + latest.externalId() + "），请核实处置并反馈");
        Instant deadline = new Deadlines(new CalendarRepository(store).load()).due(kind, clock.instant());
        return WorkOrder.toDispatch(WorkOrderSource.ALERT, latest.id(), null, Labels.zh(incident.type()) + "预警核查", description, group,
                department, township, deadline, by.username());
    }

    private static String text(Map<String, Object> changes, String name, String fallback) {
        Object value = changes.get(name);
        return value == null ? fallback : FieldValue.text(value);
    }

    private static ObjectNode dispatchJson(WorkOrder order) {
        ObjectNode json = JSON.createObjectNode();
        if (order.id() > 0) {
            json.put("id", order.id());
            json.put("code", order.code());
            json.put("state", order.state().name());
        }
        json.put("title", order.title());
        json.put("description", order.description());
        json.put("workingGroup", order.workingGroupCode());
        json.put("department", order.departmentCode());
        json.put("township", order.townshipCode());
        json.put("deadline", order.deadline().toString());
        json.put("alert", order.alertId());
        return json;
    }

    private static void send(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /**
     * A duty officer's manual alert (人工报警: grazing, straw burning, dust, dumping, work safety seen on the video):
     * {@code camera}, {@code type}, {@code longitude}, {@code latitude}, optional {@code time} and {@code note}. It is
     * judged, grouped and queued like the platform's, and stored as the officer's.
     */
    @PostMapping("/alerts")
    public void manualAlert(@RequestBody Map<String, Object> body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atTheDesk(request, response)) {
            return;
        }
        Actor actor = SignedIn.actor(request);
        String typeName = FieldValue.text(body.get("type"));
        AlertType type = typeName == null ? null : intake.type(typeName).orElse(null);
        if (type == null) {
            ProtocolErrors.problem(response, 400, "Bad Request", "type is one of " + java.util.Arrays.toString(AlertType.values()), "type");
            return;
        }
        double longitude;
        double latitude;
        Instant time;
        try {
            longitude = Numbers.finite(String.valueOf(body.get("longitude")), "longitude");
            latitude = Numbers.finite(String.valueOf(body.get("latitude")), "latitude");
            time = body.get("time") == null ? clock.instant() : java.time.OffsetDateTime.parse(String.valueOf(body.get("time"))).toInstant();
        } catch (OwsException e) {
            ProtocolErrors.problem(response, 400, "Bad Request", e.getMessage(), e.locator());
            return;
        } catch (java.time.format.DateTimeParseException e) {
            ProtocolErrors.problem(response, 400, "Bad Request", "time is an ISO 8601 date-time with its offset", "time");
            return;
        }
        String camera = FieldValue.text(body.get("camera"));
        String externalId = "MANUAL-" + actor.username() + "-" + java.util.UUID.randomUUID();
        Point position = Wkb.factory().createPoint(new Coordinate(longitude, latitude));
        AlertIntake.Received received = alertIntake.receive(new AlertIntake.Submission(externalId, camera == null ? "" : camera, type, "manual",
                time, position, null, null, null, null, null, Sha256.hex(externalId)), actor.username());
        String note = FieldValue.text(body.get("note"));
        if (note != null) {
            editor.update(actor, Channel.REST, received.alert().id(), null, Map.of("screening_note", note));
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("id", received.alert().id());
        json.put("externalId", externalId);
        json.put("type", type.name());
        response.setHeader("Location", request.getContextPath() + "/api/alerts/" + received.alert().id());
        send(response, 201, json);
    }

    /** The open work orders, the earliest deadline first, each marked overdue or due soon: what the desk chases. */
    @GetMapping("/orders")
    public void orders(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atTheDesk(request, response)) {
            return;
        }
        Instant now = clock.instant();
        ArrayNode list = JSON.createArrayNode();
        store.jdbc().sql("SELECT id, code, title, working_group_code, department_code, township_code, state, created_at, deadline, due_soon_at, "
                        + "overdue_at FROM work_order WHERE state <> 'CLOSED' AND deadline IS NOT NULL ORDER BY deadline, id")
                .query((row, n) -> {
                    ObjectNode item = list.addObject();
                    item.put("id", row.getLong("id"));
                    item.put("code", row.getString("code"));
                    item.put("title", row.getString("title"));
                    item.put("workingGroup", row.getString("working_group_code"));
                    item.put("department", row.getString("department_code"));
                    item.put("township", row.getString("township_code"));
                    item.put("state", row.getString("state"));
                    Instant deadline = Rows.instant(row, "deadline");
                    item.put("deadline", deadline.toString());
                    item.put("overdue", deadline.isBefore(now));
                    item.put("dueSoon", Rows.instant(row, "due_soon_at") != null && !deadline.isBefore(now));
                    return item;
                }).list();
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(list));
    }

    @GetMapping("/false-alarm-reasons")
    public java.util.List<String> falseAlarmReasons(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return atTheDesk(request, response) ? editor.falseAlarmReasons().stream().sorted().toList() : null;
    }

    @GetMapping("/events")
    public SseEmitter events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atTheDesk(request, response)) {
            return null;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        return stream.open();
    }

    private void describe(ObjectNode json, Alert alert, HttpServletRequest request) {
        json.put("id", alert.id());
        json.put("externalId", alert.externalId());
        json.put("time", alert.detectedAt().toString());
        if (alert.confidence() != null) {
            json.put("confidence", alert.confidence());
        }
        json.put("snapshot", request.getContextPath() + "/api/alerts/" + alert.id() + "/snapshot");
        alerts.facts(alert.id()).ifPresent(facts -> json.set("facts", JSON.readTree(facts)));
    }

    private static boolean atTheDesk(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = SignedIn.actor(request);
        if (actor == null) {
            ProtocolErrors.send(request, response, 401, "Unauthorized", "Sign in as a duty officer");
            return false;
        }
        if (actor.roles().stream().noneMatch(DESK::contains)) {
            ProtocolErrors.problem(response, 403, "Forbidden", actor.username() + " is not at the duty desk; that needs one of the roles " + DESK);
            return false;
        }
        return true;
    }
}
