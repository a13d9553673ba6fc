package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.monitoring.workflow.WorkOrderWorkflow;
import org.terrawatch.monitoring.workorder.Feedback;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.edit.LayerEditing;

/** Work orders over REST: read, change state and desk fields through the workflow, report back, read the history. */
@RestController
@RequestMapping("/api/work-orders")
public class WorkOrderController {

    /** A handler's report: what was found or done. */
    public record Report(String body, String outcome) {
    }

    private final WorkOrderEditor orders;
    private final AuditLog audit;
    private final LayerEditing editing;
    private final FeatureType layer;
    private final RecordReads reads;

    public WorkOrderController(WorkOrderEditor orders, AuditLog audit, LayerEditing editing, FeatureTypeCatalog catalog, RecordReads reads) {
        this.reads = reads;
        this.orders = orders;
        this.audit = audit;
        this.editing = editing;
        this.layer = catalog.over("work_order_feature").stream().findFirst().orElse(null);
    }

    @GetMapping("/{id}")
    public WorkOrder order(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        reads.require("work_order_feature", id, "Work order " + id, request);
        WorkOrder order = orders.find(id).orElseThrow(() -> new EntityNotFoundException("Work order " + id));
        response.setHeader("ETag", EntityTags.of(order.version()));
        return order;
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

    @PostMapping("/{id}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    public Feedback report(@PathVariable long id, @RequestBody Report report, HttpServletRequest request) {
        return orders.report(ApiRequests.requireSignedIn(request), Channel.REST, id, report.body(), report.outcome(), null);
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
