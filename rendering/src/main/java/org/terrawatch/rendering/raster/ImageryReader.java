package org.terrawatch.rendering.raster;

import java.awt.geom.AffineTransform;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.opengis.referencing.operation.MathTransform;
import org.terrawatch.ows.Crs;

/**
 * Reads an imagery epoch from a GeoTIFF (tiled, striped or Cloud-Optimized; integer samples) with Apache SIS:
 * its first image's bands and its affine grid-to-CRS transform. Zero is nodata, as the demo and most
 * reflectance products write it.
 */
public final class ImageryReader {

    private ImageryReader() {
    }

    public static Imagery read(String name, Path file, Crs crs, List<String> bandRoles) {
        try (DataStore store = DataStores.open(file)) {
            GridCoverageResource resource = coverage(store);
            GridCoverage coverage = resource.read(null);
            MathTransform gridToCrs = coverage.getGridGeometry().getGridToCRS(PixelInCell.CELL_CORNER);
            if (!(gridToCrs instanceof org.apache.sis.referencing.operation.transform.LinearTransform linear)) {
                throw new IllegalArgumentException(file + " is not on an affine grid");
            }
            var matrix = linear.getMatrix();
            AffineTransform affine = new AffineTransform(matrix.getElement(0, 0), matrix.getElement(1, 0), matrix.getElement(0, 1),
                    matrix.getElement(1, 1), matrix.getElement(0, 2), matrix.getElement(1, 2));
            RenderedImage image = coverage.render(null);
            Raster raster = image.getData();
            int width = raster.getWidth();
            int height = raster.getHeight();
            short[][] bands = new short[raster.getNumBands()][];
            int[] samples = new int[width * height];
            for (int band = 0; band < bands.length; band++) {
                raster.getSamples(raster.getMinX(), raster.getMinY(), width, height, band, samples);
                bands[band] = new short[samples.length];
                for (int i = 0; i < samples.length; i++) {
                    bands[band][i] = (short) Math.max(0, Math.min(65535, samples[i]));
                }
            }
            return Imagery.of(name, crs, affine, bandRoles, 0, new Imagery.Level(width, height, bands));
        } catch (DataStoreException e) {
            throw new IllegalStateException("Cannot read imagery " + file + ": " + e.getMessage(), e);
        }
    }

    private static GridCoverageResource coverage(Resource resource) throws DataStoreException {
        if (resource instanceof GridCoverageResource grid) {
            return grid;
        }
        if (resource instanceof Aggregate aggregate) {
            for (Resource component : aggregate.components()) {
                return coverage(component);
            }
        }
        throw new DataStoreException("No image in " + resource);
    }
}
