package org.terrawatch.ogcapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.BboxParameter;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.ows.TimeSpan;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.filter.Cql2Json;
import org.terrawatch.query.filter.Ecql;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.filter.SqlFilterCompiler;
import org.terrawatch.query.filter.TemporalFilter;

/**
 * The query parameters of {@code /collections/{id}/items}: limit and offset, bbox and bbox-crs, datetime,
 * properties, crs (Part 2), filter, filter-lang (cql2-text or cql2-json) and filter-crs (Part 3), f. Unknown parameters are refused
 * (Part 1, /req/core/query-param-unknown). Coordinates of bbox and CQL2 geometries are x/y in their CRS
 * (CRS84 by default); output coordinates follow the requested CRS's axis order, CRS84 by default.
 */
record ItemsRequest(FeatureQuery query, Crs crs, int limit, long offset, String format) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 10_000;
    private static final Set<String> KNOWN = Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "properties", "crs",
            "filter", "filter-lang", "filter-crs", "f");

    static ItemsRequest parse(Map<String, String> parameters, FeatureType type) {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw OwsException.invalid(name, "Unknown query parameter " + name + "; known: " + String.join(", ", KNOWN));
            }
        }
        int limit = (int) integer(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = integer(parameters, "offset", 0, 0, 10_000_000);
        Crs crs = crs(parameters.get("crs"), "crs", Crs.CRS84_LON_LAT);
        Filter filter = Filter.INCLUDE;
        if (parameters.containsKey("bbox")) {
            filter = Filter.and(filter, bbox(parameters.get("bbox"), crs(parameters.get("bbox-crs"), "bbox-crs", Crs.CRS84_LON_LAT)));
        }
        if (parameters.containsKey("datetime")) {
            filter = Filter.and(filter, datetime(parameters.get("datetime"), type));
        }
        if (parameters.containsKey("filter")) {
            String language = parameters.getOrDefault("filter-lang", "cql2-text");
            Crs filterCrs = crs(parameters.get("filter-crs"), "filter-crs", Crs.CRS84_LON_LAT);
            Filter cql2 = switch (language) {
                case "cql2-text" -> Ecql.parse(parameters.get("filter"), "filter", filterCrs.xy());
                case "cql2-json" -> Cql2Json.parse(parameters.get("filter"), "filter", filterCrs.xy());
                default -> throw OwsException.invalid("filter-lang", "filter-lang " + language + " is not supported; use cql2-text or cql2-json");
            };
            SqlFilterCompiler.compile(cql2, type, "filter");
            filter = Filter.and(filter, cql2);
        }
        List<String> properties = parameters.containsKey("properties") ? List.of(parameters.get("properties").split("\\s*,\\s*")) : null;
        String format = parameters.getOrDefault("f", "json");
        if (!Set.of("json", "geojson", "html").contains(format)) {
            throw OwsException.invalid("f", "f is json or html, not " + format);
        }
        FeatureQuery query = new FeatureQuery(type, filter, List.of(), offset, (long) limit, properties, crs);
        return new ItemsRequest(query, crs, limit, offset, format);
    }

    /** A CRS given as an OGC URI (or a short name), one of those TerraWatch publishes. */
    static Crs crs(String value, String parameter, Crs fallback) {
        if (value == null) {
            return fallback;
        }
        String uri = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        return Crs.parse(uri, false, parameter);
    }

    /** The same CRS with x/y axis order: bbox and CQL2 coordinates are written x/y. */
    private static long integer(Map<String, String> parameters, String name, long fallback, long min, long max) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        return Numbers.integer(value, name, min, max);
    }

    private static Filter bbox(String value, Crs bboxCrs) {
        Crs crs = bboxCrs.xy();
        List<Filter> boxes = BboxParameter.parseAcrossAntimeridian(List.of(value.split("\\s*,\\s*", -1)), crs, "bbox").stream()
                .map(given -> (Filter) new Filter.BBox(null, Reprojection.between(crs, Crs.STORAGE).apply(given))).toList();
        return boxes.size() == 1 ? boxes.get(0) : new Filter.Or(boxes);
    }

    /** An instant or a closed or open interval ({@code ..}) on the collection's temporal property ({@link TimeSpan}). */
    private static Filter datetime(String value, FeatureType type) {
        String property = type.definition().temporalProperty();
        if (property == null) {
            throw OwsException.invalid("datetime", "Collection " + type.name() + " has no temporal property to select on");
        }
        return TemporalFilter.of(type.requireProperty(property, "datetime"), TimeSpan.parse(value, "datetime", true));
    }

}
