package org.terrawatch.app.intake;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.RecordReads;
import org.terrawatch.app.security.ApiKeys;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.alert.IntakeRefused;
import org.terrawatch.monitoring.attachment.Attachment;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ows.OutboundFetch;
import org.terrawatch.ows.OutboundPolicy;
import org.terrawatch.ows.OwsException;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/alerts}: alerts from the video AI platform, as JSON (the snapshot base64) or as a multipart form (the
 * snapshot a file part), authenticated by the platform's API key (or any caller who may raise alerts: duty officers,
 * administrators). 201 with {@code Location} for a new alert, 200 with the stored alert for one received before; a bad
 * payload is a 400 problem naming the {@code field}, an external id with other content a 409, too many at once a 429 —
 * and then nothing is stored. {@code GET /api/alerts/{id}} and its {@code /snapshot} answer whoever may read that alert
 * under the read rules.
 */
@RestController
@RequestMapping("/api/alerts")
public class AlertIntakeController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Role> SENDERS = Set.of(Role.DUTY_OFFICER, Role.ADMIN);

    private final AlertIntake intake;
    private final IntakeProperties settings;
    private final CredentialRateLimits limits;
    private final AlertRepository alerts;
    private final CameraRepository cameras;
    private final AttachmentStore attachments;
    private final RecordReads reads;
    private final OutboundFetch snapshotFetch;

    public AlertIntakeController(AlertIntake intake, IntakeProperties settings, CredentialRateLimits limits, SpatialStore store,
                                 AttachmentStore attachments, RecordReads reads) {
        this.intake = intake;
        this.settings = settings;
        this.limits = limits;
        this.alerts = new AlertRepository(store);
        this.cameras = new CameraRepository(store);
        this.attachments = attachments;
        this.reads = reads;
        this.snapshotFetch = new OutboundFetch(new OutboundPolicy(settings.snapshotHosts()), Duration.ofSeconds(5));
    }

    @PostMapping
    public void receive(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Actor sender = SignedIn.actor(request);
        if (sender == null) {
            ProtocolErrors.send(request, response, 401, "Unauthorized", "Alerts are sent with the platform's API key (Authorization: Bearer ...)");
            return;
        }
        if (sender.roles().stream().noneMatch(SENDERS::contains)) {
            ProtocolErrors.problem(response, 403, "Forbidden", sender.username() + " may not raise alerts; that needs one of the roles " + SENDERS);
            return;
        }
        long wait = limits.waitSeconds(sender.username());
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            ProtocolErrors.problem(response, 429, "Too Many Requests", sender.username() + " sends faster than "
                    + settings.perSecond() + " alerts a second; try again in " + wait + " s");
            return;
        }
        AlertSubmission submission = submission(request, sender);
        AlertType type = settings.type(submission.type()).orElseThrow(() -> IntakeRefused.field("type", "The alert type " + submission.type()
                + " is neither one of ours " + java.util.Arrays.toString(AlertType.values()) + " nor mapped in intake.yml"));
        Point position = Wkb.factory().createPoint(new Coordinate(submission.longitude(), submission.latitude()));
        AlertIntake.Received received = intake.receive(new AlertIntake.Submission(submission.externalId(), submission.camera(), type,
                submission.type(), submission.time(), position, submission.confidence(), submission.snapshot(), submission.snapshotType(),
                submission.snapshotSha256(), submission.clip(), submission.fingerprint()), sender.username());
        if (received.created()) {
            response.setStatus(201);
            response.setHeader("Location", request.getRequestURL().append('/').append(received.alert().id()).toString());
        } else {
            response.setStatus(200);
        }
        send(response, describe(received.alert(), submission.camera(), request));
    }

    @GetMapping("/{id}")
    public void alert(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Alert> alert = readable(id, request);
        if (alert.isEmpty()) {
            ProtocolErrors.send(request, response, SignedIn.actor(request) == null ? 401 : 404, "Not Found", "No alert " + id + " you may read");
            return;
        }
        send(response, describe(alert.get(), cameras.find(alert.get().cameraId()).map(Camera::code).orElse(null), request));
    }

    @GetMapping("/{id}/snapshot")
    public void snapshot(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Attachment> snapshot = readable(id, request)
                .flatMap(alert -> attachments.of(AlertIntake.SNAPSHOT, alert.id()).stream().findFirst());
        if (snapshot.isEmpty()) {
            ProtocolErrors.send(request, response, SignedIn.actor(request) == null ? 401 : 404, "Not Found", "No snapshot of alert " + id
                    + " you may see");
            return;
        }
        response.setContentType(snapshot.get().mediaType());
        response.setHeader("Cache-Control", "private, max-age=86400, immutable");
        try (InputStream in = Files.newInputStream(attachments.contentOf(snapshot.get())); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The alert, if the caller may read it under the read rules of the alerts layer. */
    private Optional<Alert> readable(long id, HttpServletRequest request) {
        return reads.mayRead("alert", id, request) ? alerts.find(id) : Optional.empty();
    }

    private AlertSubmission submission(HttpServletRequest request, Actor sender) throws IOException, ServletException {
        long maximum = settings.snapshotMaxSize().toBytes();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            Map<String, String> fields = new HashMap<>();
            byte[] image = null;
            for (Part part : request.getParts()) {
                if (part.getName().equals("snapshot") && part.getSubmittedFileName() != null) {
                    if (part.getSize() > maximum) {
                        throw IntakeRefused.field("snapshot", "snapshot has " + part.getSize() + " bytes; at most " + maximum + " are accepted");
                    }
                    try (InputStream in = part.getInputStream()) {
                        image = in.readAllBytes();
                    }
                } else if (part.getSize() <= 64 * 1024) {
                    try (InputStream in = part.getInputStream()) {
                        fields.put(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return AlertSubmission.read(fields::get, image, maximum, this::fetchSnapshot);
        }
        IntakeProperties.Shape shape = ApiKeys.keyIdOf(sender.username()).map(settings::shapeOf).orElse(null);
        AlertBody body = AlertBody.read(request.getInputStream().readAllBytes(), shape); // the size bounded by RequestBodyLimits
        return AlertSubmission.read(body.field(), body.snapshot(), maximum, this::fetchSnapshot);
    }

    /** A snapshot given as a link: fetched from a host of {@code snapshot-hosts} only, within the size limit. */
    private byte[] fetchSnapshot(String link) {
        try {
            return snapshotFetch.fetch(link, "snapshot", (int) Math.min(Integer.MAX_VALUE - 16, settings.snapshotMaxSize().toBytes()));
        } catch (OwsException e) {
            throw IntakeRefused.field("snapshot", e.getMessage());
        }
    }

    private ObjectNode describe(Alert alert, String cameraCode, HttpServletRequest request) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", alert.id());
        json.put("externalId", alert.externalId());
        json.put("camera", cameraCode);
        json.put("type", alert.type().name());
        json.put("time", alert.detectedAt().toString());
        json.put("receivedAt", alert.receivedAt().toString());
        json.put("longitude", alert.position().getX());
        json.put("latitude", alert.position().getY());
        json.put("township", alert.townshipCode());
        if (alert.confidence() != null) {
            json.put("confidence", alert.confidence());
        }
        json.put("screening", alert.screening().name());
        json.put("snapshot", request.getContextPath() + "/api/alerts/" + alert.id() + "/snapshot");
        return json;
    }

    private static void send(HttpServletResponse response, JsonNode body) throws IOException {
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
