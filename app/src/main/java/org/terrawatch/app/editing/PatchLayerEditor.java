package org.terrawatch.app.editing;

import static org.terrawatch.app.editing.EditOutcomes.actor;
import static org.terrawatch.app.editing.EditOutcomes.channel;
import static org.terrawatch.app.editing.EditOutcomes.id;
import static org.terrawatch.app.editing.EditOutcomes.translate;

import java.util.Map;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.FeatureEditor;

/** The patches layer ({@code change_patch}) written through {@link PatchEditor} and so through the patch workflow. */
final class PatchLayerEditor implements FeatureEditor {

    private final PatchEditor patches;

    PatchLayerEditor(PatchEditor patches) {
        this.patches = patches;
    }

    @Override
    public Object insert(EditContext who, Map<String, Object> values) {
        return translate(() -> patches.create(actor(who), channel(who), values).id());
    }

    @Override
    public void update(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        translate(() -> patches.update(actor(who), channel(who), id(id), expectedVersion, values));
    }

    @Override
    public void replace(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        translate(() -> patches.replace(actor(who), channel(who), id(id), expectedVersion, values));
    }

    @Override
    public void delete(EditContext who, Object id, Long expectedVersion) {
        translate(() -> patches.delete(actor(who), channel(who), id(id), expectedVersion));
    }

    @Override
    public void claim(Object id) {
        patches.claim(id(id));
    }

    @Override
    public Long version(Object id) {
        return patches.find(id(id)).map(ChangePatch::version).orElse(null);
    }
}
