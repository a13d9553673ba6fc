package org.terrawatch.rendering;

import java.awt.geom.AffineTransform;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;

/**
 * What a map shows: an extent in the map CRS (x easting or longitude, y northing or latitude, whatever the
 * CRS's axis order on the wire), drawn into width × height pixels.
 */
public record MapView(Envelope extent, int width, int height, Crs crs) {

    /** OGC's standardized rendering pixel: 0.28 mm. */
    public static final double PIXEL_METRES = 0.00028;
    /** Metres per degree on the equator, as OGC's scale denominators count degrees. */
    public static final double METRES_PER_DEGREE = 6378137 * 2 * Math.PI / 360;

    public MapView {
        Objects.requireNonNull(extent, "extent");
        Objects.requireNonNull(crs, "crs");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A map has a positive size");
        }
    }

    /** The scale denominator (e.g. 50000 for 1:50,000) by the OGC rule; degrees count at the equator. */
    public double scaleDenominator() {
        double metres = extent.getWidth() * (geographic() ? METRES_PER_DEGREE : 1);
        return metres / (width * PIXEL_METRES);
    }

    public boolean geographic() {
        int epsg = crs.epsg();
        return epsg == 4490 || epsg == 4326;
    }

    /** Map coordinates to pixels (y down). */
    public AffineTransform worldToScreen() {
        AffineTransform transform = new AffineTransform();
        transform.scale(width / extent.getWidth(), -height / extent.getHeight());
        transform.translate(-extent.getMinX(), -extent.getMaxY());
        return transform;
    }

    /** The extent grown by a number of pixels on every side (features just outside still draw their symbols). */
    public Envelope buffered(int pixels) {
        Envelope grown = new Envelope(extent);
        grown.expandBy(extent.getWidth() / width * pixels, extent.getHeight() / height * pixels);
        return grown;
    }
}
