package org.terrawatch.change.signal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.terrawatch.raster.Bands;

/**
 * Unsupervised spectral classes shared by both epochs: k-means (k-means++ seeding, fixed seed, so a run is
 * repeatable) on the pixels of the before-epoch and of the normalised after-epoch together, each band scaled by its
 * spread. Half the points are drawn from the candidate changes, so a cover that is rare in the landscape but common
 * among the changes (a new pond, a new roof) gets a class of its own.
 * <p>
 * Two classes whose spheres overlap — centres nearer than the sum of their root-mean-square radii — are taken as
 * one kind of cover: k-means splits a continuous cover (crops at two growth stages, bare soil wet and dry) wherever
 * the points are dense, and moving across such a split is a change of degree. A pixel whose class is of the same
 * kind on both dates has changed in degree (season, moisture, water colour), not in kind; post-classification
 * comparison keeps only changes of kind.
 */
public final class SpectralClasses {

    /** Enough points for stable centroids: the candidates and the rest are each thinned evenly to this many. */
    private static final int MAXIMUM_POINTS = 25_000;
    private static final int ITERATIONS = 50;

    private final double[][] centroids;
    private final double[] scales;
    private final boolean[][] sameKind;

    private SpectralClasses(double[][] centroids, double[] scales, boolean[][] sameKind) {
        this.centroids = centroids;
        this.scales = scales;
        this.sameKind = sameKind;
    }

    /** @param candidate which pixels are candidate changes */
    public static SpectralClasses fit(Bands before, Bands normalisedAfter, boolean[] candidate, int classes, long seed) {
        int bands = before.count();
        int pixels = before.pixels();
        double[] scales = new double[bands];
        for (int b = 0; b < bands; b++) {
            double sum = 0;
            double squares = 0;
            for (Bands epoch : new Bands[] {before, normalisedAfter}) {
                for (float v : epoch.values()[b]) {
                    sum += v;
                    squares += (double) v * v;
                }
            }
            double n = 2.0 * pixels;
            double spread = Math.sqrt(Math.max(0, squares / n - (sum / n) * (sum / n)));
            scales[b] = spread > 0 ? 1 / spread : 1;
        }
        int candidates = 0;
        for (boolean c : candidate) {
            candidates += c ? 1 : 0;
        }
        List<DoublePoint> points = new ArrayList<>();
        for (boolean stratum : new boolean[] {true, false}) {
            int size = stratum ? candidates : pixels - candidates;
            int step = Math.max(1, size / MAXIMUM_POINTS);
            int seen = 0;
            for (int p = 0; p < pixels; p++) {
                if (candidate[p] == stratum && seen++ % step == 0) {
                    for (Bands epoch : new Bands[] {before, normalisedAfter}) {
                        double[] point = new double[bands];
                        for (int b = 0; b < bands; b++) {
                            point[b] = epoch.values()[b][p] * scales[b];
                        }
                        points.add(new DoublePoint(point));
                    }
                }
            }
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        List<CentroidCluster<DoublePoint>> clusters = new KMeansPlusPlusClusterer<DoublePoint>(
                Math.min(classes, points.size()), ITERATIONS, new EuclideanDistance(), random).cluster(points);
        double[][] centroids = new double[clusters.size()][];
        double[] radii = new double[clusters.size()];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = clusters.get(c).getCenter().getPoint();
            double squares = 0;
            for (DoublePoint point : clusters.get(c).getPoints()) {
                squares += squaredDistance(point.getPoint(), centroids[c]);
            }
            radii[c] = Math.sqrt(squares / Math.max(1, clusters.get(c).getPoints().size()));
        }
        boolean[][] sameKind = new boolean[centroids.length][centroids.length];
        for (int a = 0; a < centroids.length; a++) {
            for (int b = 0; b < centroids.length; b++) {
                sameKind[a][b] = Math.sqrt(squaredDistance(centroids[a], centroids[b])) < radii[a] + radii[b];
            }
        }
        return new SpectralClasses(centroids, scales, sameKind);
    }

    /** Whether two classes are one kind of cover (a class is always of its own kind). */
    public boolean sameKind(int a, int b) {
        return a == b || a >= 0 && b >= 0 && sameKind[a][b];
    }

    private static double squaredDistance(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += (u[i] - v[i]) * (u[i] - v[i]);
        }
        return sum;
    }

    /** The class of one pixel of an epoch; -1 where a band has no value. */
    public int classOf(Bands epoch, int pixel) {
        int best = -1;
        double nearest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = 0;
            for (int b = 0; b < scales.length; b++) {
                double d = epoch.values()[b][pixel] * scales[b] - centroids[c][b];
                distance += d * d;
            }
            if (distance < nearest) {
                nearest = distance;
                best = c;
            }
        }
        return best;
    }
}
