package org.terrawatch.app.editing;

import static org.terrawatch.app.editing.EditOutcomes.actor;
import static org.terrawatch.app.editing.EditOutcomes.channel;
import static org.terrawatch.app.editing.EditOutcomes.id;
import static org.terrawatch.app.editing.EditOutcomes.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.EditRefused;
import org.terrawatch.query.edit.FeatureEditor;

/**
 * The work-orders layer written through {@link WorkOrderEditor}: state and the desk's fields. Work orders are
 * dispatched from alerts and patches and never deleted, so Insert and Delete are refused.
 */
final class WorkOrderLayerEditor implements FeatureEditor {

    private static final String EDITABLE = "description, working_group_code, department_code, township_code, deadline, state";

    private final WorkOrderEditor orders;

    WorkOrderLayerEditor(WorkOrderEditor orders) {
        this.orders = orders;
    }

    @Override
    public Object insert(EditContext who, Map<String, Object> values) {
        throw new EditRefused(EditRefused.Reason.FORBIDDEN, null, "Work orders are dispatched from an alert or a patch, not inserted");
    }

    @Override
    public void update(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        translate(() -> orders.update(actor(who), channel(who), id(id), expectedVersion, values));
    }

    @Override
    public void replace(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        Map<String, Object> complete = new LinkedHashMap<>();
        for (String field : EDITABLE.split(", ")) {
            complete.put(field, values.get(field));
        }
        values.forEach(complete::putIfAbsent);
        update(who, id, expectedVersion, complete);
    }

    @Override
    public void delete(EditContext who, Object id, Long expectedVersion) {
        throw new EditRefused(EditRefused.Reason.FORBIDDEN, null, "Work orders are closed, not deleted");
    }

    @Override
    public void claim(Object id) {
        orders.claim(id(id));
    }

    @Override
    public Long version(Object id) {
        return orders.find(id(id)).map(WorkOrder::version).orElse(null);
    }
}
