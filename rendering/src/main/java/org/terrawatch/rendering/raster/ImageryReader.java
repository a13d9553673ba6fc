package org.terrawatch.rendering.raster;

import java.awt.geom.AffineTransform;
import java.nio.file.Path;
import java.util.List;
import org.terrawatch.ows.Crs;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.PixelGrid;
import org.terrawatch.raster.RasterException;

/**
 * Opens an imagery epoch — a GeoTIFF, tiled, striped or Cloud-Optimized, integer samples — for drawing: the file
 * stays open for windowed reading ({@link EpochRaster}) and its pyramid is built once ({@link Imagery}). Zero is
 * nodata, as the demo and most reflectance products write it.
 */
public final class ImageryReader {

    private ImageryReader() {
    }

    public static Imagery read(String name, Path file, Crs crs, List<String> bandRoles) {
        return read(name, file, crs, bandRoles, Imagery.IN_MEMORY_PIXELS);
    }

    /** @param inMemoryPixels the most pixels a level kept in memory may have */
    public static Imagery read(String name, Path file, Crs crs, List<String> bandRoles, long inMemoryPixels) {
        EpochRaster raster = null;
        try {
            raster = EpochRaster.open(file);
            PixelGrid grid = raster.pixelGrid();
            AffineTransform gridToCrs = new AffineTransform(grid.scaleX(), grid.shearY(), grid.shearX(), grid.scaleY(), grid.translateX(),
                    grid.translateY());
            return Imagery.of(name, crs, gridToCrs, bandRoles, 0, raster, inMemoryPixels);
        } catch (RasterException | IllegalArgumentException e) {
            if (raster != null) {
                raster.close();
            }
            throw new IllegalStateException("Cannot read imagery " + file + ": " + e.getMessage(), e);
        }
    }
}
