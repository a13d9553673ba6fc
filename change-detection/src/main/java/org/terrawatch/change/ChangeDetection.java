package org.terrawatch.change;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.change.signal.ChangeModel;
import org.terrawatch.change.signal.StripSignal;
import org.terrawatch.change.vector.Component;
import org.terrawatch.change.vector.RunLabeller;
import org.terrawatch.change.vector.RunPolygonizer;
import org.terrawatch.raster.Bands;
import org.terrawatch.raster.GroundPixels;
import org.terrawatch.raster.PixelGrid;
import org.terrawatch.raster.RasterException;

/**
 * Change detection between two epochs, streamed: the {@link ChangeModel} is learned from a sample of windows,
 * then the image is decided in strips of rows — read, normalised, thresholded, several strips at once on worker
 * threads — and the strips' rows go in order through a streaming component labeller; each changed area, once
 * complete, is sieved, traced into a polygon, simplified, given its direction of change and handed on. Memory is
 * bounded by the strips in flight (about a million pixels each) and the areas still open, not by the image.
 */
public final class ChangeDetection {

    /** Pixels decided per strip; a strip's rows follow from the image's width. */
    static final int STRIP_PIXELS = 1 << 20;
    static final int SAMPLE_WINDOW = 256;

    private ChangeDetection() {
    }

    /**
     * @throws RasterException before anything is read when the band layout does not fit the epochs or the image's pixels
     *                         have no known ground area (no CRS)
     */
    public static DetectionSummary run(EpochPair pair, BandRoles roles, DetectionSettings settings, Consumer<DetectedChange> sink,
                                       DetectionProgress progress) {
        if (roles.bands() != pair.bandCount()) {
            throw new RasterException("The band layout names " + roles.bands() + " bands but the epochs have " + pair.bandCount()
                    + ": give the layout of these epochs (e.g. RED,GREEN,BLUE for RGB imagery)");
        }
        int width = pair.width();
        int height = pair.height();
        PixelGrid grid = pair.grid();
        GroundPixels ground = GroundPixels.of(grid, width, height);
        progress.report(0, "Learning the change model from a sample of both epochs");
        ChangeModel model = ChangeModel.fit(sample(pair, settings.samplePixels()), settings.model());
        checkCancelled(progress);
        double tolerance = settings.simplificationTolerance(Math.sqrt(grid.pixelArea()), ground.typical());
        RunPolygonizer polygonizer = new RunPolygonizer(new GeometryFactory(), grid);
        long[] counts = new long[3];
        double[] largestDropped = new double[1];
        RunLabeller labeller = new RunLabeller(width, pair.bandCount(), component -> {
            counts[1]++;
            double squareMetres = groundArea(component, ground);
            if (squareMetres >= settings.minimumAreaM2() - 1e-9) {
                counts[2]++;
                long holePixels = Math.max(1, (long) Math.ceil(settings.minimumAreaM2()
                        / ground.area((component.minRow() + component.maxRow()) / 2) - 1e-9));
                sink.accept(change(component, squareMetres, polygonizer, holePixels, tolerance, roles));
            } else {
                largestDropped[0] = Math.max(largestDropped[0], squareMetres);
            }
        });
        int rows = Math.max(8, Math.min(settings.stripRows(), STRIP_PIXELS / width));
        int strips = (height + rows - 1) / rows;
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "change-detection");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Strip>> inFlight = new ArrayDeque<>();
            int submitted = 0;
            for (int s = 0; s < strips; s++) {
                while (submitted < strips && inFlight.size() < Math.max(2, settings.threads())) {
                    int first = submitted * rows;
                    int count = Math.min(rows, height - first);
                    inFlight.add(workers.submit(() -> strip(pair, model, first, count)));
                    submitted++;
                }
                checkCancelled(progress);
                Strip strip = inFlight.poll().get();
                counts[0] += strip.feed(labeller);
                progress.report(5 + (int) (90L * (s + 1) / strips), "Decided rows " + (strip.first + strip.rows) + " of " + height);
            }
            labeller.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DetectionCancelled();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        progress.report(100, "Found " + counts[2] + " changed areas");
        List<String> notes = new ArrayList<>();
        if (!pair.aligned()) {
            notes.add(pair.resampling());
        }
        if (pair.zeroFilled()) {
            notes.add("Pixels zero in every band were read as no data, not compared: the fill around a warped or clipped image "
                    + "(declare the files' nodata value to be explicit)");
        }
        notes.addAll(roles.limitations());
        notes.addAll(nothingKept(counts, largestDropped[0], settings.minimumAreaM2(), ground.typical()));
        return new DetectionSummary(width, height, !pair.aligned(), ground.typical(), model.threshold(), counts[0], counts[1], counts[2],
                largestDropped[0], notes);
    }

    /** Why a run kept nothing, when it kept nothing. */
    static List<String> nothingKept(long[] counts, double largestDropped, double minimumAreaM2, double pixelAreaM2) {
        if (counts[2] > 0) {
            return List.of();
        }
        if (counts[0] == 0) {
            return List.of("No pixel changed beyond the threshold the change model learned: the epochs agree everywhere "
                    + "once their radiometry is matched");
        }
        return List.of(String.format(Locale.ROOT, "%d pixels changed in %d areas, but none reached the minimum area of %.0f m² "
                        + "(the largest was %.0f m², %.0f pixels of %.1f m²): lower the minimum area to keep smaller changes",
                counts[0], counts[1], minimumAreaM2, largestDropped, largestDropped / pixelAreaM2, pixelAreaM2));
    }

    private static double groundArea(Component component, GroundPixels ground) {
        double squareMetres = 0;
        for (int i = 0; i < component.runCount(); i++) {
            int[] run = component.run(i);
            squareMetres += (run[2] - run[1]) * ground.area(run[0]);
        }
        return squareMetres;
    }

    private static DetectedChange change(Component component, double squareMetres, RunPolygonizer polygonizer, long holePixels,
                                         double tolerance, BandRoles roles) {
        Geometry outline = polygonizer.outline(component, holePixels);
        if (tolerance > 0) {
            outline = TopologyPreservingSimplifier.simplify(outline, tolerance);
        }
        return new DetectedChange(outline, component.pixels(), squareMetres,
                ChangeDirection.of(component.meanBefore(), component.meanAfter(), roles), component.meanMagnitude(), component);
    }

    private static void checkCancelled(DetectionProgress progress) {
        if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
            throw new DetectionCancelled();
        }
    }

    /** The whole image when it is small enough, else square windows spread evenly over it. */
    static List<Bands[]> sample(EpochPair pair, long samplePixels) {
        int width = pair.width();
        int height = pair.height();
        if ((long) width * height <= samplePixels) {
            return List.<Bands[]>of(pair.read(0, 0, width, height));
        }
        int size = Math.min(SAMPLE_WINDOW, Math.min(width, height));
        int perSide = (int) Math.max(1, Math.floor(Math.sqrt(samplePixels / ((double) size * size))));
        List<Bands[]> windows = new ArrayList<>();
        for (int i = 0; i < perSide; i++) {
            for (int j = 0; j < perSide; j++) {
                int column = (int) ((width - size) * (j + 0.5) / perSide);
                int row = (int) ((height - size) * (i + 0.5) / perSide);
                windows.add(pair.read(column, row, size, size));
            }
        }
        return windows;
    }

    private static Strip strip(EpochPair pair, ChangeModel model, int first, int rows) {
        int halo = model.halo();
        Bands[] window = pair.read(0, first - halo, pair.width(), rows + 2 * halo);
        return new Strip(first, rows, halo, model.evaluate(window[0], window[1]));
    }

    /** A strip's decided rows, with the halo rows around them that only served its neighbourhood operations. */
    private record Strip(int first, int rows, int halo, StripSignal signal) {

        long feed(RunLabeller labeller) {
            int width = signal.before().width();
            int bands = signal.before().count();
            boolean[] changed = new boolean[width];
            double[] magnitude = new double[width];
            float[][] before = new float[bands][width];
            float[][] after = new float[bands][width];
            long count = 0;
            for (int y = halo; y < halo + rows; y++) {
                int offset = y * width;
                System.arraycopy(signal.changed(), offset, changed, 0, width);
                System.arraycopy(signal.magnitude(), offset, magnitude, 0, width);
                for (int b = 0; b < bands; b++) {
                    System.arraycopy(signal.before().values()[b], offset, before[b], 0, width);
                    System.arraycopy(signal.normalisedAfter().values()[b], offset, after[b], 0, width);
                }
                for (boolean c : changed) {
                    count += c ? 1 : 0;
                }
                labeller.row(changed, before, after, magnitude);
            }
            return count;
        }
    }
}
