package org.terrawatch.change;

import java.awt.image.Raster;
import java.nio.file.Path;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;

/** Reads every band of a GeoTIFF's first image (8/16-bit integer or float samples) with Apache SIS. */
public final class GeoTiffBands {

    private GeoTiffBands() {
    }

    public static Bands read(Path file) {
        try (DataStore store = DataStores.open(file)) {
            GridCoverage coverage = coverage(store).read(null);
            Raster raster = coverage.render(null).getData();
            int width = raster.getWidth();
            int height = raster.getHeight();
            float[][] values = new float[raster.getNumBands()][];
            for (int band = 0; band < values.length; band++) {
                values[band] = raster.getSamples(raster.getMinX(), raster.getMinY(), width, height, band, new float[width * height]);
            }
            return new Bands(width, height, values);
        } catch (DataStoreException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
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
