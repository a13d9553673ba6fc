package org.terrawatch.geodesy;

/**
 * The China Geodetic Coordinate System 2000 as TerraWatch uses it: the ellipsoid for geodesic
 * computations and the EPSG codes of its geographic CRS and 3-degree Gauss-Krüger zones.
 *
 * <p>Geometries stored by TerraWatch are in EPSG:4490 with x = longitude and y = latitude
 * (the storage convention of PostGIS and H2GIS); axis order on the wire is the protocols' business.
 */
public final class Cgcs2000 {

    /** Semi-major axis of the CGCS2000 ellipsoid, in metres. */
    public static final double SEMI_MAJOR_AXIS = 6_378_137.0;

    /** Inverse flattening of the CGCS2000 ellipsoid (differs from WGS 84's 298.257223563). */
    public static final double INVERSE_FLATTENING = 298.257222101;

    /** EPSG code of the geographic 2D CRS. */
    public static final int GEOGRAPHIC = 4490;

    /** EPSG code of the first 3-degree Gauss-Krüger zone (zone 25, central meridian 75°E). */
    public static final int FIRST_GK_ZONE = 4534;

    /** EPSG code of the last 3-degree Gauss-Krüger zone (zone 45, central meridian 135°E). */
    public static final int LAST_GK_ZONE = 4554;

    private Cgcs2000() {
    }

    /**
     * The EPSG code of the 3-degree Gauss-Krüger zone (CM variant, no zone prefix in the easting)
     * whose central meridian is nearest to the given longitude, e.g. 4547 for 113.5°E (CM 114°E).
     *
     * @throws IllegalArgumentException if the longitude lies outside China's zones (73.5°E to 136.5°E)
     */
    public static int gaussKrugerZoneFor(double longitude) {
        int centralMeridian = (int) Math.round(longitude / 3.0) * 3;
        int code = FIRST_GK_ZONE + (centralMeridian - 75) / 3;
        if (code < FIRST_GK_ZONE || code > LAST_GK_ZONE) {
            throw new IllegalArgumentException("Longitude " + longitude + " is outside the CGCS2000 3-degree zones");
        }
        return code;
    }

    /** Central meridian in degrees east of a 3-degree Gauss-Krüger zone given by its EPSG code. */
    public static int centralMeridianOf(int epsgCode) {
        if (!isGaussKrugerZone(epsgCode)) {
            throw new IllegalArgumentException("EPSG:" + epsgCode + " is not a CGCS2000 3-degree Gauss-Krüger zone");
        }
        return 75 + 3 * (epsgCode - FIRST_GK_ZONE);
    }

    /** Whether the EPSG code is one of the 3-degree zones 4534–4554. */
    public static boolean isGaussKrugerZone(int epsgCode) {
        return epsgCode >= FIRST_GK_ZONE && epsgCode <= LAST_GK_ZONE;
    }
}
