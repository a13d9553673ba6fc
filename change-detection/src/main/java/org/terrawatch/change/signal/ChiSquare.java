package org.terrawatch.change.signal;

import org.apache.commons.math3.special.Erf;

/**
 * The chi-square survival function Q(x; k) = P(X > x) for whole degrees of freedom, in closed form (the series of
 * the incomplete gamma function that ends for whole k), so IR-MAD's per-pixel weights cost a few multiplications:
 * even k: e^(-x/2) Σ_{i<k/2} (x/2)^i / i!; odd k: erfc(√(x/2)) + e^(-x/2) √(2x/π) Σ_{i<(k-1)/2} x^i / (3·5···(2i+1)).
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    public static double survival(double x, int degrees) {
        if (degrees < 1) {
            throw new IllegalArgumentException("Degrees of freedom are 1 or more");
        }
        if (!(x > 0)) {
            return 1;
        }
        double half = x / 2;
        if (degrees % 2 == 0) {
            double term = 1;
            double sum = 1;
            for (int i = 1; i < degrees / 2; i++) {
                term *= half / i;
                sum += term;
            }
            return Math.min(1, Math.exp(-half) * sum);
        }
        double sum = 0;
        double term = Math.sqrt(2 * x / Math.PI);
        for (int i = 0; i < (degrees - 1) / 2; i++) {
            sum += term;
            term *= x / (2 * i + 3);
        }
        return Math.min(1, Erf.erfc(Math.sqrt(half)) + Math.exp(-half) * sum);
    }
}
