package org.terrawatch.rendering;

import java.util.function.Consumer;
import org.terrawatch.query.Feature;
import org.terrawatch.rendering.style.Style;

/**
 * A layer to draw: its style, and its features in the map CRS (x east) handed over one by one — a map never
 * holds a layer's features in memory; or a raster (imagery) drawn for the map's view.
 *
 * @param raster null for a vector layer
 */
public record MapLayer(String name, Style style, Consumer<Consumer<Feature>> features,
                       java.util.function.Function<MapView, java.awt.image.BufferedImage> raster) {

    public MapLayer(String name, Style style, Consumer<Consumer<Feature>> features) {
        this(name, style, features, null);
    }

    /** A raster layer. */
    public static MapLayer raster(String name, java.util.function.Function<MapView, java.awt.image.BufferedImage> raster) {
        return new MapLayer(name, new Style(name, null, java.util.List.of()), consumer -> { }, raster);
    }
}
