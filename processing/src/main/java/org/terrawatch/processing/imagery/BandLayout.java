package org.terrawatch.processing.imagery;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An epoch's band layout as declared at registration: one role per band in file order, from a known set, so that a
 * typo (NIRR) is refused rather than silently leaving the detection without near-infrared.
 */
final class BandLayout {

    static final Set<String> ROLES = Set.of("COASTAL", "BLUE", "GREEN", "RED", "RED_EDGE", "NIR", "SWIR1", "SWIR2", "PAN", "THERMAL",
            "CLOUD_MASK", "QA_PIXEL", "OTHER");

    private BandLayout() {
    }

    static List<String> parse(String text, int fileBands) {
        if (text == null || text.isBlank()) {
            throw new ImageryRefused("MISSING", "Name the band layout (bands), one role per band in file order, e.g. BLUE,GREEN,RED,NIR "
                    + "or RED,GREEN,BLUE; roles: " + String.join(", ", ROLES.stream().sorted().toList()));
        }
        List<String> layout = Arrays.stream(text.split(",")).map(String::strip).map(r -> r.toUpperCase(Locale.ROOT)).toList();
        for (String role : layout) {
            if (!ROLES.contains(role)) {
                throw new ImageryRefused("UNKNOWN_BAND_ROLE", "The band role " + role + " is unknown; roles: "
                        + String.join(", ", ROLES.stream().sorted().toList()));
            }
        }
        if (layout.size() != fileBands) {
            throw new ImageryRefused("BANDS_MISMATCH", "The layout names " + layout.size() + " bands (" + String.join(",", layout)
                    + ") but the file has " + fileBands);
        }
        if (layout.stream().filter(r -> r.equals("CLOUD_MASK") || r.equals("QA_PIXEL")).count() > 1) {
            throw new ImageryRefused("BANDS_MISMATCH", "At most one mask band (CLOUD_MASK or QA_PIXEL)");
        }
        return layout;
    }
}
