package org.terrawatch.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which band of an epoch is which, from the epoch's band layout (e.g. {@code [BLUE, GREEN, RED, NIR]}, an aerial or
 * drone RGB product's {@code [RED, GREEN, BLUE]} or Landsat TM's {@code [BLUE, GREEN, RED, NIR, SWIR1, SWIR2]}); -1
 * where a band is absent. The change signal uses every band whatever its role; the direction of change needs the
 * roles, and what it can tell apart depends on which are there ({@link #limitations()}).
 *
 * @param bands how many bands the layout names: the epochs must have exactly these
 */
public record BandRoles(int bands, int blue, int green, int red, int nir, int swir1, int swir2) {

    public static BandRoles of(List<String> layout) {
        return new BandRoles(layout.size(), index(layout, "BLUE"), index(layout, "GREEN"), index(layout, "RED"), index(layout, "NIR"),
                index(layout, "SWIR1"), index(layout, "SWIR2"));
    }

    private static int index(List<String> layout, String role) {
        for (int i = 0; i < layout.size(); i++) {
            if (layout.get(i).trim().toUpperCase(Locale.ROOT).equals(role)) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasVegetationBands() {
        return red >= 0 && nir >= 0;
    }

    /**
     * What a detection with these roles cannot do, in words for its summary: without near-infrared no vegetation or
     * water index (RGB imagery: changes are found from colour and brightness alone, with limited accuracy, and typed only
     * as brightening or other).
     */
    public List<String> limitations() {
        List<String> notes = new ArrayList<>();
        if (nir < 0) {
            notes.add("No near-infrared band: changes are found from colour and brightness alone, so accuracy on such imagery "
                    + "(RGB) is limited — shadows, season and illumination read as change — and vegetation, water and burn "
                    + "changes are not told apart (only brightening or other)");
        } else if (red < 0) {
            notes.add("No red band: vegetation changes (NDVI) are not told apart");
        }
        if (blue < 0 && green < 0 && red < 0) {
            notes.add("No visible band named (BLUE, GREEN, RED): brightening is not told apart");
        }
        return notes;
    }
}
