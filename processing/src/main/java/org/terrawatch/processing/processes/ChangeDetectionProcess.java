package org.terrawatch.processing.processes;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.change.DetectionCancelled;
import org.terrawatch.change.DetectionProgress;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.processing.AreaOfInterest;
import org.terrawatch.processing.GeoJson;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.processing.extraction.ExtractedPatch;
import org.terrawatch.processing.extraction.ExtractionResult;
import org.terrawatch.raster.RasterException;
import org.terrawatch.store.SpatialStore;

/**
 * Change detection as a process: for a monitoring task (its two epochs) or two named epochs, optionally within an
 * area, the month's change patches — detected, classified, overlaid and, unless asked only to look, stored as NEW
 * patches of the task. Outputs the patches as GeoJSON and a summary.
 */
public final class ChangeDetectionProcess implements Process {

    public static final String ID = "change-detection";

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0", "Change detection",
            "Extracts change patches between two imagery epochs: relative normalisation on IR-MAD's invariant pixels, standardised "
                    + "change vector with a minimum-error threshold and a change of spectral class, sieve, polygons, classification into "
                    + "the five categories with overlays on the base layers, admin attribution and patch codes. Stores them as NEW patches "
                    + "of the task in one transaction unless insert is false.",
            List.of(Parameter.literal("task", "Monitoring task", "The task's code (e.g. 2026-10): its epochs and its patches", "string", false),
                    Parameter.literal("before_epoch", "Before epoch", "An imagery epoch's name (or urn:terrawatch:imagery:NAME), instead of a task's",
                            "string", false),
                    Parameter.literal("after_epoch", "After epoch", "An imagery epoch's name (or urn:terrawatch:imagery:NAME), instead of a task's",
                            "string", false),
                    Parameter.boundingBox("area", "Area", "Only look within this box", false),
                    Parameter.literal("insert", "Insert", "Store the patches (true) or only report them (false)", "boolean", false).withDefault("true")),
            List.of(Parameter.complex("patches", "Patches", "The patches found, with code, category, type, area and place", false, GeoJson.MEDIA_TYPE),
                    Parameter.complex("summary", "Summary", "Counts by category, the learned threshold, pixels and areas", false, "application/json")));

    private final SpatialStore store;
    private final ChangeExtraction extraction;

    public ChangeDetectionProcess(SpatialStore store, ChangeExtraction extraction) {
        this.store = store;
        this.extraction = extraction;
    }

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public boolean changesData(ProcessInputs inputs) {
        return inputs.flag("insert");
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
        ImageryEpochRepository epochs = new ImageryEpochRepository(store);
        MonitoringTask task = null;
        if (inputs.has("task")) {
            task = tasks.findByCode(inputs.text("task"))
                    .orElseThrow(() -> ProcessFailure.invalid("task", "No monitoring task " + inputs.text("task")));
        }
        ImageryEpoch before = epoch(epochs, inputs, "before_epoch", task == null ? null : task.beforeEpochId());
        ImageryEpoch after = epoch(epochs, inputs, "after_epoch", task == null ? null : task.afterEpochId());
        Envelope area = inputs.has("area") ? AreaOfInterest.lonLat("area", inputs.boundingBox("area")) : null;
        ExtractionResult result;
        try {
            result = extraction.run(task, before, after, area, inputs.flag("insert"), context.actor(), new DetectionProgress() {
                @Override
                public void report(int percent, String message) {
                    context.progress(Math.min(99, percent), message);
                }

                @Override
                public boolean cancelled() {
                    return context.cancelled();
                }
            });
        } catch (DetectionCancelled e) {
            throw new ProcessFailure(ProcessFailure.FAILED, null, "Dismissed before it finished; nothing was stored");
        } catch (RuleViolation e) {
            throw new ProcessFailure(ProcessFailure.FORBIDDEN, null, e.getMessage());
        } catch (IllegalArgumentException | RasterException e) {
            throw ProcessFailure.invalid(inputs.has("area") ? "area" : "task", e.getMessage());
        }
        return new ProcessOutputs().put("patches", patches(result)).put("summary", summary(result, before, after, task));
    }

    private static ImageryEpoch epoch(ImageryEpochRepository epochs, ProcessInputs inputs, String input, Long taskEpoch) {
        if (inputs.has(input)) {
            Object value = inputs.value(input);
            String given = value instanceof Reference reference ? reference.href() : String.valueOf(value);
            String wanted = given.startsWith(Reference.IMAGERY_PREFIX) ? given.substring(Reference.IMAGERY_PREFIX.length()) : given;
            return epochs.findByName(wanted)
                    .orElseThrow(() -> ProcessFailure.invalid(input, "No imagery epoch named " + wanted));
        }
        if (taskEpoch == null) {
            throw ProcessFailure.missing(inputs.has("task") ? input + " (the task has no imagery yet)" : "task");
        }
        return epochs.find(taskEpoch).orElseThrow(() -> ProcessFailure.invalid(input, "The task's imagery epoch " + taskEpoch + " is gone"));
    }

    private static Object patches(ExtractionResult result) {
        List<Map.Entry<Geometry, Map<String, Object>>> features = new ArrayList<>();
        for (ExtractedPatch found : result.patches()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            ChangePatch stored = found.stored();
            if (stored != null) {
                properties.put("id", stored.id());
                properties.put("code", stored.code());
                properties.put("status", stored.status().name());
                properties.put("area_m2", stored.area().squareMetres());
                properties.put("area_mu", stored.area().mu());
            }
            properties.put("category", found.patch().changeType().category().name());
            properties.put("change_type", found.patch().changeType().name());
            properties.put("direction", found.direction().name());
            properties.put("county_code", found.patch().location().countyCode());
            properties.put("township_name", found.patch().location().townshipName());
            properties.put("on_farmland_m2", found.patch().overlay().onFarmlandM2());
            properties.put("outside_approved_m2", found.patch().overlay().outsideApprovedM2());
            features.add(new AbstractMap.SimpleEntry<>(found.patch().geometry(), properties));
        }
        return GeoJson.featureCollection(features);
    }

    private static Object summary(ExtractionResult result, ImageryEpoch before, ImageryEpoch after, MonitoringTask task) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", task == null ? null : task.code());
        summary.put("before_epoch", before.name());
        summary.put("after_epoch", after.name());
        summary.put("patches", result.patches().size());
        summary.put("stored", result.patches().stream().anyMatch(p -> p.stored() != null));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (PatchCategory category : PatchCategory.values()) {
            byCategory.put(category.name(), result.patches().stream().filter(p -> p.patch().changeType().category() == category).count());
        }
        summary.put("by_category", byCategory);
        summary.put("below_minimum_mapping_unit", result.belowMinimum());
        summary.put("outside_area", result.outside());
        summary.put("already_known", result.known());
        summary.put("width", result.detection().width());
        summary.put("height", result.detection().height());
        summary.put("resampled", result.detection().resampled());
        summary.put("threshold", result.detection().threshold());
        summary.put("changed_pixels", result.detection().changedPixels());
        summary.put("changed_areas", result.detection().areas());
        summary.put("pixel_area_m2", result.detection().pixelAreaM2());
        summary.put("largest_dropped_m2", result.detection().largestDroppedM2());
        summary.put("notes", result.notes());
        return GeoJson.json(summary);
    }
}
