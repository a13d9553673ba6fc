package org.terrawatch.change.raster;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.opengis.referencing.operation.Matrix;
import org.apache.sis.referencing.operation.transform.LinearTransform;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.opengis.referencing.IdentifiedObject;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.util.FactoryException;

/**
 * One image epoch opened for windowed reading: a GeoTIFF or Cloud-Optimized GeoTIFF (tiled or striped; 8/16-bit
 * integer or float samples) read with Apache SIS, which loads only the tiles or strips a window touches. Samples
 * come as floats; a nodata value the file declares reads as NaN. Reads are serialised on the store, so threads may
 * share one raster.
 */
public final class EpochRaster implements AutoCloseable {

    private final Path file;
    private final DataStore store;
    private final GridCoverageResource resource;
    private final GridGeometry grid;
    private final int width;
    private final int height;
    private final int bandCount;

    private EpochRaster(Path file, DataStore store, GridCoverageResource resource) throws DataStoreException {
        this.file = file;
        this.store = store;
        this.resource = resource;
        this.grid = resource.getGridGeometry();
        GridExtent extent = grid.getExtent();
        if (extent.getDimension() != 2) {
            throw new DataStoreException("expected a two-dimensional image, found " + extent.getDimension() + " dimensions");
        }
        this.width = Math.toIntExact(extent.getSize(0));
        this.height = Math.toIntExact(extent.getSize(1));
        this.bandCount = resource.getSampleDimensions().size();
    }

    public static EpochRaster open(Path file) {
        DataStore store = null;
        try {
            store = DataStores.open(file);
            return new EpochRaster(file, store, firstImage(store));
        } catch (DataStoreException | RuntimeException e) {
            closeQuietly(store);
            throw new RasterException("Cannot open " + file.getFileName() + " as an image: " + e.getMessage(), e);
        }
    }

    /** Reads a whole small image (ground truth, masks in tests). */
    public static Bands readAll(Path file) {
        try (EpochRaster raster = open(file)) {
            return raster.read(0, 0, raster.width, raster.height);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bandCount() {
        return bandCount;
    }

    public Path file() {
        return file;
    }

    public CoordinateReferenceSystem crs() {
        return grid.isDefined(GridGeometry.CRS) ? grid.getCoordinateReferenceSystem() : null;
    }

    /**
     * Where the pixels lie: the affine transform from pixel corners to the CRS, with the CRS's axes in easting,
     * northing (or longitude, latitude) order whatever order its definition has.
     */
    public PixelGrid pixelGrid() {
        if (!grid.isDefined(GridGeometry.GRID_TO_CRS) || !(grid.getGridToCRS(PixelInCell.CELL_CORNER) instanceof LinearTransform linear)) {
            throw new RasterException(file.getFileName() + " has no affine georeferencing");
        }
        Matrix m = linear.getMatrix();
        CoordinateReferenceSystem crs = crs();
        int x = 0;
        int y = 1;
        if (crs != null) {
            AxisDirection first = crs.getCoordinateSystem().getAxis(0).getDirection();
            if (first == AxisDirection.NORTH || first == AxisDirection.SOUTH) {
                x = 1;
                y = 0;
            }
            crs = AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
        }
        return new PixelGrid(m.getElement(x, 0), m.getElement(x, 1), m.getElement(x, 2),
                m.getElement(y, 0), m.getElement(y, 1), m.getElement(y, 2), crs);
    }

    /** The EPSG code of the image's CRS, if it has one. */
    public Integer epsgCode() {
        CoordinateReferenceSystem crs = crs();
        if (crs == null) {
            return null;
        }
        try {
            Integer code = IdentifiedObjects.lookupEPSG(crs);
            if (code == null) {
                // GeoTIFF keys give east/north axes where EPSG's definition may say north/east.
                IdentifiedObjectFinder finder = IdentifiedObjects.newFinder(null);
                finder.setIgnoringAxes(true);
                IdentifiedObject found = finder.findSingleton(crs);
                code = found == null ? null : IdentifiedObjects.lookupEPSG(found);
            }
            return code;
        } catch (FactoryException e) {
            return null;
        }
    }

    /** The bands of a window of the image; pixels outside the image read as NaN. */
    public Bands read(int column, int row, int windowWidth, int windowHeight) {
        float[][] values = new float[bandCount][windowWidth * windowHeight];
        int x0 = Math.max(0, column);
        int y0 = Math.max(0, row);
        int x1 = Math.min(width, column + windowWidth);
        int y1 = Math.min(height, row + windowHeight);
        boolean inside = x0 == column && y0 == row && x1 - x0 == windowWidth && y1 - y0 == windowHeight;
        if (!inside) {
            for (float[] band : values) {
                Arrays.fill(band, Float.NaN);
            }
        }
        if (x0 < x1 && y0 < y1) {
            Raster data = readInside(x0, y0, x1 - x0, y1 - y0);
            float[] line = new float[x1 - x0];
            for (int band = 0; band < bandCount; band++) {
                for (int y = y0; y < y1; y++) {
                    data.getSamples(data.getMinX(), data.getMinY() + y - y0, line.length, 1, band, line);
                    System.arraycopy(line, 0, values[band], (y - row) * windowWidth + (x0 - column), line.length);
                }
            }
        }
        return new Bands(windowWidth, windowHeight, values);
    }

    private Raster readInside(int column, int row, int w, int h) {
        GridExtent window = new GridExtent(null, new long[] {column, row}, new long[] {column + w - 1L, row + h - 1L}, true);
        synchronized (store) {
            try {
                GridCoverage coverage = resource.read(grid.derive().subgrid(window).build()).forConvertedValues(true);
                RenderedImage image = coverage.render(window);
                return image.getData(new Rectangle(image.getMinX(), image.getMinY(), w, h));
            } catch (DataStoreException | RuntimeException e) {
                throw new RasterException("Cannot read " + file.getFileName() + " at column " + column + ", row " + row + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (DataStoreException e) {
            throw new RasterException("Cannot close " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static GridCoverageResource firstImage(Resource resource) throws DataStoreException {
        if (resource instanceof GridCoverageResource image) {
            return image;
        }
        if (resource instanceof Aggregate aggregate) {
            for (Resource component : aggregate.components()) {
                return firstImage(component);
            }
        }
        throw new DataStoreException("no image inside");
    }

    private static void closeQuietly(DataStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (DataStoreException ignored) {
                // already failing
            }
        }
    }
}
