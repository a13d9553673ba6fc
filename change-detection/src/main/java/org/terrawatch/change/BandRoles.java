package org.terrawatch.change;

import java.util.List;
import java.util.Locale;

/**
 * Which band of an epoch is which, from the epoch's band layout (e.g. {@code [BLUE, GREEN, RED, NIR]} or Landsat
 * TM's {@code [BLUE, GREEN, RED, NIR, SWIR1, SWIR2]}); -1 where a band is absent. Spectral indices need them, the
 * change signal does not.
 */
public record BandRoles(int blue, int green, int red, int nir, int swir1, int swir2) {

    public static BandRoles of(List<String> layout) {
        return new BandRoles(index(layout, "BLUE"), index(layout, "GREEN"), index(layout, "RED"), index(layout, "NIR"),
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
}
