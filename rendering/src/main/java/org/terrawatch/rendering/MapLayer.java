package org.terrawatch.rendering;

import java.util.function.Consumer;
import org.terrawatch.query.Feature;
import org.terrawatch.rendering.style.Style;

/**
 * A layer to draw: its style, and its features in the map CRS (x east) handed over one by one — a map never
 * holds a layer's features in memory.
 */
public record MapLayer(String name, Style style, Consumer<Consumer<Feature>> features) {
}
