package org.terrawatch.geodesy;

/**
 * An area as the bureaus report it: square metres, mu (亩, 1 mu = 10000/15 m²) and hectares.
 * The three values always describe the same quantity; build it with {@link #ofSquareMetres(double)}.
 */
public record Area(double squareMetres, double mu, double hectares) {

    /** Square metres in one mu (亩), by the national definition 1 mu = 10000/15 m². */
    public static final double SQUARE_METRES_PER_MU = 10_000.0 / 15.0;

    public Area {
        if (!(squareMetres >= 0) || Double.isInfinite(squareMetres)) {
            throw new IllegalArgumentException("An area is finite and not negative: " + squareMetres);
        }
    }

    public static Area ofSquareMetres(double squareMetres) {
        return new Area(squareMetres, squareMetres / SQUARE_METRES_PER_MU, squareMetres / 10_000.0);
    }
}
