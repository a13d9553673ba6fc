package org.terrawatch.ogcapi;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.Feature;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.access.ReadDenied;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.filter.Filter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features, parts 1 (core, GeoJSON, HTML, OpenAPI 3.0), 2 (CRS by reference) and 3 (CQL2 text
 * filters), independent of any web framework. Documents are JSON trees; items are streamed. Errors are
 * {@link OwsException}s, which the adapter renders as problem JSON.
 */
public final class OgcApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<Crs> OFFERED_CRS;

    static {
        List<Crs> offered = new ArrayList<>(List.of(Crs.CRS84_LON_LAT, new Crs(4490, false), new Crs(4326, false), new Crs(3857, true)));
        for (int zone = 4534; zone <= 4554; zone++) {
            offered.add(new Crs(zone, false));
        }
        OFFERED_CRS = List.copyOf(offered);
    }

    private final FeatureTypeCatalog catalog;
    private final FeatureSource source;

    public OgcApi(FeatureTypeCatalog catalog, FeatureSource source) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The landing page. */
    public ObjectNode landing(String base) {
        ObjectNode page = JSON.createObjectNode();
        page.put("title", "TerraWatch 自然资源动态监测 OGC API");
        page.put("description", "变化图斑、视频预警、处置工单、行政区划与基础数据 / change patches, video alerts, work orders, admin units and base layers");
        ArrayNode links = page.putArray("links");
        Links.add(links, base, "self", "application/json", "本页 / this document");
        Links.add(links, base + "?f=html", "alternate", "text/html", "HTML");
        Links.add(links, base + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI 3.0");
        Links.add(links, base + "/conformance", "conformance", "application/json", "符合性 / conformance");
        Links.add(links, base + "/collections", "data", "application/json", "数据集 / collections");
        Links.add(links, base + "/processes", ProcessesApi.REL + "processes", "application/json", "处理服务 / processes");
        Links.add(links, base + "/jobs", ProcessesApi.REL + "job-list", "application/json", "作业 / jobs");
        return page;
    }

    public ObjectNode conformance() {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode classes = document.putArray("conformsTo");
        Conformance.CLASSES.forEach(classes::add);
        return document;
    }

    /** The feature types the reader may read. */
    public java.util.List<FeatureType> visible(Reader reader) {
        return catalog.all().stream().filter(type -> source.visible(type, reader)).toList();
    }

    /** The collections the reader may read. */
    public ObjectNode collections(String base, Reader reader) {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode links = document.putArray("links");
        Links.add(links, base + "/collections", "self", "application/json", null);
        Links.add(links, base + "/collections?f=html", "alternate", "text/html", null);
        ArrayNode list = document.putArray("collections");
        for (FeatureType type : catalog.all()) {
            if (source.visible(type, reader)) {
                list.add(describe(type, base));
            }
        }
        ArrayNode crs = document.putArray("crs");
        OFFERED_CRS.forEach(c -> crs.add(c.uri()));
        return document;
    }

    public ObjectNode collection(String id, String base, Reader reader) {
        return describe(type(id, reader), base);
    }

    /**
     * The properties a filter may name (Features Part 3, queryables), as a JSON Schema: every published property with
     * its JSON type, the geometry with its geometry type (Part 5's {@code geometry-*} formats).
     */
    public ObjectNode queryables(String id, String base, Reader reader) {
        FeatureType type = type(id, reader);
        String url = base + "/collections/" + type.name() + "/queryables";
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", url);
        schema.put("type", "object");
        schema.put("title", type.definition().title());
        ObjectNode properties = schema.putObject("properties");
        for (org.terrawatch.query.Property property : type.properties()) {
            ObjectNode described = properties.putObject(property.name());
            switch (property.binding()) {
                case GEOMETRY -> described.put("format", "geometry-" + type.definition().geometryType().toLowerCase(java.util.Locale.ROOT))
                        .put("x-ogc-role", "primary-geometry");
                case INTEGER, LONG -> described.put("type", "integer");
                case DOUBLE -> described.put("type", "number");
                case BOOLEAN -> described.put("type", "boolean");
                case DATE -> described.put("type", "string").put("format", "date");
                case TIMESTAMP -> described.put("type", "string").put("format", "date-time");
                case STRING -> described.put("type", "string");
            }
            if (property.name().equals(type.definition().idColumn())) {
                described.put("x-ogc-role", "id");
            }
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode describe(FeatureType type, String base) {
        var layer = type.definition();
        String self = base + "/collections/" + type.name();
        ObjectNode collection = JSON.createObjectNode();
        collection.put("id", type.name());
        collection.put("title", layer.title());
        if (layer.abstractText() != null) {
            collection.put("description", layer.abstractText());
        }
        ArrayNode keywords = collection.putArray("keywords");
        layer.keywords().forEach(keywords::add);
        collection.put("itemType", "feature");
        Envelope bounds = source.bounds(type);
        if (bounds != null) {
            ObjectNode spatial = collection.putObject("extent").putObject("spatial");
            ArrayNode box = spatial.putArray("bbox").addArray();
            box.add(bounds.getMinX()).add(bounds.getMinY()).add(bounds.getMaxX()).add(bounds.getMaxY());
            spatial.put("crs", Crs.CRS84_LON_LAT.uri());
        }
        // the CRSs the collection's features can be given in: the storage CRS, and those whose area of use meets its extent
        // (a Gauss-Krüger zone of China is no CRS for features elsewhere)
        ArrayNode crs = collection.putArray("crs");
        OFFERED_CRS.stream().filter(c -> bounds == null || c.epsg() == Crs.STORAGE.epsg()
                        || c.covers(bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()))
                .forEach(c -> crs.add(c.uri()));
        collection.put("storageCrs", new Crs(4490, false).uri());
        ArrayNode links = collection.putArray("links");
        Links.add(links, self, "self", "application/json", null);
        Links.add(links, self + "?f=html", "alternate", "text/html", null);
        Links.add(links, self + "/items", "items", "application/geo+json", "要素 / features");
        Links.add(links, self + "/items?f=html", "items", "text/html", "要素 / features (HTML)");
        Links.add(links, self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json",
                "可查询属性 / queryables");
        return collection;
    }

    /** The items of a collection: the parsed request with its counts, streamed by {@link #writeItems}. */
    public ItemsPage items(String id, Map<String, String> parameters, String base, Reader reader) {
        FeatureType type = type(id, reader);
        ItemsRequest request = ItemsRequest.parse(parameters, type);
        long matched = source.count(request.query(), reader);
        long returned = Math.min(request.limit(), Math.max(0, matched - request.offset()));
        String collection = base + "/collections/" + type.name();
        String items = collection + "/items";
        String next = request.offset() + returned < matched ? url(items, parameters, "offset", Long.toString(request.offset() + request.limit())) : null;
        String previous = request.offset() > 0
                ? url(items, parameters, "offset", Long.toString(Math.max(0, request.offset() - request.limit()))) : null;
        return new ItemsPage(type, request, matched, returned, Instant.now(), url(items, parameters, null, null),
                url(items, parameters, "f", "html"), collection, next, previous, consumer -> source.stream(request.query(), reader, consumer));
    }

    /** One feature, or a 404 problem. */
    public ItemsPage item(String id, String featureId, Map<String, String> parameters, String base, Reader reader) {
        FeatureType type = type(id, reader);
        Map<String, String> crsOnly = new java.util.HashMap<>();
        parameters.forEach((k, v) -> {
            if (!k.equals("crs") && !k.equals("f")) {
                throw OwsException.invalid(k, "Unknown query parameter " + k);
            }
            crsOnly.put(k, v);
        });
        ItemsRequest all = ItemsRequest.parse(crsOnly, type);
        String rid = featureId.contains(".") ? featureId : type.name() + "." + featureId;
        FeatureQuery query = new FeatureQuery(type, new Filter.ResourceId(java.util.Set.of(rid)), null, 0, 1L, null, all.crs());
        if (source.count(query, reader) == 0) {
            throw new OwsException(ExceptionCode.NOT_FOUND, "featureId", "Collection " + id + " has no feature " + featureId);
        }
        ItemsRequest request = new ItemsRequest(query, all.crs(), 1, 0, all.format());
        String collection = base + "/collections/" + type.name();
        String item = collection + "/items/" + featureId;
        return new ItemsPage(type, request, 1, 1, Instant.now(), url(item, parameters, null, null), url(item, parameters, "f", "html"),
                collection, null, null, consumer -> source.stream(query, reader, consumer));
    }

    /** The collection, if the reader may read it. */
    private FeatureType type(String id, Reader reader) {
        FeatureType type = catalog.all().stream().filter(t -> t.name().equals(id)).findFirst()
                .orElseThrow(() -> new OwsException(ExceptionCode.NOT_FOUND, "collectionId", "No collection " + id));
        if (!source.visible(type, reader)) {
            throw new ReadDenied(type.name(), reader);
        }
        return type;
    }

    /** The path with the request's parameters but {@code f}, one of them set to another value (or none when null). */
    private static String url(String path, Map<String, String> parameters, String name, String value) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (!k.equals("f") && !k.equals(name)) {
                query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        if (name != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** A page of items before encoding. */
    /**
     * @param self       this page as GeoJSON
     * @param alternate  this page as HTML
     * @param collection the collection the items belong to
     */
    public record ItemsPage(FeatureType type, ItemsRequest request, long numberMatched, long numberReturned, Instant timeStamp,
                            String self, String alternate, String collection, String next, String previous,
                            java.util.function.Consumer<java.util.function.Consumer<Feature>> features) {

        public Crs crs() {
            return request.crs();
        }

        public boolean html() {
            return request.format().equals("html");
        }

        void forEach(java.util.function.Consumer<Feature> consumer) {
            if (numberReturned > 0) {
                features.accept(consumer);
            }
        }

        /** Writes the page as GeoJSON (a FeatureCollection, or one Feature for an item URL) or as HTML. */
        public void write(OutputStream out, boolean single) throws IOException {
            if (html()) {
                HtmlPages.items(this, out);
            } else {
                GeoJsonItems.write(this, single, out);
            }
        }
    }
}
