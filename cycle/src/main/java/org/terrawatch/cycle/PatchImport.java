package org.terrawatch.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.terrawatch.change.ChangeDirection;
import org.terrawatch.monitoring.Labels;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.admin.Jurisdiction;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.NewPatch;
import org.terrawatch.monitoring.patch.PatchOverlay;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.processing.extraction.PatchClassifier;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.CrsCheck;
import org.terrawatch.submission.FeatureOutcome;
import org.terrawatch.submission.GeometryCheck;
import org.terrawatch.submission.format.CrsDefinitions;
import org.terrawatch.submission.format.SourceFeature;
import org.terrawatch.submission.format.SourceLayer;
import org.terrawatch.submission.format.SourceReaders;

/**
 * Patches found elsewhere — the ministry's monthly 卫片执法 patches, a vendor's AI output, a neighbouring county's — taken
 * in as a task's patches: read and checked exactly as departments' hand-ins are (formats, encoding, CRS into CGCS2000,
 * every geometry in the jurisdiction and valid), then each attributed to its county, township and village, typed (the
 * file's change type — {@code change_type}, 变化类型, TBLX — by name or Chinese label, else by the overlay as a detected
 * change of unknown direction), compared with the base data in force on its after-date, and created NEW through the
 * patch workflow in one transaction, numbered and audited like our own. One refused feature refuses the file; the
 * outcome lists each feature.
 */
public final class PatchImport {

    static final List<String> TYPE = List.of("change_type", "变化类型", "图斑类型", "TBLX", "BHLX", "type");

    /** What the import did: every feature's outcome, and the patches created (none when any was refused). */
    public record Outcome(String format, String crs, List<FeatureOutcome> features, List<ChangePatch> created) {
    }

    private final SpatialStore store;
    private final PatchEditor editor;

    public PatchImport(SpatialStore store, PatchEditor editor) {
        this.store = Objects.requireNonNull(store, "store");
        this.editor = Objects.requireNonNull(editor, "editor");
    }

    /** @param crs the file's CRS when it names none (a CSV), or null */
    public Outcome run(MonitoringTask task, byte[] content, String fileName, String crs, Actor actor) {
        var declared = crs == null || crs.isBlank() ? null : CrsDefinitions.fromCode(crs, "the crs part");
        SourceLayer layer = SourceReaders.read(content, fileName, declared, "patches");
        CrsCheck.Accepted accepted = CrsCheck.check(layer.crs() != null ? layer.crs() : declared, layer.crsSource());
        GeometryCheck geometries = new GeometryCheck(accepted.toStorage(), Jurisdiction.of(store).extent(), false);
        ImageryEpochRepository epochs = new ImageryEpochRepository(store);
        LocalDate before = task.beforeEpochId() == null ? task.period().start().minusDays(1)
                : epochs.find(task.beforeEpochId()).map(ImageryEpoch::acquiredOn).orElse(task.period().start().minusDays(1));
        LocalDate after = task.afterEpochId() == null ? task.period().end()
                : epochs.find(task.afterEpochId()).map(ImageryEpoch::acquiredOn).orElse(task.period().end());
        String typeField = layer.fields().stream().filter(f -> TYPE.stream().anyMatch(t -> t.equalsIgnoreCase(f))).findFirst().orElse(null);
        AdminUnitRepository admin = new AdminUnitRepository(store);
        LayerCoverage coverage = new LayerCoverage(new BaseLayerRepository(store));
        List<FeatureOutcome> outcomes = new ArrayList<>();
        List<NewPatch> patches = new ArrayList<>();
        for (SourceFeature feature : layer.features()) {
            GeometryCheck.Checked checked = feature.unreadable() != null
                    ? new GeometryCheck.Checked(null, FeatureOutcome.Status.REFUSED, "UNREADABLE_GEOMETRY", feature.unreadable())
                    : geometries.check(feature.geometry(), feature.repaired());
            if (checked.geometry() == null) {
                outcomes.add(new FeatureOutcome(feature.number(), null, FeatureOutcome.Status.REFUSED, checked.code(), checked.message()));
                continue;
            }
            AdminLocation location = admin.locate(checked.geometry().getInteriorPoint());
            if (location.countyCode() == null) {
                outcomes.add(new FeatureOutcome(feature.number(), null, FeatureOutcome.Status.REFUSED, "OUTSIDE_JURISDICTION",
                        "it lies in no county of the jurisdiction"));
                continue;
            }
            String named = typeField == null ? null : feature.attributes().get(typeField);
            ChangeType type = named == null || named.isBlank() ? PatchClassifier.classify(ChangeDirection.OTHER, checked.geometry(), after, coverage)
                    : type(named);
            if (type == null) {
                outcomes.add(new FeatureOutcome(feature.number(), named, FeatureOutcome.Status.REFUSED, "BAD_VALUE",
                        typeField + " \"" + named + "\" is no change type (e.g. NEW_BUILDING or 新增建筑)"));
                continue;
            }
            patches.add(new NewPatch(task.id(), before, after, type, checked.geometry(), location,
                    PatchOverlay.of(type, checked.geometry(), after, coverage)));
            outcomes.add(new FeatureOutcome(feature.number(), Labels.zh(type), checked.status(), checked.code(), checked.message()));
        }
        boolean refused = outcomes.stream().anyMatch(o -> o.status() == FeatureOutcome.Status.REFUSED);
        List<ChangePatch> created = refused || patches.isEmpty() ? List.of() : editor.createDetected(actor, Channel.REST, patches);
        return new Outcome(layer.format().name(), accepted.name(), outcomes, created);
    }

    static ChangeType type(String text) {
        String wanted = text.strip();
        for (ChangeType type : ChangeType.values()) {
            if (type.name().equalsIgnoreCase(wanted.replace(' ', '_')) || Labels.zh(type).equals(wanted)) {
                return type;
            }
        }
        return null;
    }
}
