package org.terrawatch.app.duty;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.Incident;
import org.terrawatch.monitoring.alert.IncidentRepository;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.AlertEditor;
import org.terrawatch.monitoring.workflow.FieldValue;
import org.terrawatch.ows.Numbers;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The duty desk (值守台) for duty officers and administrators: {@code /api/duty/queue}, the pending incidents first
 * priority first, then the latest first, each with its latest alert, its snapshot and the pre-judgement facts; the
 * screening of an incident ({@code POST /api/duty/incidents/{id}/screening}, through the alert workflow); and
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

    public DutyDeskController(SpatialStore store, DutyStream stream, AlertEditor editor) {
        this.editor = editor;
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
