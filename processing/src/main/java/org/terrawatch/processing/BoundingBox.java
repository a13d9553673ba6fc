package org.terrawatch.processing;

/**
 * A bounding-box value: lower and upper corner in the CRS's axis order as sent, and the CRS as named (an EPSG URN,
 * URI or {@code EPSG:n}; null means CRS84).
 */
public record BoundingBox(double[] lower, double[] upper, String crs) {

    public BoundingBox {
        if (lower.length != upper.length || lower.length < 2) {
            throw new IllegalArgumentException("A bounding box has two corners of the same dimension, at least 2");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("The lower corner must not exceed the upper corner");
            }
        }
    }
}
