package org.terrawatch.rendering.style;

import java.util.List;
import org.terrawatch.query.filter.Filter;

/**
 * One rule of a style: which features (a filter, or "else" — those no other rule of its group took), at which
 * scales (min inclusive, max exclusive, as SLD says), drawn with which symbolizers in order.
 *
 * @param group rules of one SLD FeatureTypeStyle share a group; "else" rules look only within their group
 */
public record Rule(String name, String title, Filter filter, boolean elseFilter, double minScale, double maxScale,
                   List<Symbolizer> symbolizers, int group) {

    public Rule {
        filter = filter == null ? Filter.INCLUDE : filter;
        symbolizers = List.copyOf(symbolizers);
    }

    public boolean appliesAt(double scaleDenominator) {
        return scaleDenominator >= minScale && scaleDenominator < maxScale;
    }
}
