package org.terrawatch.change;

/**
 * Normalised-difference indices of a mean spectrum: vegetation (NDVI), open water (McFeeters' NDWI), built-up
 * (NDBI) and burn (NBR), and the visible brightness. NaN where the bands are missing.
 */
public record SpectralIndices(double ndvi, double ndwi, double ndbi, double nbr, double brightness) {

    public static SpectralIndices of(double[] spectrum, BandRoles roles) {
        return new SpectralIndices(difference(spectrum, roles.nir(), roles.red()), difference(spectrum, roles.green(), roles.nir()),
                difference(spectrum, roles.swir1(), roles.nir()), difference(spectrum, roles.nir(), roles.swir2()), brightness(spectrum, roles));
    }

    private static double difference(double[] spectrum, int a, int b) {
        if (a < 0 || b < 0) {
            return Double.NaN;
        }
        double sum = spectrum[a] + spectrum[b];
        return sum == 0 ? 0 : (spectrum[a] - spectrum[b]) / sum;
    }

    private static double brightness(double[] spectrum, BandRoles roles) {
        double sum = 0;
        int count = 0;
        for (int band : new int[] {roles.blue(), roles.green(), roles.red()}) {
            if (band >= 0) {
                sum += spectrum[band];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
