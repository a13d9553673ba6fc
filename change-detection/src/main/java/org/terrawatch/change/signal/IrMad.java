package org.terrawatch.change.signal;

import org.terrawatch.raster.Bands;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Iteratively reweighted Multivariate Alteration Detection (Nielsen 2007): canonical correlation analysis between
 * the two epochs' bands, the differences of the canonical variates (MAD variates) standardised by their variances
 * and summed squared into a chi-square statistic per pixel; each iteration weighs pixels by their probability of
 * no change, so the transformation is learned from the unchanged ones (until the canonical correlations settle).
 * Invariant to linear radiometric differences between the epochs. Fitted on a sample, the transformation of the last
 * round is kept, so any window of the same epochs gets its statistic from the same figures. The per-pixel work runs
 * on every core.
 */
public final class IrMad {

    /** Canonical correlations changing less than this between rounds: converged, stop early. */
    static final double CONVERGED = 1e-6;
    private static final int CHUNK = 1 << 14;

    private final double[] meanX;
    private final double[] meanY;
    private final double[][] a;
    private final double[][] b;
    private final double[] variances;
    private final double[] sampleChiSquare;

    private IrMad(double[] meanX, double[] meanY, double[][] a, double[][] b, double[] variances, double[] sampleChiSquare) {
        this.meanX = meanX;
        this.meanY = meanY;
        this.a = a;
        this.b = b;
        this.variances = variances;
        this.sampleChiSquare = sampleChiSquare;
    }

    /** Fits the transformation on a sample of both epochs (the same grid) in the given number of rounds at most. */
    public static IrMad fit(Bands before, Bands after, int iterations) {
        if (!before.sameGrid(after)) {
            throw new IllegalArgumentException("The epochs lie on different grids");
        }
        int bands = before.count();
        int pixels = before.pixels();
        double[] weights = new double[pixels];
        java.util.Arrays.fill(weights, 1);
        double[] chi = new double[pixels];
        double[] previousRho = new double[bands];
        IrMad fitted = null;
        for (int iteration = 0; iteration < iterations; iteration++) {
            double total = 0;
            double[] meanX = new double[bands];
            double[] meanY = new double[bands];
            for (int p = 0; p < pixels; p++) {
                total += weights[p];
                for (int b = 0; b < bands; b++) {
                    meanX[b] += weights[p] * before.values()[b][p];
                    meanY[b] += weights[p] * after.values()[b][p];
                }
            }
            for (int b = 0; b < bands; b++) {
                meanX[b] /= total;
                meanY[b] /= total;
            }
            double[][][] sums = covariances(before, after, weights, total, meanX, meanY);
            double[][] sxx = sums[0];
            double[][] syy = sums[1];
            double[][] sxy = sums[2];
            RealMatrix Sxx = symmetric(sxx);
            RealMatrix Syy = symmetric(syy);
            RealMatrix Sxy = new Array2DRowRealMatrix(sxy);
            RealMatrix syyInverse = MatrixUtils.inverse(Syy);
            // Sxy Syy^-1 Syx a = rho^2 Sxx a, solved through Sxx = L L^T.
            RealMatrix lower = new CholeskyDecomposition(Sxx).getL();
            RealMatrix lowerInverse = MatrixUtils.inverse(lower);
            RealMatrix c = lowerInverse.multiply(Sxy).multiply(syyInverse).multiply(Sxy.transpose()).multiply(lowerInverse.transpose());
            c = c.add(c.transpose()).scalarMultiply(0.5);
            EigenDecomposition eigen = new EigenDecomposition(c);
            RealMatrix a = lowerInverse.transpose().multiply(eigen.getV());
            RealMatrix bMatrix = syyInverse.multiply(Sxy.transpose()).multiply(a);
            double[] variances = new double[bands];
            double change = 0;
            for (int k = 0; k < bands; k++) {
                double[] ak = a.getColumn(k);
                double[] bk = bMatrix.getColumn(k);
                double normA = Math.sqrt(quadratic(Sxx, ak));
                double normB = Math.sqrt(quadratic(Syy, bk));
                double sign = Math.signum(bilinear(Sxy, ak, bk));
                for (int i = 0; i < bands; i++) {
                    a.setEntry(i, k, ak[i] / normA);
                    bMatrix.setEntry(i, k, sign * bk[i] / normB);
                }
                double rho = Math.sqrt(Math.max(0, Math.min(1, eigen.getRealEigenvalue(k))));
                variances[k] = Math.max(1e-9, 2 * (1 - rho));
                change = Math.max(change, Math.abs(rho - previousRho[k]));
                previousRho[k] = rho;
            }
            fitted = new IrMad(meanX, meanY, a.getData(), bMatrix.getData(), variances, chi);
            fitted.chiSquare(before, after, chi);
            IntStream.range(0, pixels).parallel().forEach(p -> weights[p] = ChiSquare.survival(chi[p], bands));
            if (iteration > 0 && change < CONVERGED) {
                break;
            }
        }
        return fitted;
    }

    /** The chi-square statistic of the sample the transformation was fitted on, pixel by pixel. */
    public double[] sampleChiSquare() {
        return sampleChiSquare;
    }

    /** The chi-square statistic (degrees of freedom: the band count) of every pixel of a window of both epochs. */
    public double[] chiSquare(Bands before, Bands after) {
        double[] chi = new double[before.pixels()];
        chiSquare(before, after, chi);
        return chi;
    }

    /** The chi-square statistic of one pixel of a window of both epochs (NaN where a band has no value). */
    public double chiSquare(Bands before, Bands after, int pixel) {
        return chiSquare(before, after, pixel, new double[meanX.length], new double[meanX.length]);
    }

    private void chiSquare(Bands before, Bands after, double[] chi) {
        int pixels = before.pixels();
        IntStream.range(0, (pixels + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            double[] u = new double[meanX.length];
            double[] v = new double[meanX.length];
            for (int p = chunk * CHUNK; p < Math.min(pixels, (chunk + 1) * CHUNK); p++) {
                chi[p] = chiSquare(before, after, p, u, v);
            }
        });
    }

    private double chiSquare(Bands before, Bands after, int p, double[] u, double[] v) {
        int bands = meanX.length;
        for (int i = 0; i < bands; i++) {
            u[i] = before.values()[i][p] - meanX[i];
            v[i] = after.values()[i][p] - meanY[i];
        }
        double sum = 0;
        for (int k = 0; k < bands; k++) {
            double projected = 0;
            for (int i = 0; i < bands; i++) {
                projected += a[i][k] * u[i] - b[i][k] * v[i];
            }
            sum += projected * projected / variances[k];
        }
        return sum;
    }

    /** Weighted covariances {Sxx, Syy, Sxy}, summed chunk by chunk on every core. */
    private static double[][][] covariances(Bands before, Bands after, double[] weights, double total, double[] meanX, double[] meanY) {
        int bands = before.count();
        int pixels = before.pixels();
        return IntStream.range(0, (pixels + CHUNK - 1) / CHUNK).parallel().mapToObj(chunk -> {
            double[][][] sums = new double[3][bands][bands];
            double[] x = new double[bands];
            double[] y = new double[bands];
            for (int p = chunk * CHUNK; p < Math.min(pixels, (chunk + 1) * CHUNK); p++) {
                double w = weights[p] / total;
                for (int b = 0; b < bands; b++) {
                    x[b] = before.values()[b][p] - meanX[b];
                    y[b] = after.values()[b][p] - meanY[b];
                }
                for (int i = 0; i < bands; i++) {
                    double wx = w * x[i];
                    double wy = w * y[i];
                    for (int j = i; j < bands; j++) {
                        sums[0][i][j] += wx * x[j];
                        sums[1][i][j] += wy * y[j];
                    }
                    for (int j = 0; j < bands; j++) {
                        sums[2][i][j] += wx * y[j];
                    }
                }
            }
            return sums;
        }).reduce((a, b) -> {
            for (int m = 0; m < 3; m++) {
                for (int i = 0; i < bands; i++) {
                    for (int j = 0; j < bands; j++) {
                        a[m][i][j] += b[m][i][j];
                    }
                }
            }
            return a;
        }).map(sums -> {
            for (int m = 0; m < 2; m++) {
                for (int i = 0; i < bands; i++) {
                    for (int j = 0; j < i; j++) {
                        sums[m][i][j] = sums[m][j][i];
                    }
                }
            }
            return sums;
        }).orElseThrow();
    }

    /** The matrix made exactly symmetric (the sums behind it round differently on either side of the diagonal). */
    private static RealMatrix symmetric(double[][] values) {
        RealMatrix matrix = new Array2DRowRealMatrix(values);
        return matrix.add(matrix.transpose()).scalarMultiply(0.5);
    }

    private static double quadratic(RealMatrix m, double[] v) {
        return bilinear(m, v, v);
    }

    private static double bilinear(RealMatrix m, double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                sum += u[i] * m.getEntry(i, j) * v[j];
            }
        }
        return sum;
    }
}
