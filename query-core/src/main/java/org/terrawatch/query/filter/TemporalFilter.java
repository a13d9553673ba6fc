package org.terrawatch.query.filter;

import java.util.ArrayList;
import java.util.List;
import org.terrawatch.ows.TimeSpan;
import org.terrawatch.query.Binding;
import org.terrawatch.query.Property;

/** The features whose date or timestamp property lies in a requested time ({@link TimeSpan}), for every interface. */
public final class TemporalFilter {

    private TemporalFilter() {
    }

    public static Filter of(Property property, TimeSpan span) {
        List<Filter> ends = new ArrayList<>();
        if (property.binding() == Binding.DATE) {
            if (span.start() != null) {
                ends.add(new Filter.Comparison(property.name(), Filter.Operator.GE, span.firstDay()));
            }
            if (span.end() != null) {
                ends.add(new Filter.Comparison(property.name(), Filter.Operator.LE, span.lastDay()));
            }
        } else {
            if (span.start() != null) {
                ends.add(new Filter.Comparison(property.name(), Filter.Operator.GE, span.start()));
            }
            if (span.end() != null) {
                ends.add(new Filter.Comparison(property.name(), span.endIncluded() ? Filter.Operator.LE : Filter.Operator.LT, span.end()));
            }
        }
        return ends.isEmpty() ? Filter.INCLUDE : ends.size() == 1 ? ends.get(0) : new Filter.And(ends);
    }
}
