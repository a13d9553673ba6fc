package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.monitoring.workflow.PatchFields;
import org.terrawatch.monitoring.workflow.PatchWorkflow;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.store.SpatialStore;

/**
 * Patches over REST for the web UI and other systems: read one (with its ETag, the transitions open to the caller and
 * the cameras that see it), change fields through the workflow ({@code PATCH}, JSON object of field → value, optionally
 * {@code If-Match}), and read its audit history.
 */
@RestController
@RequestMapping("/api/patches")
public class PatchController {

    private final PatchEditor patches;
    private final AuditLog audit;
    private final LayerEditing editing;
    private final FeatureType layer;
    private final CameraRepository cameras;
    private final RecordReads reads;

    public PatchController(PatchEditor patches, AuditLog audit, LayerEditing editing, FeatureTypeCatalog catalog, SpatialStore store,
                           RecordReads reads) {
        this.reads = reads;
        this.patches = patches;
        this.audit = audit;
        this.editing = editing;
        this.layer = catalog.over("change_patch").stream().findFirst().orElse(null);
        this.cameras = new CameraRepository(store);
    }

    @GetMapping("/{id}")
    public Map<String, Object> patch(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        reads.require("change_patch", id, "Patch " + id, request);
        ChangePatch patch = patches.find(id).orElseThrow(() -> new EntityNotFoundException("Patch " + id));
        response.setHeader("ETag", EntityTags.of(patch.version()));
        Map<String, Object> body = new java.util.LinkedHashMap<>(PatchFields.values(patch, PatchFields.all().keySet()));
        // City rules art. 12: the satellite centre watches the video of last period's patches — these cameras see it.
        body.put("cameras", cameras.seeing(patch.geometry()).stream()
                .map(c -> Map.of("code", c.code(), "name", c.name(), "online", c.online())).toList());
        body.put("next", ApiRequests.signedIn(request) == null ? List.of()
                : PatchWorkflow.WORKFLOW.next(patch.status(), patch, ApiRequests.signedIn(request)).stream()
                        .map(t -> Map.of("transition", t.name(), "label", t.label(), "to", t.to().name())).toList());
        return body;
    }

    @PatchMapping("/{id}")
    public Map<String, Object> update(@PathVariable long id, @RequestBody Map<String, Object> values, HttpServletRequest request,
                                      HttpServletResponse response) {
        Actor who = ApiRequests.requireSignedIn(request);
        ChangePatch saved = editing.inTransaction(() -> {
            if (layer != null) {
                editing.claimForWrite(layer, id, null);
            }
            return patches.update(who, Channel.REST, id, ApiRequests.ifMatch(request), values);
        });
        response.setHeader("ETag", EntityTags.of(saved.version()));
        return PatchFields.values(saved, PatchFields.all().keySet());
    }

    @GetMapping("/{id}/history")
    public List<AuditEvent> history(@PathVariable long id, HttpServletRequest request) {
        reads.require("change_patch", id, "Patch " + id, request);
        return audit.history(PatchEditor.KIND, id);
    }
}
