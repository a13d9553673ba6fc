package org.terrawatch.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.SortKey;
import org.terrawatch.query.filter.FesFilter;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.filter.SqlFilterCompiler;

/**
 * Reads XML-encoded WFS 2.0 GetFeature and GetPropertyValue requests (one wfs:Query, or the GetFeatureById
 * wfs:StoredQuery) into the same {@link GetFeatureRequest} the KVP form gives. Request attributes are matched
 * whatever their case, as OWSLib writes {@code typenames} and {@code outputformat}.
 */
final class WfsXmlRequest {

    private WfsXmlRequest() {
    }

    static GetFeatureRequest getFeature(XmlElement root, FeatureTypeCatalog catalog) {
        List<XmlElement> queries = new ArrayList<>(root.children("Query"));
        List<XmlElement> stored = root.children("StoredQuery");
        if (queries.size() + stored.size() != 1) {
            throw new OwsException(ExceptionCode.OPTION_NOT_SUPPORTED, "Query", "One wfs:Query or wfs:StoredQuery per request, please");
        }
        GetFeatureRequest.checkResolve(root.attributeIgnoringCase("resolve").orElse(null));
        long startIndex = number(root, "startIndex", 0);
        Long count = root.attributeIgnoringCase("count").map(c -> number(root, "count", 0)).orElse(null);
        boolean hits = root.attributeIgnoringCase("resultType").map(r -> r.equalsIgnoreCase("hits")).orElse(false);
        OutputFormat format = root.attributeIgnoringCase("outputFormat").map(OutputFormat::parse).orElse(OutputFormat.GML32);
        if (!stored.isEmpty()) {
            return byId(stored.get(0), catalog, format);
        }
        XmlElement query = queries.get(0);
        // OWSLib writes typenames (and WFS 1.1's typeName) on a 2.0 wfs:Query; they mean the same here.
        String typeName = query.attributeIgnoringCase("typeNames").or(() -> query.attributeIgnoringCase("typeName"))
                .orElseThrow(() -> OwsException.missing("typeNames"));
        FeatureType type = catalog.require(typeName, query.prefixes(), "typeNames");
        Crs outputCrs = query.attributeIgnoringCase("srsName").map(n -> Crs.parse(n, false, "srsName"))
                .orElse(Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "srsName"));
        Filter filter = Filter.INCLUDE;
        if (query.child("Filter").isPresent()) {
            filter = FesFilter.parse(query.child("Filter").get(), Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "Filter"), "Filter");
            SqlFilterCompiler.compile(filter, type, "Filter");
        }
        List<SortKey> sort = new ArrayList<>();
        query.child("SortBy").ifPresent(sortBy -> sortBy.children("SortProperty").forEach(p -> sort.add(new SortKey(
                local(p.require("ValueReference", "SortBy").text()),
                !p.child("SortOrder").map(o -> o.text().toUpperCase(Locale.ROOT).startsWith("D")).orElse(false)))));
        List<String> properties = query.children("PropertyName").stream().map(p -> local(p.text())).toList();
        FeatureQuery featureQuery = new FeatureQuery(type, filter, sort, startIndex, count, properties.isEmpty() ? null : properties, outputCrs);
        return new GetFeatureRequest(WfsService.VERSION, featureQuery, hits, format);
    }

    private static GetFeatureRequest byId(XmlElement stored, FeatureTypeCatalog catalog, OutputFormat format) {
        return new GetFeatureRequest(WfsService.VERSION, storedQuery(stored, catalog), false, format);
    }

    /** The query a wfs:StoredQuery element stands for: GetFeatureById, the one stored query offered. */
    static FeatureQuery storedQuery(XmlElement stored, FeatureTypeCatalog catalog) {
        String id = stored.attribute("id").orElseThrow(() -> OwsException.missing("StoredQuery id"));
        if (!id.equals(StoredQueries.GET_FEATURE_BY_ID)) {
            throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id);
        }
        String featureId = stored.children("Parameter").stream().filter(p -> p.attribute("name").orElse("").equalsIgnoreCase("ID"))
                .map(XmlElement::text).findFirst().orElseThrow(() -> OwsException.missing("ID"));
        FeatureType type = StoredQueries.typeOf(featureId, catalog);
        return new FeatureQuery(type, new Filter.ResourceId(java.util.Set.of(featureId)), null, 0, 1L, null,
                Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "srsName"));
    }

    private static long number(XmlElement element, String attribute, long fallback) {
        String value = element.attributeIgnoringCase(attribute).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0 || attribute.equals("startIndex") && number > GetFeatureKvp.MAX_START_INDEX) {
                throw OwsException.invalid(attribute, attribute + " out of range: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw OwsException.invalid(attribute, attribute + " is not an integer: " + value);
        }
    }

    private static String local(String path) {
        String step = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
        return step.contains(":") ? step.substring(step.indexOf(':') + 1) : step;
    }
}
