package org.terrawatch.processing.imagery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrawatch.monitoring.imagery.ImageryEpoch;

/** What the register says of an epoch, the same through the REST API and the registration process. */
public final class ImageryFacts {

    private ImageryFacts() {
    }

    /**
     * @param coveragePercent the share of the jurisdiction it covers, or null when unknown
     * @param notes           what to know about it (no mask band, RGB only, ...); may be empty
     */
    public static Map<String, Object> of(ImageryEpoch epoch, Double coveragePercent, List<String> notes) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", epoch.id());
        facts.put("name", epoch.name());
        facts.put("sensor", epoch.sensor());
        facts.put("acquiredOn", epoch.acquiredOn().toString());
        facts.put("resolutionM", Math.round(epoch.resolutionM() * 100) / 100.0);
        facts.put("crs", epoch.crs());
        facts.put("bands", epoch.bandLayout());
        facts.put("cloudPercent", epoch.cloudPercent());
        facts.put("jurisdictionCoveragePercent", coveragePercent == null ? null : Math.round(coveragePercent * 10) / 10.0);
        facts.put("file", epoch.fileLocation());
        facts.put("cloudMask", epoch.maskLocation());
        facts.put("registeredAt", epoch.registeredAt().toString());
        facts.put("notes", notes);
        return facts;
    }
}
