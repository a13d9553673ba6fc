package org.terrawatch.processing.processes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.geodesy.Area;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.OverlayAreas;
import org.terrawatch.monitoring.patch.PatchOverlay;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.GeoJson;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.StoredRows;
import org.terrawatch.store.SpatialStore;

/**
 * Where a change lies on the base layers: for a stored patch (by code) or drawn geometries (GeoJSON, lon/lat), the
 * area on every base layer in force on the day, the admin units, and — with a change type — the overlay figures a
 * patch of that type stores. What the office pre-check judges a patch by.
 */
public final class OverlayStatisticsProcess implements Process {

    private static final ProcessDescription DESCRIPTION = new ProcessDescription("patch-overlay", "1.0.0", "Patch overlay statistics",
            "Area of a patch or drawn geometries on each base layer (farmland, basic farmland, ecological redline, urban development "
                    + "boundary, approved and supplied land, mining licences, restoration projects, plan zones) as in force on a day; the "
                    + "admin units; and the overlay figures stored for a given change type.",
            List.of(Parameter.literal("patch", "Patch", "A stored patch's code", "string", false),
                    Parameter.complex("geometry", "Geometry", "GeoJSON geometry, feature or feature collection in lon/lat", false,
                            GeoJson.MEDIA_TYPE, "application/json"),
                    Parameter.literal("date", "Day", "The day the base layers are taken as of (default: the patch's after-date, or today)",
                            "date", false),
                    Parameter.literal("change_type", "Change type", "The type of change, for the stored overlay figures", "string", false)
                            .allowing(names())),
            List.of(Parameter.complex("overlay", "Overlay", "Per geometry: area, admin units, area on each base layer", false, "application/json")));

    private final SpatialStore store;

    public OverlayStatisticsProcess(SpatialStore store) {
        this.store = store;
    }

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        if (inputs.has("patch") == inputs.has("geometry")) {
            throw ProcessFailure.missing("patch or geometry (exactly one)");
        }
        List<Geometry> geometries;
        LocalDate day = inputs.date("date");
        ChangeType type = inputs.has("change_type") ? ChangeType.valueOf(inputs.text("change_type")) : null;
        if (inputs.has("patch")) {
            // A patch the run's owner may not read is, to this run, no such patch.
            StoredRows.Scope readable = context.readable("change_patch");
            List<Object> parameters = new ArrayList<>(readable.parameters());
            parameters.add(0, inputs.text("patch"));
            boolean visible = store.jdbc().sql("SELECT COUNT(*) FROM change_patch WHERE code = ? AND (" + readable.condition() + ")")
                    .params(parameters).query(Long.class).single() > 0;
            ChangePatch patch = new PatchRepository(store).findByCode(inputs.text("patch")).filter(p -> visible)
                    .orElseThrow(() -> ProcessFailure.invalid("patch", "No patch " + inputs.text("patch")));
            geometries = List.of(patch.geometry());
            day = day != null ? day : patch.afterDate();
            type = type != null ? type : patch.changeType();
        } else {
            ComplexValue document = inputs.complex("geometry", context);
            geometries = GeoJson.geometries("geometry", document.text());
        }
        day = day != null ? day : LocalDate.now();
        LayerCoverage coverage = new LayerCoverage(new BaseLayerRepository(store));
        AdminUnitRepository admin = new AdminUnitRepository(store);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Geometry geometry : geometries) {
            Map<String, Object> result = new LinkedHashMap<>();
            Area area = GeodesicArea.of(geometry);
            result.put("area_m2", round(area.squareMetres()));
            result.put("area_mu", round(area.mu()));
            AdminLocation location = admin.locate(geometry.getInteriorPoint());
            result.put("county", location.countyName());
            result.put("township", location.townshipName());
            result.put("village", location.villageName());
            Map<String, Object> layers = new LinkedHashMap<>();
            for (BaseLayerKind layer : BaseLayerKind.values()) {
                double on = coverage.squareMetres(layer, geometry, day);
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("area_m2", round(on));
                figure.put("share", area.squareMetres() > 0 ? round(on / area.squareMetres()) : 0.0);
                layers.put(layer.name().toLowerCase(Locale.ROOT), figure);
            }
            result.put("base_layers", layers);
            if (type != null) {
                OverlayAreas overlay = PatchOverlay.of(type, geometry, day, coverage);
                result.put("change_type", type.name());
                result.put("category", type.category().name());
                result.put("stored_overlay", overlay);
            }
            results.add(result);
        }
        Map<String, Object> overlay = new LinkedHashMap<>();
        overlay.put("date", day.toString());
        overlay.put("results", results);
        return new ProcessOutputs().put("overlay", GeoJson.json(overlay));
    }

    private static String[] names() {
        return java.util.Arrays.stream(ChangeType.values()).map(Enum::name).toArray(String[]::new);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
