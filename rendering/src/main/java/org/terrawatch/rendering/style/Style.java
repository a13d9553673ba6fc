package org.terrawatch.rendering.style;

import java.util.List;
import java.util.Objects;

/**
 * A named style: rules applied in order (SLD's FeatureTypeStyles flattened, each drawn over the previous).
 *
 * @param name  as WMS STYLES names it, e.g. {@code patches-by-status}
 * @param title shown in capabilities and legends (Chinese first)
 */
public record Style(String name, String title, List<Rule> rules) {

    public Style {
        Objects.requireNonNull(name, "name");
        title = title == null ? name : title;
        rules = List.copyOf(rules);
    }
}
