package org.terrawatch.processing.processes;

import java.util.List;
import java.util.Map;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.processing.GeoJson;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.imagery.ImageryFacts;
import org.terrawatch.processing.imagery.ImageryRefused;
import org.terrawatch.processing.imagery.ImageryRegistration;

/**
 * Registers an imagery epoch from the imagery folder for GIS clients (WPS, OGC API – Processes): the same checks and
 * the same register as {@code POST /api/imagery} ({@link ImageryRegistration}); the epoch with its footprint, cloud
 * cover and coverage of the jurisdiction comes back as GeoJSON.
 */
public final class RegisterImageryProcess implements Process {

    private static final ProcessDescription DESCRIPTION = new ProcessDescription("register-imagery", "1.0.0", "Register an imagery epoch",
            "Checks a GeoTIFF or COG of the imagery folder (readable, CRS known, bands as declared), computes its footprint, ground "
                    + "resolution, coverage of the jurisdiction and cloud cover there, and registers it for detection and for the WMS.",
            List.of(Parameter.literal("path", "File", "The file, relative to the imagery folder", "string", true),
                    Parameter.literal("name", "Name", "The epoch's name (default: the file's name)", "string", false),
                    Parameter.literal("sensor", "Sensor", "e.g. GF-2 PMS, Sentinel-2 MSI", "string", true),
                    Parameter.literal("acquired", "Acquired", "The acquisition date", "date", true),
                    Parameter.literal("bands", "Band layout", "One role per band in file order, e.g. BLUE,GREEN,RED,NIR", "string", true),
                    Parameter.literal("cloud_mask", "Cloud mask", "A separate cloud mask on the image's grid (non-zero is cloud), relative to "
                            + "the imagery folder", "string", false)),
            List.of(Parameter.complex("epoch", "Epoch", "The registered epoch: a feature collection of its footprint with its facts", false,
                    "application/geo+json")));

    private final ImageryRegistration registration;

    public RegisterImageryProcess(ImageryRegistration registration) {
        this.registration = registration;
    }

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public boolean changesData(ProcessInputs inputs) {
        return true;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        ImageryRegistration.Registered registered;
        try {
            registered = registration.register(new ImageryRegistration.Request(inputs.text("name"), inputs.text("sensor"),
                    inputs.date("acquired").toString(), inputs.text("bands"), inputs.text("path"), null, null,
                    inputs.has("cloud_mask") ? inputs.text("cloud_mask") : null, null), context.actor());
        } catch (RuleViolation e) {
            throw new ProcessFailure(ProcessFailure.FORBIDDEN, null, e.getMessage());
        } catch (ImageryRefused e) {
            throw ProcessFailure.invalid(e.code().equals("BANDS_MISMATCH") || e.code().equals("UNKNOWN_BAND_ROLE") ? "bands"
                    : e.code().equals("BAD_DATE") ? "acquired" : e.code().equals("NAME_TAKEN") ? "name"
                    : e.code().equals("MASK_GRID") || e.code().equals("TWO_MASKS") ? "cloud_mask" : "path", e.getMessage());
        }
        return new ProcessOutputs().put("epoch", GeoJson.featureCollection(List.of(Map.entry(registered.epoch().footprint(),
                ImageryFacts.of(registered.epoch(), registered.coveragePercent(), registered.notes())))));
    }
}
