package org.terrawatch.raster;

import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
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
 * integer or float samples) read with Apache SIS, which loads only the tiles or strips a window touches. Strips
 * (windows at least half the image wide) are decoded in whole-width blocks of whole tiles and the last few blocks
 * kept, so strips that share a tile (and their halos) do not decode it again; different blocks decode at once on up
 * to {@link #READERS} stores open on the file, and the next block is decoded ahead while the current one is used.
 * Narrower windows (the model's sample) decode just the tiles they touch.
 * Samples come as floats; a nodata value the file declares reads as NaN. Threads may share one raster.
 */
public final class EpochRaster implements AutoCloseable {

    static final int KEPT_BLOCKS = 3;
    /** Decodes the block after the one just asked for, while the caller works on it. */
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "epoch-prefetch");
        thread.setDaemon(true);
        return thread;
    });
    /** Stores open on the file at most, so that blocks decode in parallel (each SIS store reads one thing at a time). */
    static final int READERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** One open store on the file and its image. */
    private record Reader(DataStore store, GridCoverageResource resource) {
    }

    private final Path file;
    private final BlockingQueue<Reader> idle = new LinkedBlockingQueue<>();
    private final List<Reader> readers = new ArrayList<>();
    private final GridGeometry grid;
    private final int width;
    private final int height;
    private final int bandCount;
    private int blockRows;
    /** The blocks read last (or being read), by index: enough for the strips in flight and their halos. */
    private final Map<Integer, CompletableFuture<List<Raster>>> blocks = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompletableFuture<List<Raster>>> eldest) {
            return size() > KEPT_BLOCKS;
        }
    };

    private EpochRaster(Path file, DataStore store, GridCoverageResource resource) throws DataStoreException {
        this.file = file;
        this.grid = resource.getGridGeometry();
        GridExtent extent = grid.getExtent();
        if (extent.getDimension() != 2) {
            throw new DataStoreException("expected a two-dimensional image, found " + extent.getDimension() + " dimensions");
        }
        this.width = Math.toIntExact(extent.getSize(0));
        this.height = Math.toIntExact(extent.getSize(1));
        this.bandCount = resource.getSampleDimensions().size();
        Reader first = new Reader(store, resource);
        readers.add(first);
        idle.add(first);
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
            readInside(x0, y0, x1 - x0, y1 - y0, values, (y0 - row) * windowWidth + (x0 - column), windowWidth);
        }
        return new Bands(windowWidth, windowHeight, values);
    }

    /**
     * Copies the window's samples into values at offset, rows stride apart. A window of less than half the image's
     * width (a sample window) is decoded on its own: only the tiles it touches. A wider one (a strip) comes from the
     * blocks of whole-width rows that hold it (decoded once each, kept while recent).
     */
    private void readInside(int column, int row, int w, int h, float[][] values, int offset, int stride) {
        if (2L * w < width) {
            Reader reader = take();
            try {
                copy(tiles(render(reader, column, row, w, h), column, row), column, row, w, h, values, offset, stride);
            } finally {
                idle.add(reader);
            }
            return;
        }
        int blockRows = blockRows();
        for (int block = row / blockRows; block <= (row + h - 1) / blockRows; block++) {
            copy(block(block, blockRows), column, row, w, h, values, offset, stride);
        }
    }

    /** Copies what of the window lies in the tiles (in file pixel coordinates). */
    private void copy(List<Raster> tiles, int column, int row, int w, int h, float[][] values, int offset, int stride) {
        for (Raster tile : tiles) {
            int x0 = Math.max(column, tile.getMinX());
            int y0 = Math.max(row, tile.getMinY());
            int x1 = Math.min(column + w, tile.getMinX() + tile.getWidth());
            int y1 = Math.min(row + h, tile.getMinY() + tile.getHeight());
            if (x0 >= x1 || y0 >= y1) {
                continue;
            }
            for (int band = 0; band < bandCount; band++) {
                for (int y = y0; y < y1; y++) {
                    TileSamples.copyRow(tile, band, x0, y, x1 - x0, values[band], offset + (y - row) * stride + (x0 - column));
                }
            }
        }
    }

    /**
     * Reads the whole image top to bottom and hands it to the consumer in order, in windows of whole rows (at most
     * the given number, never across a block): one pass, with the blocks ahead decoded at once on every store open
     * on the file. The kept blocks of {@link #read} are left alone.
     */
    public void scan(int rows, Consumer<Bands> consumer) {
        int blockRows = blockRows();
        int blockCount = (height + blockRows - 1) / blockRows;
        Deque<CompletableFuture<List<Raster>>> ahead = new ArrayDeque<>();
        int next = 0;
        try {
            for (int block = 0; block < blockCount; block++) {
                while (next < blockCount && next < block + READERS) {
                    int index = next++;
                    ahead.add(CompletableFuture.supplyAsync(() -> {
                        Reader reader = take();
                        try {
                            return decode(reader, index, blockRows);
                        } finally {
                            idle.add(reader);
                        }
                    }, PREFETCH));
                }
                List<Raster> tiles = ahead.removeFirst().join();
                int end = Math.min(height, (block + 1) * blockRows);
                for (int first = block * blockRows; first < end; first += rows) {
                    int count = Math.min(rows, end - first);
                    float[][] values = new float[bandCount][width * count];
                    copy(tiles, 0, first, width, count, values, 0, width);
                    consumer.accept(new Bands(width, count, values));
                }
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            ahead.forEach(future -> future.cancel(false));
        }
    }

    /** Rows per block: whole tiles of the file, at least 64 rows. */
    private int blockRows() {
        synchronized (blocks) {
            if (blockRows == 0) {
                Reader reader = take();
                try {
                    int tileHeight = Math.max(1, render(reader, 0, 0, 1, 1).getTileHeight());
                    blockRows = tileHeight * (int) Math.ceil(64.0 / tileHeight);
                } finally {
                    idle.add(reader);
                }
            }
            return blockRows;
        }
    }

    /**
     * A block of whole-width rows as tiles translated to file pixel coordinates. The thread that first asks for a
     * block decodes it with an idle store; others asking meanwhile wait for it; the last few blocks are kept.
     */
    private List<Raster> block(int index, int blockRows) {
        CompletableFuture<List<Raster>> future = claim(index);
        if (future == null) {
            synchronized (blocks) {
                future = blocks.get(index);
            }
        } else {
            decodeInto(future, index, blockRows);
        }
        if ((index + 1) * blockRows < height) {
            CompletableFuture<List<Raster>> next = claim(index + 1);
            if (next != null) {
                PREFETCH.execute(() -> decodeInto(next, index + 1, blockRows));
            }
        }
        if (future == null) {
            return block(index, blockRows); // evicted meanwhile: read it again
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** A new, empty future for the block when nobody reads it yet (the caller then decodes it), else null. */
    private CompletableFuture<List<Raster>> claim(int index) {
        synchronized (blocks) {
            if (blocks.containsKey(index)) {
                return null;
            }
            CompletableFuture<List<Raster>> future = new CompletableFuture<>();
            blocks.put(index, future);
            return future;
        }
    }

    private void decodeInto(CompletableFuture<List<Raster>> future, int index, int blockRows) {
        Reader reader = take();
        try {
            future.complete(decode(reader, index, blockRows));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            synchronized (blocks) {
                blocks.remove(index);
            }
        } finally {
            idle.add(reader);
        }
    }

    private List<Raster> decode(Reader reader, int index, int blockRows) {
        int first = index * blockRows;
        int rows = Math.min(blockRows, height - first);
        return tiles(render(reader, 0, first, width, rows), 0, first);
    }

    /**
     * The tiles of an image rendered for a window whose corner is (column, row), in file pixel coordinates. SIS puts
     * the window's corner at the image's (0, 0); the image may begin before it, at a tile's corner.
     */
    private static List<Raster> tiles(RenderedImage image, int column, int row) {
        List<Raster> tiles = new ArrayList<>();
        for (int ty = image.getMinTileY(); ty < image.getMinTileY() + image.getNumYTiles(); ty++) {
            for (int tx = image.getMinTileX(); tx < image.getMinTileX() + image.getNumXTiles(); tx++) {
                Raster tile = image.getTile(tx, ty);
                tiles.add(tile.createTranslatedChild(tile.getMinX() + column, tile.getMinY() + row));
            }
        }
        return tiles;
    }

    /** An idle store, opening another while fewer than {@link #READERS} are open. */
    private Reader take() {
        Reader reader = idle.poll();
        if (reader == null) {
            synchronized (readers) {
                if (readers.size() < READERS) {
                    try {
                        DataStore another = DataStores.open(file);
                        reader = new Reader(another, firstImage(another));
                        readers.add(reader);
                    } catch (DataStoreException e) {
                        throw new RasterException("Cannot open " + file.getFileName() + " again: " + e.getMessage(), e);
                    }
                }
            }
        }
        try {
            return reader != null ? reader : idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RasterException("Interrupted while reading " + file.getFileName(), e);
        }
    }

    private RenderedImage render(Reader reader, int column, int row, int w, int h) {
        GridExtent window = new GridExtent(null, new long[] {column, row}, new long[] {column + w - 1L, row + h - 1L}, true);
        try {
            GridGeometry domain = reader.resource().getGridGeometry().derive().subgrid(window).build();
            return reader.resource().read(domain).forConvertedValues(true).render(window);
        } catch (DataStoreException | RuntimeException e) {
            throw new RasterException("Cannot read " + file.getFileName() + " at column " + column + ", row " + row + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the decoded blocks kept for the strips to come, so that a reader done with a wide window (a map of a
     * large area) frees their memory. Reads after it decode again.
     */
    public void forgetBlocks() {
        synchronized (blocks) {
            blocks.clear();
        }
    }

    @Override
    public void close() {
        synchronized (readers) {
            for (Reader reader : readers) {
                try {
                    reader.store().close();
                } catch (DataStoreException e) {
                    throw new RasterException("Cannot close " + file.getFileName() + ": " + e.getMessage(), e);
                }
            }
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
