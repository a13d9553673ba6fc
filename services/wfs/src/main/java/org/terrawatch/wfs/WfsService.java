package org.terrawatch.wfs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.QualifiedName;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.Property;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.query.filter.Filter;

/**
 * The Web Feature Service, independent of any web framework: a KVP request in, a {@link WfsResponse} out.
 * Dispatches on REQUEST to one operation per request type; operations return results, encoders write them.
 */
public final class WfsService {

    public static final String VERSION = "2.0.0";
    /** The older forms still used by ArcMap and older QGIS: queries with GML 3.1.1 or GML 2, no stored queries or GetPropertyValue. */
    public static final String VERSION_1_1 = "1.1.0";
    public static final String VERSION_1_0 = "1.0.0";

    private final FeatureTypeCatalog catalog;
    private final FeatureSource source;
    private final LayerEditing editing;

    /** A read-only service. */
    public WfsService(FeatureTypeCatalog catalog, FeatureSource source) {
        this(catalog, source, null);
    }

    /** @param editing the writable layers (Transaction, LockFeature, GetFeatureWithLock), or null for none */
    public WfsService(FeatureTypeCatalog catalog, FeatureSource source, LayerEditing editing) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.source = Objects.requireNonNull(source, "source");
        this.editing = editing;
    }

    /**
     * @param serviceUrl the URL this request came to, without query (links and capabilities point at it)
     * @param reader     who reads: the read rules decide what the request sees
     * @param who        the signed-in user, or null; needed by the operations that write or lock
     */
    public WfsResponse handle(Kvp kvp, String serviceUrl, Reader reader, EditContext who) {
        String service = kvp.require("SERVICE"); // mandatory in every KVP request (OWS Common 1.1, 7.2.1; WFS 2.0, 7.6.2.4)
        if (!service.equalsIgnoreCase("WFS")) {
            throw OwsException.invalid("service", "This endpoint serves WFS, not " + service);
        }
        String request = kvp.require("REQUEST");
        return switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> getCapabilities(kvp, serviceUrl, reader);
            case "describefeaturetype" -> describeFeatureType(kvp, reader);
            case "getfeature" -> kvp.get("STOREDQUERY_ID").isPresent() ? storedQuery(kvp, serviceUrl, reader) : getFeature(kvp, serviceUrl, reader);
            case "getpropertyvalue" -> getPropertyValue(kvp, serviceUrl, reader);
            case "liststoredqueries" -> {
                version2(kvp);
                yield new WfsResponse("application/xml", out -> StoredQueries.list(visible(reader), out));
            }
            case "describestoredqueries" -> describeStoredQueries(kvp, reader);
            case "lockfeature" -> {
                String version = version(kvp);
                FeatureQuery query = GetFeatureKvp.parse(kvp, version, catalog).query();
                yield lock(version, List.of(new FeatureLocking.Selection(query.type(), query.filter())),
                        FeatureLocking.expiry(kvp, version), FeatureLocking.lockAll(kvp.get("LOCKACTION").orElse(null)), who);
            }
            case "getfeaturewithlock" -> {
                String version = version(kvp);
                GetFeatureRequest parsed = GetFeatureKvp.parse(kvp, version, catalog);
                yield getFeatureWithLock(parsed, FeatureLocking.expiry(kvp, version), FeatureLocking.lockAll(kvp.get("LOCKACTION").orElse(null)),
                        version.equals(VERSION) ? pageUrl(kvp, serviceUrl) : null,
                        describeFeatureTypeUrl(serviceUrl, parsed.query().type(), version), reader, who);
            }
            case "transaction" -> throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request",
                    "Transaction is XML-encoded: POST a wfs:Transaction document");
            default -> throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "Operation " + request + " is not supported");
        };
    }

    /**
     * An XML-encoded request (HTTP POST). The element tree comes from {@link org.terrawatch.ows.xml.XmlElement},
     * which refuses DTDs and entities.
     */
    public WfsResponse handle(XmlElement request, String serviceUrl, Reader reader, EditContext who) {
        if (!request.attribute("service").orElse("WFS").equalsIgnoreCase("WFS")) {
            throw OwsException.invalid("service", "This endpoint serves WFS");
        }
        String version = request.attribute("version").orElse(VERSION);
        if (request.name().equals("Transaction")) {
            TransactionRequest transaction = TransactionXml.parse(request, catalog);
            TransactionResult result = new WfsTransaction(requireEditing()).execute(transaction, who);
            return new WfsResponse("text/xml", out -> TransactionResponseEncoder.write(transaction.version(), result, out));
        }
        if (request.name().equals("LockFeature")) {
            String lockVersion = version.equals(VERSION_1_1) || version.equals(VERSION_1_0) ? version : VERSION;
            if (request.attribute("lockId").isPresent() && !FeatureLocking.selects(request)) {
                return resetLock(lockVersion, request.attribute("lockId").get(),
                        FeatureLocking.expiry(request.attribute("expiry").orElse(null), lockVersion));
            }
            return lock(lockVersion, FeatureLocking.selections(request, catalog, lockVersion),
                    FeatureLocking.expiry(request.attribute("expiry").orElse(null), lockVersion),
                    FeatureLocking.lockAll(request.attribute("lockAction").orElse(null)), who);
        }
        if (!request.name().equals("GetCapabilities") && !version.equals(VERSION)) {
            throw new OwsException(ExceptionCode.OPTION_NOT_SUPPORTED, "version", "XML-encoded requests are WFS " + VERSION + "; use KVP for " + version);
        }
        Kvp kvp = Kvp.ofSingle(java.util.Map.of("VERSION", VERSION));
        return switch (request.name()) {
            case "GetCapabilities" -> getCapabilities(kvp, serviceUrl, reader);
            case "DescribeFeatureType" -> {
                version(kvp);
                List<FeatureType> types = request.children("TypeName").isEmpty() ? visible(reader)
                        : request.children("TypeName").stream().map(t -> readable(catalog.require(t.text(), t.prefixes(), "TypeName"), reader)).toList();
                yield new WfsResponse("application/gml+xml; version=3.2", out -> FeatureTypeSchemaEncoder.write(types, GmlVersion.GML_3_2, out));
            }
            case "GetFeature" -> {
                version(kvp);
                GetFeatureRequest parsed = WfsXmlRequest.getFeature(request, catalog);
                FeatureCollectionResult result = page(parsed, null, reader);
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
                yield propertyValues(WfsXmlRequest.getFeature(request, catalog), reference, null, reader);
            }
            case "GetFeatureWithLock" -> {
                GetFeatureRequest parsed = WfsXmlRequest.getFeature(request, catalog);
                yield getFeatureWithLock(parsed, FeatureLocking.expiry(request.attribute("expiry").orElse(null), VERSION),
                        FeatureLocking.lockAll(request.attribute("lockAction").orElse(null)), null,
                        describeFeatureTypeUrl(serviceUrl, parsed.query().type()), reader, who);
            }
            case "ListStoredQueries" -> {
                version(kvp);
                yield new WfsResponse("application/xml", out -> StoredQueries.list(visible(reader), out));
            }
            case "DescribeStoredQueries" -> {
                version(kvp);
                yield new WfsResponse("application/xml", out -> StoredQueries.describe(visible(reader), out));
            }
            default -> throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "Operation " + request.name() + " is not supported");
        };
    }

    /** Version negotiation: AcceptVersions in order of preference, else VERSION, else the newest. */
    private WfsResponse getCapabilities(Kvp kvp, String serviceUrl, Reader reader) {
        String version = kvp.get("ACCEPTVERSIONS").map(accepted -> Kvp.list(accepted).stream()
                        .filter(v -> v.equals(VERSION) || v.equals(VERSION_1_1) || v.equals(VERSION_1_0)).findFirst()
                        .orElseThrow(() -> new OwsException(ExceptionCode.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                                "This server speaks WFS " + VERSION + ", " + VERSION_1_1 + " and " + VERSION_1_0 + "; none of " + accepted)))
                .orElseGet(() -> kvp.get("VERSION").filter(v -> v.equals(VERSION_1_1) || v.equals(VERSION_1_0)).orElse(VERSION));
        java.util.function.Predicate<FeatureType> editable = type -> editing != null && editing.editable(type);
        List<FeatureType> types = visible(reader);
        if (version.equals(VERSION_1_0)) {
            return new WfsResponse("text/xml", out -> Capabilities10Encoder.write(types, source, serviceUrl, editable, out));
        }
        if (version.equals(VERSION_1_1)) {
            return new WfsResponse("text/xml", out -> Capabilities11Encoder.write(types, source, serviceUrl, editable, out));
        }
        return new WfsResponse("application/xml", out -> CapabilitiesEncoder.write(types, source, serviceUrl, editable, out));
    }

    /** The types the reader may read: all that capabilities, schemas and stored queries name. */
    private List<FeatureType> visible(Reader reader) {
        return catalog.all().stream().filter(type -> source.visible(type, reader)).toList();
    }

    /** The type, if the reader may read it; a schema of a layer not the reader's is refused like its features. */
    private FeatureType readable(FeatureType type, Reader reader) {
        if (!source.visible(type, reader)) {
            throw new org.terrawatch.query.access.ReadDenied(type.qualifiedName(), reader);
        }
        return type;
    }

    private LayerEditing requireEditing() {
        if (editing == null) {
            throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "This service is read-only");
        }
        return editing;
    }

    private WfsResponse lock(String version, List<FeatureLocking.Selection> selections, java.time.Duration expiry, boolean all,
                             EditContext who) {
        org.terrawatch.query.edit.FeatureLocks.Granted granted = new FeatureLocking(requireEditing()).lock(selections, expiry, all, who);
        return new WfsResponse("text/xml", out -> TransactionResponseEncoder.lock(version, granted, out));
    }

    /**
     * A LockFeature that names a lock and nothing to lock: the lock's expiry starts again; an expired lock is
     * LockHasExpired, an unknown one InvalidLockId.
     */
    private WfsResponse resetLock(String version, String lockId, java.time.Duration expiry) {
        org.terrawatch.query.edit.FeatureLocks locks = requireEditing().locks();
        FeatureLocking.requireLive(locks, lockId);
        org.terrawatch.query.edit.FeatureLocks.Granted granted = locks.reset(lockId, expiry) // empty if it expired meanwhile
                .orElseThrow(() -> new OwsException(ExceptionCode.LOCK_HAS_EXPIRED, "lockId", "Lock " + lockId + " has expired"));
        return new WfsResponse("text/xml", out -> TransactionResponseEncoder.lock(version, granted, out));
    }

    /**
     * GetFeature that first locks every feature the query selects (not only the page), then answers with the lock id;
     * with lockAction SOME, the features another lock holds are left out of the lock and of the answer.
     */
    private WfsResponse getFeatureWithLock(GetFeatureRequest request, java.time.Duration expiry, boolean all,
                                           java.util.function.LongFunction<String> pages, String schema, Reader reader, EditContext who) {
        FeatureLocking.checkResults(request.hits());
        FeatureQuery query = request.query();
        org.terrawatch.query.edit.FeatureLocks.Granted granted = new FeatureLocking(requireEditing())
                .lock(List.of(new FeatureLocking.Selection(query.type(), query.filter())), expiry, all, who);
        GetFeatureRequest answered = request;
        if (!granted.notLocked().isEmpty()) {
            // lockAction SOME: the answer holds the features locked, not those another lock keeps (WFS 2.0, 13.2.4.2)
            FeatureQuery locked = new FeatureQuery(query.type(), Filter.and(query.filter(), new Filter.ResourceId(java.util.Set.copyOf(granted.locked()))),
                    query.sort(), query.startIndex(), query.count(), query.properties(), query.outputCrs());
            answered = new GetFeatureRequest(request.version(), locked, request.hits(), request.outputFormat());
        }
        FeatureCollectionResult result = page(answered, pages, reader).withLock(granted.lockId());
        return encode(answered, result, schema, false);
    }

    private WfsResponse describeFeatureType(Kvp kvp, Reader reader) {
        GmlVersion gml = GmlVersion.of(version(kvp));
        List<FeatureType> types = kvp.first("TYPENAMES", "TYPENAME")
                .map(names -> Kvp.list(names).stream().map(n -> readable(catalog.require(n, QualifiedName.bindings(kvp), "TYPENAMES"), reader)).toList())
                .orElseGet(() -> visible(reader));
        return new WfsResponse(gml == GmlVersion.GML_3_2 ? "application/gml+xml; version=3.2" : "text/xml",
                out -> FeatureTypeSchemaEncoder.write(types, gml, out));
    }

    private WfsResponse getFeature(Kvp kvp, String serviceUrl, Reader reader) {
        String version = version(kvp);
        GetFeatureRequest request = GetFeatureKvp.parse(kvp, version, catalog);
        FeatureCollectionResult result = page(request, version.equals(VERSION) ? pageUrl(kvp, serviceUrl) : null, reader);
        return encode(request, result, describeFeatureTypeUrl(serviceUrl, request.query().type(), version), false);
    }

    private static WfsResponse encode(GetFeatureRequest request, FeatureCollectionResult result, String schema, boolean standalone) {
        return switch (request.outputFormat()) {
            case GML32 -> new WfsResponse(OutputFormat.GML32.mediaType(), out -> {
                if (standalone) {
                    GmlEncoder.writeStandalone(result, schema, out);
                } else {
                    GmlEncoder.write(result, schema, GmlVersion.GML_3_2, out);
                }
            });
            case GML311 -> new WfsResponse(OutputFormat.GML311.mediaType(), out -> GmlEncoder.write(result, schema, GmlVersion.GML_3_1_1, out));
            case GML2 -> new WfsResponse(OutputFormat.GML2.mediaType(), out -> Gml2Encoder.write(result, schema, out));
            case GEOJSON -> new WfsResponse(OutputFormat.GEOJSON.mediaType(), out -> GeoJsonEncoder.write(result, out));
            case CSV -> new WfsResponse(OutputFormat.CSV.mediaType(), out -> CsvEncoder.write(result, out));
            case SHAPE_ZIP -> new WfsResponse(OutputFormat.SHAPE_ZIP.mediaType(), out -> ShapefileEncoder.write(result, out));
            case GEOPACKAGE -> new WfsResponse(OutputFormat.GEOPACKAGE.mediaType(), out -> GeoPackageEncoder.write(result, out));
            case FLATGEOBUF -> new WfsResponse(OutputFormat.FLATGEOBUF.mediaType(), out -> FlatGeobufEncoder.write(result, out));
        };
    }

    /** GetPropertyValue: GetFeature's query, answering the values of VALUEREFERENCE. */
    private WfsResponse getPropertyValue(Kvp kvp, String serviceUrl, Reader reader) {
        GetFeatureRequest parsed = GetFeatureKvp.parse(kvp, version2(kvp), catalog);
        String reference = kvp.givenEmpty("VALUEREFERENCE") ? "" : kvp.require("VALUEREFERENCE"); // empty is invalid, absent missing
        return propertyValues(parsed, reference, pageUrl(kvp, serviceUrl), reader);
    }

    private WfsResponse propertyValues(GetFeatureRequest parsed, String reference, java.util.function.LongFunction<String> pages,
                                       Reader reader) {
        FeatureQuery query = parsed.query();
        if (reference.isBlank()) {
            throw OwsException.invalid("valueReference", "valueReference names a property, or @gml:id; it is empty here");
        }
        String name = reference.contains(":") ? reference.substring(reference.lastIndexOf(':') + 1) : reference;
        // @gml:id asks for the features' identifiers (the minimum XPath of FES 2.0 includes the attribute axis)
        Property property = name.equals("@id") || name.equals("id") && reference.startsWith("@") ? null
                : query.type().requireProperty(name, "valueReference");
        List<String> properties = property == null ? List.of(query.type().definition().idColumn())
                : property.binding() == Binding.GEOMETRY ? List.of() : List.of(property.name());
        FeatureQuery values = new FeatureQuery(query.type(), query.filter(), query.sort(), query.startIndex(), query.count(), properties,
                query.outputCrs());
        FeatureCollectionResult result = page(new GetFeatureRequest(parsed.version(), values, parsed.hits(), parsed.outputFormat()), pages,
                reader);
        return new WfsResponse("application/xml", out -> PropertyValueEncoder.write(result, property, out));
    }

    /** The GetFeatureById stored query: the feature itself, or 404. */
    private WfsResponse storedQuery(Kvp kvp, String serviceUrl, Reader reader) {
        String version = version2(kvp);
        String id = kvp.get("STOREDQUERY_ID").orElseThrow();
        if (!id.equals(StoredQueries.GET_FEATURE_BY_ID)) {
            throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id + "; this server offers " + StoredQueries.GET_FEATURE_BY_ID);
        }
        String featureId = kvp.require("ID");
        StoredQueries.typeOf(featureId, catalog); // an id of no type is a 404 before it is a query
        Kvp byId = kvp.with("RESOURCEID", featureId);
        GetFeatureRequest request = GetFeatureKvp.parse(byId, version, catalog);
        FeatureCollectionResult result = page(request, null, reader);
        if (result.numberMatched() == 0) {
            throw new OwsException(ExceptionCode.NOT_FOUND, "ID", "No feature " + featureId);
        }
        return encode(request, result, describeFeatureTypeUrl(serviceUrl, request.query().type()), true);
    }

    /** Links to other pages of a KVP request: the same request's results at another STARTINDEX. */
    private static java.util.function.LongFunction<String> pageUrl(Kvp kvp, String serviceUrl) {
        return start -> serviceUrl + "?" + kvp.with("STARTINDEX", Long.toString(start)).with("RESULTTYPE", "results").toQueryString();
    }

    private WfsResponse describeStoredQueries(Kvp kvp, Reader reader) {
        version2(kvp);
        kvp.get("STOREDQUERY_ID").ifPresent(ids -> {
            for (String id : Kvp.list(ids)) {
                if (!id.equals(StoredQueries.GET_FEATURE_BY_ID)) {
                    throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id);
                }
            }
        });
        return new WfsResponse("application/xml", out -> StoredQueries.describe(visible(reader), out));
    }

    private static String describeFeatureTypeUrl(String serviceUrl, FeatureType type) {
        return describeFeatureTypeUrl(serviceUrl, type, VERSION);
    }

    private static String describeFeatureTypeUrl(String serviceUrl, FeatureType type, String version) {
        return serviceUrl + "?SERVICE=WFS&VERSION=" + version + "&REQUEST=DescribeFeatureType&"
                + (version.equals(VERSION) ? "TYPENAMES=" : "TYPENAME=") + type.qualifiedName();
    }

    /**
     * Counts and paging links of a request's page; the features are read when the encoder streams them.
     *
     * @param pages URL of the page at a start index, or null when the request has no URL form (XML bodies)
     */
    private FeatureCollectionResult page(GetFeatureRequest request, java.util.function.LongFunction<String> pages, Reader reader) {
        FeatureQuery query = request.query();
        long matched = source.count(query, reader);
        long available = Math.max(0, matched - query.startIndex());
        long returned = request.hits() ? 0 : query.count() == null ? available : Math.min(query.count(), available);
        String next = null;
        String previous = null;
        if (pages != null && request.hits() && query.count() != null && query.startIndex() < matched) {
            next = pages.apply(query.startIndex()); // a hits response points at the first page of results (WFS 2.0, 7.7.4.2)
        } else if (pages != null && query.count() != null) {
            if (query.startIndex() + returned < matched) {
                next = pages.apply(query.startIndex() + query.count());
            }
            if (query.startIndex() > 0) {
                previous = pages.apply(Math.max(0, query.startIndex() - query.count()));
            }
        }
        return new FeatureCollectionResult(query, request.hits(), matched, returned, Instant.now(), next, previous,
                consumer -> source.stream(query, reader, consumer), null);
    }

    /** The request's version: 2.0.0 (the default), 1.1.0 or 1.0.0. */
    private static String version(Kvp kvp) {
        String version = kvp.get("VERSION").orElse(VERSION);
        if (!version.equals(VERSION) && !version.equals(VERSION_1_1) && !version.equals(VERSION_1_0)) {
            throw new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, "version",
                    "WFS version " + version + " is not offered; use " + VERSION + ", " + VERSION_1_1 + " or " + VERSION_1_0);
        }
        return version;
    }

    /** For the operations WFS 2.0 introduced. */
    private static String version2(Kvp kvp) {
        String version = version(kvp);
        if (!version.equals(VERSION)) {
            throw new OwsException(ExceptionCode.OPERATION_NOT_SUPPORTED, "request", "This operation exists from WFS " + VERSION + " on");
        }
        return version;
    }
}
