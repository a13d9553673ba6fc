package org.terrawatch.wfs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.BboxParameter;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.QualifiedName;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.SortKey;
import org.terrawatch.query.filter.Ecql;
import org.terrawatch.query.filter.FesFilter;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.filter.SqlFilterCompiler;

/**
 * Reads a KVP GetFeature (WFS 2.0 names, and the 1.x names TYPENAME, MAXFEATURES, FEATUREID) into a
 * {@link GetFeatureRequest}. BBOX, CQL_FILTER, FILTER (FES XML) and RESOURCEID combine with AND. The BBOX's corners follow the
 * axis order of its CRS (its fifth value, else the type's default CRS urn:ogc:def:crs:EPSG::4490, i.e.
 * latitude first; in WFS 1.0.0 longitude first).
 */
public final class GetFeatureKvp {

    /** A guard against requests that page beyond any sensible result (OFFSET costs grow with it). */
    static final long MAX_START_INDEX = 10_000_000;

    private GetFeatureKvp() {
    }

    public static GetFeatureRequest parse(Kvp kvp, String version, FeatureTypeCatalog catalog) {
        boolean version1 = version.startsWith("1.");
        boolean legacyAxes = version.equals("1.0.0");
        GetFeatureRequest.checkResolve(kvp.get("RESOLVE").orElse(null));
        String typeNames = kvp.first("TYPENAMES", "TYPENAME").orElse(null);
        Filter resourceIds = resourceIds(kvp);
        if (typeNames == null) {
            if (resourceIds == null) {
                throw OwsException.missing(version1 ? "TYPENAME" : "TYPENAMES");
            }
            String first = ((Filter.ResourceId) resourceIds).ids().iterator().next();
            typeNames = first.contains(".") ? first.substring(0, first.indexOf('.')) : first;
        }
        List<String> names = Kvp.list(typeNames.replaceAll("[()]", ""));
        if (names.size() > 1) {
            throw new OwsException(ExceptionCode.OPTION_NOT_SUPPORTED, "TYPENAMES", "One feature type per GetFeature request, please");
        }
        FeatureType type = catalog.require(names.get(0), QualifiedName.bindings(kvp), version1 ? "TYPENAME" : "TYPENAMES");

        Filter filter = Filter.INCLUDE;
        if (kvp.get("BBOX").isPresent()) {
            filter = Filter.and(filter, bbox(kvp.get("BBOX").get(), legacyAxes));
        }
        if (kvp.get("CQL_FILTER").isPresent()) {
            Filter cql = Ecql.parse(kvp.get("CQL_FILTER").get());
            SqlFilterCompiler.compile(cql, type, "CQL_FILTER"); // property names and values checked here, blamed on CQL_FILTER
            filter = Filter.and(filter, cql);
        }
        if (resourceIds != null) {
            SqlFilterCompiler.compile(resourceIds, type, version1 ? "FEATUREID" : "RESOURCEID");
            filter = Filter.and(filter, resourceIds);
        }
        if (kvp.get("FILTER").isPresent()) {
            String xml = kvp.get("FILTER").get().strip();
            if (xml.startsWith("(") && xml.endsWith(")")) {
                xml = xml.substring(1, xml.length() - 1); // the KVP list form of one query's filter
            }
            Crs defaultCrs = legacyAxes ? Crs.STORAGE : Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "FILTER");
            Filter fes = FesFilter.parse(xml, defaultCrs, "FILTER");
            SqlFilterCompiler.compile(fes, type, "FILTER");
            filter = Filter.and(filter, fes);
        }

        Crs outputCrs = kvp.get("SRSNAME").map(name -> Crs.parse(name, legacyAxes, "SRSNAME"))
                .orElse(legacyAxes ? Crs.STORAGE : Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "SRSNAME"));
        if (version.equals("1.1.0") && kvp.get("SRSNAME").isEmpty()) {
            outputCrs = Crs.parse("urn:x-ogc:def:crs:EPSG:4490", false, "SRSNAME");
        }
        long startIndex = kvp.nonNegative("STARTINDEX").orElse(0L);
        if (startIndex > MAX_START_INDEX) {
            throw OwsException.invalid("STARTINDEX", "STARTINDEX beyond " + MAX_START_INDEX + " is refused: narrow the query with a filter");
        }
        Long count = kvp.nonNegative("COUNT").or(() -> kvp.nonNegative("MAXFEATURES")).orElse(null);
        List<String> properties = kvp.get("PROPERTYNAME").filter(p -> !p.replaceAll("[()\\s]", "").equals("*")) // * is every property
                .map(p -> Kvp.list(p.replaceAll("[()]", "")).stream()
                .map(GetFeatureKvp::local).toList()).orElse(null);
        boolean hits = kvp.get("RESULTTYPE").map(r -> {
            if (!r.equalsIgnoreCase("hits") && !r.equalsIgnoreCase("results")) {
                throw OwsException.invalid("RESULTTYPE", "RESULTTYPE is results or hits, not " + r);
            }
            return r.equalsIgnoreCase("hits");
        }).orElse(false);
        OutputFormat format = kvp.get("OUTPUTFORMAT").map(OutputFormat::parse).orElse(OutputFormat.gmlOf(version));
        if (format.isGml() && format != OutputFormat.gmlOf(version)) {
            throw OwsException.invalid("outputFormat", "WFS " + version + " answers " + OutputFormat.gmlOf(version).mediaType());
        }
        FeatureQuery query = new FeatureQuery(type, filter, sort(kvp), startIndex, count, properties, outputCrs);
        return new GetFeatureRequest(version, query, hits, format);
    }

    private static Filter resourceIds(Kvp kvp) {
        return kvp.first("RESOURCEID", "FEATUREID").map(ids -> (Filter) new Filter.ResourceId(new HashSet<>(Kvp.list(ids)))).orElse(null);
    }

    /** BBOX=a,b,c,d[,crs]: corners in the CRS's axis order. */
    static Filter bbox(String value, boolean legacyAxes) {
        List<String> parts = Kvp.list(value);
        if (parts.size() != 4 && parts.size() != 5) {
            throw OwsException.invalid("BBOX", "BBOX has four numbers and an optional CRS: " + value);
        }
        Crs crs = parts.size() == 5 ? Crs.parse(parts.get(4), legacyAxes, "BBOX")
                : legacyAxes ? Crs.STORAGE : Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "BBOX");
        Envelope given = BboxParameter.parse(parts.subList(0, 4), crs, "BBOX", false, false);
        try {
            return new Filter.BBox(null, Reprojection.between(crs.xy(), Crs.STORAGE).apply(given));
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid("BBOX", "BBOX is outside the domain of its CRS: " + value);
        }
    }

    private static List<SortKey> sort(Kvp kvp) {
        List<SortKey> keys = new ArrayList<>();
        kvp.get("SORTBY").ifPresent(value -> {
            for (String item : Kvp.list(value)) {
                String[] words = item.trim().split("\\s+");
                if (words.length > 2) {
                    throw OwsException.invalid("SORTBY", "SORTBY items are a property and ASC or DESC: " + item);
                }
                String direction = words.length == 2 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
                if (!direction.equals("ASC") && !direction.equals("DESC") && !direction.equals("A") && !direction.equals("D")) {
                    throw OwsException.invalid("SORTBY", "Sort direction is ASC or DESC: " + item);
                }
                keys.add(new SortKey(local(words[0]), direction.startsWith("A")));
            }
        });
        return keys;
    }

    private static String local(String name) {
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    }
}
