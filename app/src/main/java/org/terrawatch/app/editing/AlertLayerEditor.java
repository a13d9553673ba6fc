package org.terrawatch.app.editing;

import static org.terrawatch.app.editing.EditOutcomes.actor;
import static org.terrawatch.app.editing.EditOutcomes.channel;
import static org.terrawatch.app.editing.EditOutcomes.id;
import static org.terrawatch.app.editing.EditOutcomes.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.workflow.AlertEditor;
import org.terrawatch.monitoring.workflow.AlertWorkflow;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.EditRefused;
import org.terrawatch.query.edit.FeatureEditor;

/**
 * The alerts layer written through {@link AlertEditor}: its screening and note, through the alert workflow. Alerts come
 * from the cameras (or a duty officer's manual alert) and are never deleted, so Insert and Delete are refused.
 */
final class AlertLayerEditor implements FeatureEditor {

    private final AlertEditor alerts;

    AlertLayerEditor(AlertEditor alerts) {
        this.alerts = alerts;
    }

    @Override
    public Object insert(EditContext who, Map<String, Object> values) {
        throw new EditRefused(EditRefused.Reason.FORBIDDEN, null, "Alerts come from the camera platform (POST /api/alerts), not WFS-T inserts");
    }

    @Override
    public void update(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        translate(() -> alerts.update(actor(who), channel(who), id(id), expectedVersion, values));
    }

    @Override
    public void replace(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        Map<String, Object> complete = new LinkedHashMap<>();
        complete.put("screening_note", values.get("screening_note"));
        values.forEach(complete::putIfAbsent);
        complete.putIfAbsent(AlertWorkflow.STATE, alerts.find(id(id)).map(a -> a.screening().name()).orElse(null));
        update(who, id, expectedVersion, complete);
    }

    @Override
    public void delete(EditContext who, Object id, Long expectedVersion) {
        throw new EditRefused(EditRefused.Reason.FORBIDDEN, null, "Alerts are screened, not deleted");
    }

    @Override
    public void claim(Object id) {
        alerts.claim(id(id));
    }

    @Override
    public Long version(Object id) {
        return alerts.find(id(id)).map(Alert::version).orElse(null);
    }
}
