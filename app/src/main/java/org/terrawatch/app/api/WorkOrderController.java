package org.terrawatch.app.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.alert.IntakeRefused;
import org.terrawatch.monitoring.attachment.Attachment;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.attachment.ImageTypes;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.FieldValue;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.monitoring.workflow.WorkOrderWorkflow;
import org.terrawatch.monitoring.workorder.Feedback;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.ows.Numbers;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Work orders over REST: read, change state and desk fields through the workflow, report back, read the history. */
@RestController
@RequestMapping("/api/work-orders")
public class WorkOrderController {

    /** The kind of attachment a report's photo is. */
    private static final String PHOTOS = "FEEDBACK";
    private static final long MAXIMUM_PHOTO_BYTES = 10L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkOrderEditor orders;
    private final AuditLog audit;
    private final LayerEditing editing;
    private final FeatureType layer;
    private final RecordReads reads;
    private final AttachmentStore attachments;
    private final WorkOrderRepository repository;
    private final Clock clock;

    public WorkOrderController(WorkOrderEditor orders, AuditLog audit, LayerEditing editing, FeatureTypeCatalog catalog, RecordReads reads,
                               AttachmentStore attachments, SpatialStore store, Clock clock) {
        this.attachments = attachments;
        this.repository = new WorkOrderRepository(store);
        this.clock = clock;
        this.reads = reads;
        this.orders = orders;
        this.audit = audit;
        this.editing = editing;
        this.layer = catalog.over("work_order_feature").stream().findFirst().orElse(null);
    }

    @GetMapping("/{id}")
    public JsonNode order(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        reads.require("work_order_feature", id, "Work order " + id, request);
        WorkOrder order = orders.find(id).orElseThrow(() -> new EntityNotFoundException("Work order " + id));
        response.setHeader("ETag", EntityTags.of(order.version()));
        ObjectNode json = JSON.valueToTree(order);
        // When its handlers signed for it (签收): the first acceptance in its history.
        audit.history(WorkOrderEditor.KIND, id).stream().filter(e -> e.action().equals("accept")).findFirst()
                .ifPresent(accepted -> json.put("acceptedAt", accepted.occurredAt().toString()));
        Actor who = ApiRequests.signedIn(request);
        var next = json.putArray("next");
        if (who != null) {
            orders.next(who, order).forEach(t -> next.addObject().put("transition", t.name()).put("label", t.label()).put("to", t.to().name()));
        }
        return json;
    }

    /** The duty desk records its call about the order: {@code {"to": "分管局领导 王某", "note": "..."}}. */
    @PostMapping("/{id}/calls")
    @ResponseStatus(HttpStatus.CREATED)
    public void call(@PathVariable long id, @RequestBody Map<String, Object> call, HttpServletRequest request) {
        orders.recordCall(ApiRequests.requireSignedIn(request), Channel.REST, id, FieldValue.text(call.get("to")), FieldValue.text(call.get("note")));
    }

    @PatchMapping("/{id}")
    public WorkOrder update(@PathVariable long id, @RequestBody Map<String, Object> values, HttpServletRequest request,
                            HttpServletResponse response) {
        Actor who = ApiRequests.requireSignedIn(request);
        // Under a WFS lock a work order is changed only by the lock's holder, as in every interface.
        WorkOrder saved = editing.inTransaction(() -> {
            if (layer != null) {
                editing.claimForWrite(layer, id, null);
            }
            return orders.update(who, Channel.REST, id, ApiRequests.ifMatch(request), values);
        });
        response.setHeader("ETag", EntityTags.of(saved.version()));
        return saved;
    }

    /**
     * A handler's report from the field: JSON {@code body}, {@code outcome} and the optional {@code longitude} and
     * {@code latitude} where it was written; or the same as a multipart form with photos as {@code photo} file parts
     * (JPEG or PNG), stored as evidence at that place in the same transaction as the report. With an
     * {@code Idempotency-Key} the same report sent again answers 200 with the one stored, adding nothing.
     */
    @PostMapping("/{id}/feedback")
    public void report(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Actor who = ApiRequests.requireSignedIn(request);
        Map<String, String> fields = new HashMap<>();
        List<byte[]> photos = new ArrayList<>();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            for (Part part : request.getParts()) {
                try (InputStream in = part.getInputStream()) {
                    if (part.getName().equals("photo") && part.getSubmittedFileName() != null) {
                        if (part.getSize() > MAXIMUM_PHOTO_BYTES) {
                            throw IntakeRefused.field("photo", "A photo has at most " + MAXIMUM_PHOTO_BYTES + " bytes");
                        }
                        photos.add(in.readAllBytes());
                    } else if (part.getSize() <= 16 * 1024) {
                        fields.put(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } else {
            JSON.readTree(request.getInputStream().readAllBytes()).properties()
                    .forEach(field -> fields.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asString()));
        }
        Point position = null;
        if (fields.get("longitude") != null || fields.get("latitude") != null) {
            position = Wkb.factory().createPoint(new Coordinate(Numbers.finite(fields.get("longitude"), "longitude"),
                    Numbers.finite(fields.get("latitude"), "latitude")));
        }
        List<String> types = new ArrayList<>();
        for (byte[] photo : photos) {
            types.add(ImageTypes.of(photo).orElseThrow(() -> IntakeRefused.field("photo", "A photo is a JPEG or PNG image")));
        }
        Point place = position;
        Instant now = clock.instant();
        String clientKey = clientKey(request);
        Map.Entry<Boolean, Map<String, Object>> answer = editing.inTransaction(() -> {
            WorkOrderEditor.Reported reported = orders.report(who, Channel.REST, id, fields.get("body"), fields.get("outcome"), place, clientKey);
            Feedback feedback = reported.feedback();
            if (reported.repeated()) {
                return Map.entry(true, describe(feedback, attachments.of(PHOTOS, feedback.id()).stream().map(Attachment::id).toList(), request));
            }
            List<Long> stored = new ArrayList<>();
            for (int n = 0; n < photos.size(); n++) {
                stored.add(attachments.add(PHOTOS, feedback.id(), "photo-" + (n + 1) + (types.get(n).equals("image/png") ? ".png" : ".jpg"), types.get(n),
                        new ByteArrayInputStream(photos.get(n)), null, place, now, who.username(), now).id());
            }
            return Map.entry(false, describe(feedback, stored, request));
        });
        response.setStatus(answer.getKey() ? 200 : 201);
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(answer.getValue()));
    }

    /** The report's {@code Idempotency-Key}: up to 64 visible ASCII characters, or none. */
    private static String clientKey(HttpServletRequest request) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 64 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw IntakeRefused.field("Idempotency-Key", "An Idempotency-Key has at most 64 visible ASCII characters");
        }
        return key;
    }

    /** The reports on the order, oldest first, with links to their photos. */
    @GetMapping("/{id}/feedback")
    public List<Map<String, Object>> feedback(@PathVariable long id, HttpServletRequest request) {
        reads.require("work_order_feature", id, "Work order " + id, request);
        return repository.feedback(id).stream().map(f -> describe(f, attachments.of(PHOTOS, f.id()).stream().map(Attachment::id).toList(), request))
                .toList();
    }

    /** A photo of a report. */
    @GetMapping("/{id}/feedback/{feedback}/photos/{photo}")
    public void photo(@PathVariable long id, @PathVariable long feedback, @PathVariable long photo, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        reads.require("work_order_feature", id, "Work order " + id, request);
        boolean ours = repository.feedback(id).stream().anyMatch(f -> f.id() == feedback);
        Attachment file = attachments.of(PHOTOS, feedback).stream().filter(a -> a.id() == photo && ours).findFirst()
                .orElseThrow(() -> new EntityNotFoundException("Photo " + photo));
        response.setContentType(file.mediaType());
        try (InputStream in = Files.newInputStream(attachments.contentOf(file)); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static Map<String, Object> describe(Feedback feedback, List<Long> photos, HttpServletRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", feedback.id());
        json.put("workOrderId", feedback.workOrderId());
        json.put("author", feedback.author());
        json.put("departmentCode", feedback.departmentCode());
        json.put("body", feedback.body());
        json.put("outcome", feedback.outcome());
        if (feedback.position() != null) {
            json.put("longitude", feedback.position().getX());
            json.put("latitude", feedback.position().getY());
        }
        json.put("createdAt", feedback.createdAt().toString());
        json.put("photos", photos.stream().map(p -> request.getContextPath() + "/api/work-orders/" + feedback.workOrderId() + "/feedback/"
                + feedback.id() + "/photos/" + p).toList());
        return json;
    }

    @GetMapping("/{id}/history")
    public List<AuditEvent> history(@PathVariable long id, HttpServletRequest request) {
        reads.require("work_order_feature", id, "Work order " + id, request);
        return audit.history(WorkOrderEditor.KIND, id);
    }

    /** The transitions of the work-order workflow, for clients that draw it. */
    @GetMapping("/workflow")
    public String workflow() {
        return WorkOrderWorkflow.WORKFLOW.mermaid(org.terrawatch.monitoring.workorder.WorkOrderState.DISPATCHED,
                org.terrawatch.monitoring.Labels::zh);
    }
}
