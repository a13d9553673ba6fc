package org.terrawatch.ows;

/**
 * How many decimals a layer's coordinates are written with, by the unit of the output CRS: {@code coordinate-decimals}
 * in {@code layers.yml} (GeoServer's numDecimals), the same for every output of the layer — GML 2, 3.1 and 3.2, GeoJSON
 * of WFS and OGC API, CSV, GetFeatureInfo. The default keeps about a centimetre: 8 decimals of a degree (about 1 mm),
 * 3 of a metre.
 *
 * @param degrees decimals in a geographic CRS (EPSG:4490, EPSG:4326, CRS:84)
 * @param metres  decimals in a projected one (the Gauss-Krüger zones, EPSG:3857)
 */
public record CoordinateDecimals(Integer degrees, Integer metres) {

    public static final CoordinateDecimals DEFAULT = new CoordinateDecimals(8, 3);

    public CoordinateDecimals {
        degrees = degrees == null ? 8 : degrees;
        metres = metres == null ? 3 : metres;
        CoordinateFormat.decimals(degrees);
        CoordinateFormat.decimals(metres);
    }

    /** The format of coordinates in the CRS. */
    public CoordinateFormat format(Crs crs) {
        return CoordinateFormat.decimals(crs.geographic() ? degrees : metres);
    }
}
