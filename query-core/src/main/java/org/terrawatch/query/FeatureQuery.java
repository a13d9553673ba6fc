package org.terrawatch.query;

import java.util.List;
import java.util.Objects;
import org.terrawatch.ows.CoordinateFormat;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.filter.Filter;

/**
 * What to read from one feature type: which features (filter), in which order, which page, which
 * properties, in which CRS. Built by every protocol adapter; answered by {@link FeatureSource}.
 *
 * @param count      at most this many features; null for all
 * @param properties the properties to return, null for all (the identifier and geometry come regardless
 *                   of the geometry being named, unless properties name others only)
 * @param outputCrs  CRS and axis order of the returned geometries
 */
public record FeatureQuery(FeatureType type, Filter filter, List<SortKey> sort, long startIndex, Long count,
                           List<String> properties, Crs outputCrs) {

    public FeatureQuery {
        Objects.requireNonNull(type, "type");
        filter = filter == null ? Filter.INCLUDE : filter;
        sort = sort == null ? List.of() : List.copyOf(sort);
        properties = properties == null ? null : List.copyOf(properties);
        outputCrs = outputCrs == null ? Crs.STORAGE : outputCrs;
        if (startIndex < 0) {
            throw new IllegalArgumentException("startIndex must not be negative");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        // Checked here, before any response is started: a streamed response cannot turn into an error later.
        for (SortKey key : sort) {
            if (type.requireProperty(key.property(), "SORTBY").binding() == Binding.GEOMETRY) {
                throw OwsException.invalid("SORTBY", "Cannot sort by the geometry " + key.property());
            }
        }
        if (properties != null) {
            properties.forEach(name -> type.requireProperty(name, "PROPERTYNAME"));
        }
    }

    /** How the answer's coordinates are written: the layer's decimals for the output CRS's unit. */
    public CoordinateFormat coordinateFormat() {
        return type.coordinateFormat(outputCrs);
    }

    public static FeatureQuery all(FeatureType type) {
        return new FeatureQuery(type, Filter.INCLUDE, List.of(), 0, null, null, Crs.STORAGE);
    }
}
