package org.terrawatch.raster;

import java.util.Objects;

/**
 * The bands of an image epoch on its grid: {@code values[band][row * width + column]}, as read (no scaling).
 */
public record Bands(int width, int height, float[][] values) {

    public Bands {
        Objects.requireNonNull(values, "values");
        for (float[] band : values) {
            if (band.length != width * height) {
                throw new IllegalArgumentException("Every band holds width × height values");
            }
        }
    }

    public int count() {
        return values.length;
    }

    public int pixels() {
        return width * height;
    }

    /** Whether another epoch lies on a grid of the same size (the caller checks that the grids coincide). */
    public boolean sameGrid(Bands other) {
        return width == other.width && height == other.height && count() == other.count();
    }
}
