package org.terrawatch.change.signal;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.terrawatch.change.raster.Bands;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Iteratively reweighted Multivariate Alteration Detection (Nielsen 2007): canonical correlation analysis between
 * the two epochs' bands, the differences of the canonical variates (MAD variates) standardised by their variances
 * and summed squared into a chi-square statistic per pixel; each iteration weighs pixels by their probability of
 * no change, so the transformation is learned from the unchanged ones. Invariant to linear radiometric
 * differences between the epochs.
 */
public final class IrMad {

    private IrMad() {
    }

    /** The chi-square statistic (degrees of freedom: the band count) of every pixel after the given iterations. */
    public static double[] chiSquare(Bands before, Bands after, int iterations) {
        if (!before.sameGrid(after)) {
            throw new IllegalArgumentException("The epochs lie on different grids");
        }
        int bands = before.count();
        int pixels = before.pixels();
        double[] weights = new double[pixels];
        java.util.Arrays.fill(weights, 1);
        double[] chi = new double[pixels];
        ChiSquaredDistribution distribution = new ChiSquaredDistribution(bands);
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
            double[][] sxx = new double[bands][bands];
            double[][] syy = new double[bands][bands];
            double[][] sxy = new double[bands][bands];
            double[] x = new double[bands];
            double[] y = new double[bands];
            for (int p = 0; p < pixels; p++) {
                double w = weights[p] / total;
                for (int b = 0; b < bands; b++) {
                    x[b] = before.values()[b][p] - meanX[b];
                    y[b] = after.values()[b][p] - meanY[b];
                }
                for (int i = 0; i < bands; i++) {
                    for (int j = 0; j < bands; j++) {
                        sxx[i][j] += w * x[i] * x[j];
                        syy[i][j] += w * y[i] * y[j];
                        sxy[i][j] += w * x[i] * y[j];
                    }
                }
            }
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
            }
            double[][] aa = a.getData();
            double[][] bb = bMatrix.getData();
            for (int p = 0; p < pixels; p++) {
                double sum = 0;
                for (int i = 0; i < bands; i++) {
                    x[i] = before.values()[i][p] - meanX[i];
                    y[i] = after.values()[i][p] - meanY[i];
                }
                for (int k = 0; k < bands; k++) {
                    double u = 0;
                    double v = 0;
                    for (int i = 0; i < bands; i++) {
                        u += aa[i][k] * x[i];
                        v += bb[i][k] * y[i];
                    }
                    double mad = u - v;
                    sum += mad * mad / variances[k];
                }
                chi[p] = sum;
                weights[p] = 1 - distribution.cumulativeProbability(sum);
            }
        }
        return chi;
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
