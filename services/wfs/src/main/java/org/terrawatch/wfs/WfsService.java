package org.terrawatch.wfs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.FeatureQuery;
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
            case "getfeature" -> getFeature(kvp, serviceUrl);
            default -> throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "Operation " + request + " is not supported");
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
        String version = version(kvp);
        GetFeatureRequest request = GetFeatureKvp.parse(kvp, version, catalog);
        FeatureQuery query = request.query();
        long matched = source.count(query);
        long available = Math.max(0, matched - query.startIndex());
        long returned = request.hits() ? 0 : query.count() == null ? available : Math.min(query.count(), available);
        String next = null;
        String previous = null;
        if (!request.hits() && query.count() != null) {
            if (query.startIndex() + returned < matched) {
                next = serviceUrl + "?" + kvp.with("STARTINDEX", Long.toString(query.startIndex() + query.count())).toQueryString();
            }
            if (query.startIndex() > 0) {
                previous = serviceUrl + "?" + kvp.with("STARTINDEX", Long.toString(Math.max(0, query.startIndex() - query.count()))).toQueryString();
            }
        }
        FeatureCollectionResult result = new FeatureCollectionResult(query, matched, returned, Instant.now(), next, previous, source);
        String schema = serviceUrl + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=" + query.type().qualifiedName();
        return switch (request.outputFormat()) {
            case GML32 -> new WfsResponse(OutputFormat.GML32.mediaType(), out -> Gml32Encoder.write(result, schema, out));
            case GEOJSON -> new WfsResponse(OutputFormat.GEOJSON.mediaType(), out -> GeoJsonEncoder.write(result, out));
        };
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
