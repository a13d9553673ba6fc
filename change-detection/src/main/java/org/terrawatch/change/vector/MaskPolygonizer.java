package org.terrawatch.change.vector;

import java.util.function.DoublePredicate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.PixelGrid;

/**
 * Polygons of the pixels of a raster band that meet a condition (non-zero, or one class value), streamed strip by
 * strip: 4-connected areas of at least the given pixels become polygons with holes in the raster's CRS — what
 * {@code gdal_polygonize.py} does for one value, plus {@code gdal_sieve.py}'s minimum size.
 */
public final class MaskPolygonizer {

    /** A polygon found, with its pixel count. */
    public interface Sink {
        void accept(Geometry outline, long pixels);
    }

    private static final int STRIP_PIXELS = 1 << 22;

    private MaskPolygonizer() {
    }

    /**
     * @param band           0-based band index
     * @param simplifyPixels outline simplification tolerance in pixels (0 keeps the pixel staircase)
     * @return the number of areas found before the size limit
     */
    public static long polygonize(EpochRaster raster, int band, DoublePredicate inside, long minimumPixels, double simplifyPixels, Sink sink) {
        PixelGrid grid = raster.pixelGrid();
        RunPolygonizer polygonizer = new RunPolygonizer(new GeometryFactory(), grid);
        double tolerance = simplifyPixels * Math.sqrt(grid.pixelArea());
        long[] areas = new long[1];
        int width = raster.width();
        RunLabeller labeller = new RunLabeller(width, 0, component -> {
            areas[0]++;
            if (component.pixels() >= minimumPixels) {
                Geometry outline = polygonizer.outline(component, 1);
                sink.accept(tolerance > 0 ? TopologyPreservingSimplifier.simplify(outline, tolerance) : outline, component.pixels());
            }
        });
        int rows = Math.max(1, Math.min(raster.height(), STRIP_PIXELS / width));
        boolean[] changed = new boolean[width];
        float[][] none = new float[0][];
        double[] magnitude = new double[width];
        for (int first = 0; first < raster.height(); first += rows) {
            int count = Math.min(rows, raster.height() - first);
            Bands strip = raster.read(0, first, width, count);
            float[] values = strip.values()[band];
            for (int y = 0; y < count; y++) {
                for (int x = 0; x < width; x++) {
                    float v = values[y * width + x];
                    changed[x] = !Float.isNaN(v) && inside.test(v);
                }
                labeller.row(changed, none, none, magnitude);
            }
        }
        labeller.finish();
        return areas[0];
    }
}
