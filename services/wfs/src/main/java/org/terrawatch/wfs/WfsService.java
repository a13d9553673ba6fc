package org.terrawatch.wfs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.Property;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;

/**
 * The Web Feature Service, independent of any web framework: a KVP request in, a {@link WfsResponse} out.
 * Dispatches on REQUEST to one operation per request type; operations return results, encoders write them.
 */
public final class WfsService {

    public static final String VERSION = "2.0.0";

    private final FeatureTypeCatalog catalog;
    private final FeatureSource source;

    public WfsService(FeatureTypeCatalog catalog, FeatureSource source) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @param serviceUrl the URL this request came to, without query (links and capabilities point at it)
     */
    public WfsResponse handle(Kvp kvp, String serviceUrl) {
        String service = kvp.get("SERVICE").orElse("WFS");
        if (!service.equalsIgnoreCase("WFS")) {
            throw OwsException.invalid("service", "This endpoint serves WFS, not " + service);
        }
        String request = kvp.require("REQUEST");
        return switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> getCapabilities(kvp, serviceUrl);
            case "describefeaturetype" -> describeFeatureType(kvp);
            case "getfeature" -> kvp.get("STOREDQUERY_ID").isPresent() ? storedQuery(kvp, serviceUrl) : getFeature(kvp, serviceUrl);
            case "getpropertyvalue" -> getPropertyValue(kvp, serviceUrl);
            case "liststoredqueries" -> {
                version(kvp);
                yield new WfsResponse("application/xml", out -> StoredQueries.list(catalog.all(), out));
            }
            case "describestoredqueries" -> describeStoredQueries(kvp);
            default -> throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "Operation " + request + " is not supported");
        };
    }

    /**
     * An XML-encoded request (HTTP POST). The element tree comes from {@link org.terrawatch.ows.xml.XmlElement},
     * which refuses DTDs and entities.
     */
    public WfsResponse handle(XmlElement request, String serviceUrl) {
        if (!request.attribute("service").orElse("WFS").equalsIgnoreCase("WFS")) {
            throw OwsException.invalid("service", "This endpoint serves WFS");
        }
        String version = request.attribute("version").orElse(VERSION);
        Kvp kvp = Kvp.ofSingle(java.util.Map.of("VERSION", request.name().equals("GetCapabilities") ? VERSION : version));
        return switch (request.name()) {
            case "GetCapabilities" -> getCapabilities(kvp, serviceUrl);
            case "DescribeFeatureType" -> {
                version(kvp);
                List<FeatureType> types = request.children("TypeName").isEmpty() ? List.copyOf(catalog.all())
                        : request.children("TypeName").stream().map(t -> catalog.require(t.text(), "TypeName")).toList();
                yield new WfsResponse("application/gml+xml; version=3.2", out -> FeatureTypeSchemaEncoder.write(types, out));
            }
            case "GetFeature" -> {
                version(kvp);
                GetFeatureRequest parsed = WfsXmlRequest.getFeature(request, catalog);
                FeatureCollectionResult result = page(parsed, null);
                String schema = describeFeatureTypeUrl(serviceUrl, parsed.query().type());
                boolean byId = !request.children("StoredQuery").isEmpty();
                if (byId && result.numberMatched() == 0) {
                    throw new OwsException(ExceptionCode.NOT_FOUND, "ID", "No such feature");
                }
                yield encode(parsed, result, schema, byId);
            }
            case "GetPropertyValue" -> {
                version(kvp);
                String reference = request.attribute("valueReference").orElseThrow(() -> OwsException.missing("valueReference"));
                yield propertyValues(WfsXmlRequest.getFeature(request, catalog), reference, null);
            }
            case "ListStoredQueries" -> {
                version(kvp);
                yield new WfsResponse("application/xml", out -> StoredQueries.list(catalog.all(), out));
            }
            case "DescribeStoredQueries" -> {
                version(kvp);
                yield new WfsResponse("application/xml", out -> StoredQueries.describe(catalog.all(), out));
            }
            default -> throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "Operation " + request.name() + " is not supported");
        };
    }

    private WfsResponse getCapabilities(Kvp kvp, String serviceUrl) {
        kvp.get("ACCEPTVERSIONS").ifPresent(accepted -> {
            if (!Kvp.list(accepted).contains(VERSION)) {
                throw new OwsException(ExceptionCode.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                        "This server speaks WFS " + VERSION + "; none of " + accepted);
            }
        });
        return new WfsResponse("application/xml", out -> CapabilitiesEncoder.write(catalog, source, serviceUrl, out));
    }

    private WfsResponse describeFeatureType(Kvp kvp) {
        version(kvp);
        List<FeatureType> types = kvp.first("TYPENAMES", "TYPENAME")
                .map(names -> Kvp.list(names).stream().map(n -> catalog.require(n, "TYPENAMES")).toList())
                .orElseGet(() -> List.copyOf(catalog.all()));
        return new WfsResponse("application/gml+xml; version=3.2", out -> FeatureTypeSchemaEncoder.write(types, out));
    }

    private WfsResponse getFeature(Kvp kvp, String serviceUrl) {
        GetFeatureRequest request = GetFeatureKvp.parse(kvp, version(kvp), catalog);
        return encode(request, page(request, pageUrl(kvp, serviceUrl)), describeFeatureTypeUrl(serviceUrl, request.query().type()), false);
    }

    private static WfsResponse encode(GetFeatureRequest request, FeatureCollectionResult result, String schema, boolean standalone) {
        return switch (request.outputFormat()) {
            case GML32 -> new WfsResponse(OutputFormat.GML32.mediaType(), out -> {
                if (standalone) {
                    Gml32Encoder.writeStandalone(result, schema, out);
                } else {
                    Gml32Encoder.write(result, schema, out);
                }
            });
            case GEOJSON -> new WfsResponse(OutputFormat.GEOJSON.mediaType(), out -> GeoJsonEncoder.write(result, out));
            case CSV -> new WfsResponse(OutputFormat.CSV.mediaType(), out -> CsvEncoder.write(result, out));
            case SHAPE_ZIP -> new WfsResponse(OutputFormat.SHAPE_ZIP.mediaType(), out -> ShapefileEncoder.write(result, out));
        };
    }

    /** GetPropertyValue: GetFeature's query, answering the values of VALUEREFERENCE. */
    private WfsResponse getPropertyValue(Kvp kvp, String serviceUrl) {
        GetFeatureRequest parsed = GetFeatureKvp.parse(kvp, version(kvp), catalog);
        return propertyValues(parsed, kvp.require("VALUEREFERENCE"), pageUrl(kvp, serviceUrl));
    }

    private WfsResponse propertyValues(GetFeatureRequest parsed, String reference, java.util.function.LongFunction<String> pages) {
        FeatureQuery query = parsed.query();
        String name = reference.contains(":") ? reference.substring(reference.lastIndexOf(':') + 1) : reference;
        Property property = query.type().requireProperty(name, "valueReference");
        List<String> properties = property.binding() == Binding.GEOMETRY ? List.of() : List.of(property.name());
        FeatureQuery values = new FeatureQuery(query.type(), query.filter(), query.sort(), query.startIndex(), query.count(), properties,
                query.outputCrs());
        FeatureCollectionResult result = page(new GetFeatureRequest(parsed.version(), values, parsed.hits(), parsed.outputFormat()), pages);
        return new WfsResponse("application/xml", out -> PropertyValueEncoder.write(result, property, out));
    }

    /** The GetFeatureById stored query: the feature itself, or 404. */
    private WfsResponse storedQuery(Kvp kvp, String serviceUrl) {
        String version = version(kvp);
        String id = kvp.get("STOREDQUERY_ID").orElseThrow();
        if (!id.equals(StoredQueries.GET_FEATURE_BY_ID)) {
            throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id + "; this server offers " + StoredQueries.GET_FEATURE_BY_ID);
        }
        String featureId = kvp.require("ID");
        Kvp byId = kvp.with("RESOURCEID", featureId);
        GetFeatureRequest request = GetFeatureKvp.parse(byId, version, catalog);
        FeatureCollectionResult result = page(request, null);
        if (result.numberMatched() == 0) {
            throw new OwsException(ExceptionCode.NOT_FOUND, "ID", "No feature " + featureId);
        }
        return encode(request, result, describeFeatureTypeUrl(serviceUrl, request.query().type()), true);
    }

    /** Links to other pages of a KVP request: the same request at another STARTINDEX. */
    private static java.util.function.LongFunction<String> pageUrl(Kvp kvp, String serviceUrl) {
        return start -> serviceUrl + "?" + kvp.with("STARTINDEX", Long.toString(start)).toQueryString();
    }

    private WfsResponse describeStoredQueries(Kvp kvp) {
        version(kvp);
        kvp.get("STOREDQUERY_ID").ifPresent(ids -> {
            for (String id : Kvp.list(ids)) {
                if (!id.equals(StoredQueries.GET_FEATURE_BY_ID)) {
                    throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id);
                }
            }
        });
        return new WfsResponse("application/xml", out -> StoredQueries.describe(catalog.all(), out));
    }

    private static String describeFeatureTypeUrl(String serviceUrl, FeatureType type) {
        return serviceUrl + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=" + type.qualifiedName();
    }

    /**
     * Counts and paging links of a request's page; the features are read when the encoder streams them.
     *
     * @param pages URL of the page at a start index, or null when the request has no URL form (XML bodies)
     */
    private FeatureCollectionResult page(GetFeatureRequest request, java.util.function.LongFunction<String> pages) {
        FeatureQuery query = request.query();
        long matched = source.count(query);
        long available = Math.max(0, matched - query.startIndex());
        long returned = request.hits() ? 0 : query.count() == null ? available : Math.min(query.count(), available);
        String next = null;
        String previous = null;
        if (pages != null && !request.hits() && query.count() != null) {
            if (query.startIndex() + returned < matched) {
                next = pages.apply(query.startIndex() + query.count());
            }
            if (query.startIndex() > 0) {
                previous = pages.apply(Math.max(0, query.startIndex() - query.count()));
            }
        }
        return new FeatureCollectionResult(query, matched, returned, Instant.now(), next, previous, source);
    }

    /** The request's version: 2.0.0 (the default); the 1.x forms are refused until their encodings exist. */
    private static String version(Kvp kvp) {
        String version = kvp.get("VERSION").orElse(VERSION);
        if (!version.equals(VERSION)) {
            throw new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, "version",
                    "WFS version " + version + " is not offered; use " + VERSION);
        }
        return version;
    }
}
