package org.terrawatch.monitoring.admin;

import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * An administrative unit by its statistical division code: province (2 digits), city (4), county (6),
 * township (9) or village (12). Codes given in the 12-digit padded form (140302000000) are normalised
 * to their significant length.
 *
 * @param geometry boundary in EPSG:4490, or null where none is known (villages usually)
 * @param areaM2   geodesic area of the boundary, or null without one
 */
public record AdminUnit(String code, String name, AdminLevel level, String parentCode, MultiPolygon geometry, Double areaM2) {

    public AdminUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (levelOf(code) != level) {
            throw new IllegalArgumentException("Code " + code + " is not a " + level + " code");
        }
    }

    /** The level a code's significant length tells. */
    public static AdminLevel levelOf(String code) {
        return switch (normalise(code).length()) {
            case 2 -> AdminLevel.PROVINCE;
            case 4 -> AdminLevel.CITY;
            case 6 -> AdminLevel.COUNTY;
            case 9 -> AdminLevel.TOWNSHIP;
            case 12 -> AdminLevel.VILLAGE;
            default -> throw new IllegalArgumentException("Not a statistical division code: " + code);
        };
    }

    /** The code without the zero padding of the 12-digit form: 140302000000 becomes 140302. */
    public static String normalise(String code) {
        if (!code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("Not a statistical division code: " + code);
        }
        if (code.length() == 12) {
            for (int length : new int[] {2, 4, 6, 9}) {
                if (code.substring(length).chars().allMatch(c -> c == '0')) {
                    return code.substring(0, length);
                }
            }
        }
        return code;
    }

    /** The code of the enclosing unit by the code itself, or null for a province. */
    public static String parentOf(String code) {
        String significant = normalise(code);
        return switch (significant.length()) {
            case 2 -> null;
            case 4 -> significant.substring(0, 2);
            case 6 -> significant.substring(0, 4);
            case 9 -> significant.substring(0, 6);
            default -> significant.substring(0, 9);
        };
    }
}
