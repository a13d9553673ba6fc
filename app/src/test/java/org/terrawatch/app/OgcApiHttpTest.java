package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OGC API – Features parts 1, 2 and 3 over HTTP on the demo, checked against the same data through WFS. */
class OgcApiHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createTempDirectory("terrawatch-ogcapi-")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void landingConformanceApiAndCollectionsLinkUp() throws Exception {
        JsonNode landing = server.getJson("/ogc");
        Set<String> rels = new HashSet<>();
        landing.path("links").forEach(l -> rels.add(l.path("rel").asString()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        List<String> classes = new ArrayList<>();
        server.getJson("/ogc/conformance").path("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text", "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json");
        JsonNode api = server.getJson("/ogc/api");
        assertThat(api.path("openapi").asString()).startsWith("3.0");
        assertThat(api.path("paths").has("/collections/{collectionId}/items")).isTrue();
        assertThat(api.at("/paths/~1collections~1{collectionId}~1items/post/operationId").asString()).isEqualTo("createFeature");
        assertThat(api.at("/paths/~1collections~1{collectionId}~1items~1{featureId}").propertyNames())
                .contains("get", "put", "patch", "delete");
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        JsonNode collections = server.getJson("/ogc/collections");
        assertThat(collections.path("collections")).hasSize(16);
        JsonNode patches = server.getJson("/ogc/collections/patches");
        assertThat(patches.path("title").asString()).isEqualTo("变化图斑");
        assertThat(patches.path("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(patches.at("/extent/spatial/bbox/0/0").asDouble()).isBetween(113.0, 113.6);
        List<String> crs = new ArrayList<>();
        patches.path("crs").forEach(c -> crs.add(c.asString()));
        assertThat(crs).contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4490",
                "http://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/def/crs/EPSG/0/4547");
    }

    @Test
    void itemsPageAndFollowTheirNextLinks() throws Exception {
        JsonNode page = server.getJson("/ogc/collections/patches/items?limit=100");
        long matched = page.path("numberMatched").asLong();
        assertThat(page.path("numberReturned").asLong()).isEqualTo(100);
        Set<String> seen = new HashSet<>();
        while (true) {
            page.path("features").forEach(f -> seen.add(f.path("id").asString()));
            JsonNode next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    next = link;
                }
            }
            if (next == null) {
                break;
            }
            String href = next.path("href").asString();
            page = server.getJson(href.substring(href.indexOf("/ogc")));
        }
        assertThat(seen).hasSize((int) matched);
        assertThat(matched).isEqualTo(server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&RESULTTYPE=hits&OUTPUTFORMAT=json")
                .path("numberMatched").asLong());
    }

    @Test
    void crsAndAxisOrderFollowPart2() throws Exception {
        HttpResponse<String> crs84 = server.get("/ogc/collections/cameras/items?limit=1");
        assertThat(crs84.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        assertThat(crs84.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode lonLat = JSON.readTree(crs84.body()).at("/features/0/geometry/coordinates");
        assertThat(lonLat.get(0).asDouble()).isBetween(112.9, 114.1);
        JsonNode latLon = server.getJson("/ogc/collections/cameras/items?limit=1&crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/4490"))
                .at("/features/0/geometry/coordinates");
        assertThat(latLon.get(0).asDouble()).isCloseTo(lonLat.get(1).asDouble(), within(1e-6));
        assertThat(latLon.get(1).asDouble()).isCloseTo(lonLat.get(0).asDouble(), within(1e-6));
        JsonNode mercator = server.getJson("/ogc/collections/cameras/items?limit=1&crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/3857"))
                .at("/features/0/geometry/coordinates");
        assertThat(mercator.get(0).asDouble()).isBetween(1.25e7, 1.27e7);
        // A bbox in EPSG:4490 written x/y selects the same as the same box in CRS84.
        Set<String> a = ids("/ogc/collections/patches/items?limit=1000&bbox=113.45,37.75,113.75,37.95");
        Set<String> b = ids("/ogc/collections/patches/items?limit=1000&bbox=113.45,37.75,113.75,37.95&bbox-crs="
                + encode("http://www.opengis.net/def/crs/EPSG/0/4490"));
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void datetimePropertiesAndCql2Filters() throws Exception {
        JsonNode october = server.getJson("/ogc/collections/patches/items?limit=1000&datetime=2026-10-01/2026-10-31&properties=code,after_date");
        assertThat(october.path("numberMatched").asLong()).isPositive();
        october.path("features").forEach(f -> {
            assertThat(f.at("/properties/after_date").asString()).startsWith("2026-10");
            assertThat(f.path("properties").has("category")).isFalse();
        });
        assertThat(server.getJson("/ogc/collections/patches/items?datetime=../2026-07-31").path("numberMatched").asLong())
                .isEqualTo(hits("after_date <= 2026-07-31"));
        String cql2 = "category = 'NON_COAL_MINE' AND S_INTERSECTS(geom, BBOX(113.0, 37.5, 114.2, 38.6)) AND county_code IN ('140322')";
        assertThat(server.getJson("/ogc/collections/patches/items?filter=" + encode(cql2)).path("numberMatched").asLong())
                .isEqualTo(hits("category = 'NON_COAL_MINE' AND county_code = '140322'"));
        assertThat(server.getJson("/ogc/collections/alerts/items?filter=" + encode("T_AFTER(detected_at, TIMESTAMP('2026-11-15T00:00:00Z'))"))
                .path("numberMatched").asLong()).isPositive().isLessThan(160);
        assertThat(server.getJson("/ogc/collections/patches/items?filter=" + encode("after_date >= DATE('2026-10-01') AND code LIKE '140321%'"))
                .path("numberMatched").asLong()).isEqualTo(hits("after_date >= 2026-10-01 AND code LIKE '140321%'"));
        String json = "{\"op\": \"and\", \"args\": [{\"op\": \"=\", \"args\": [{\"property\": \"category\"}, \"NON_COAL_MINE\"]},"
                + "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geom\"}, {\"bbox\": [113.0, 37.5, 114.2, 38.6]}]},"
                + "{\"op\": \"=\", \"args\": [{\"property\": \"county_code\"}, \"140322\"]}]}";
        assertThat(server.getJson("/ogc/collections/patches/items?filter-lang=cql2-json&filter=" + encode(json)).path("numberMatched").asLong())
                .isEqualTo(hits("category = 'NON_COAL_MINE' AND county_code = '140322'"));
    }

    /** The defects the OGC API – Features suite found, each checked here between runs of the suite. */
    @Test
    void answersAsTheFeaturesSuiteExpects() throws Exception {
        // items and a single item link to themselves, their HTML and their collection
        JsonNode page = server.getJson("/ogc/collections/patches/items?limit=1");
        assertThat(rels(page)).contains("self", "alternate", "collection", "next");
        String id = page.at("/features/0/id").asString();
        JsonNode item = server.getJson("/ogc/collections/patches/items/" + id.substring(id.indexOf('.') + 1));
        assertThat(rels(item)).containsExactlyInAnyOrder("self", "alternate", "collection");
        String alternate = href(item, "alternate");
        assertThat(server.get(alternate.substring(alternate.indexOf("/ogc"))).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html");
        // a box across the antimeridian is two boxes, not an error; ours is empty there, and the whole world holds everything
        JsonNode across = server.getJson("/ogc/collections/patches/items?bbox=177,65,-177,70");
        assertThat(across.path("numberMatched").asLong()).isZero();
        assertThat(server.getJson("/ogc/collections/patches/items?bbox=-170,-80,-180,80").path("numberMatched").asLong())
                .isEqualTo(server.getJson("/ogc/collections/patches/items").path("numberMatched").asLong());
        // the OpenAPI document writes the query parameters as Part 1 does
        JsonNode parameters = server.getJson("/ogc/api").at("/components/parameters");
        assertThat(parameters.at("/limit/style").asString()).isEqualTo("form");
        assertThat(parameters.at("/limit/explode").asBoolean(true)).isFalse();
        assertThat(parameters.at("/datetime/style").asString()).isEqualTo("form");
        assertThat(parameters.at("/bbox/schema/minItems").asInt()).isEqualTo(4);
        assertThat(parameters.at("/bbox/schema/maxItems").asInt()).isEqualTo(6);
        // a spatial collection holds features that have a place: the province, known only by code, is not among them
        JsonNode units = server.getJson("/ogc/collections/admin_units/items?limit=1000");
        assertThat(units.path("numberReturned").asLong()).isPositive();
        units.path("features").forEach(f -> assertThat(f.path("geometry").isObject()).as(f.path("id").asString()).isTrue());
    }

    /** Part 3's queryables: every collection's filterable properties as a JSON Schema, linked from the collection. */
    @Test
    void queryablesDescribeWhatAFilterMayName() throws Exception {
        assertThat(server.getJson("/ogc/conformance").path("conformsTo").toString())
                .contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables");
        for (JsonNode collection : server.getJson("/ogc/collections").path("collections")) {
            String name = collection.path("id").asString();
            assertThat(rels(collection)).as(name).contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
            HttpResponse<String> response = server.get("/ogc/collections/" + name + "/queryables");
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/schema+json");
        }
        JsonNode patches = server.getJson("/ogc/collections/patches/queryables");
        assertThat(patches.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(patches.at("/properties/category/type").asString()).isEqualTo("string");
        assertThat(patches.at("/properties/area_m2/type").asString()).isEqualTo("number");
        assertThat(patches.at("/properties/after_date/format").asString()).isEqualTo("date");
        assertThat(patches.at("/properties/geom/format").asString()).isEqualTo("geometry-multipolygon");
        // every queryable can be named in a filter
        patches.path("properties").propertyNames().forEach(property -> {
            if (!property.equals("geom")) {
                try {
                    assertThat(server.get("/ogc/collections/patches/items?limit=1&filter=" + encode(property + " IS NULL")).statusCode())
                            .as(property).isEqualTo(200);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        problem("/ogc/collections/nope/queryables", 404, "collectionId");
    }

    private static Set<String> rels(JsonNode document) {
        Set<String> rels = new HashSet<>();
        document.path("links").forEach(link -> rels.add(link.path("rel").asString()));
        return rels;
    }

    private static String href(JsonNode document, String rel) {
        for (JsonNode link : document.path("links")) {
            if (link.path("rel").asString().equals(rel)) {
                return link.path("href").asString();
            }
        }
        throw new AssertionError("No link " + rel + " in " + document);
    }

    @Test
    void oneItemHtmlAndProblems() throws Exception {
        String id = server.getJson("/ogc/collections/patches/items?limit=1").at("/features/0/id").asString();
        JsonNode item = server.getJson("/ogc/collections/patches/items/" + id.substring(id.indexOf('.') + 1));
        assertThat(item.path("type").asString()).isEqualTo("Feature");
        assertThat(item.path("id").asString()).isEqualTo(id);
        HttpResponse<String> html = server.get("/ogc/collections/patches/items?f=html&limit=5");
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("变化图斑").contains("<table>");
        assertThat(server.get("/ogc/collections?f=html").body()).contains("<a href=");

        problem("/ogc/collections/nope/items", 404, "collectionId");
        problem("/ogc/collections/patches/items/999999", 404, "featureId");
        problem("/ogc/collections/patches/items?limit=0", 400, "limit");
        problem("/ogc/collections/patches/items?limit=abc", 400, "limit");
        problem("/ogc/collections/patches/items?bbox=114,38,113,37", 400, "bbox");
        problem("/ogc/collections/patches/items?bbox=1,2,3", 400, "bbox");
        problem("/ogc/collections/patches/items?datetime=yesterday", 400, "datetime");
        problem("/ogc/collections/cameras/items?datetime=2026-10-01", 400, "datetime");
        problem("/ogc/collections/patches/items?crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/2000"), 400, "crs");
        problem("/ogc/collections/patches/items?filter=" + encode("category ="), 400, "filter");
        problem("/ogc/collections/patches/items?filter=" + encode("nothing = 1"), 400, "filter");
        problem("/ogc/collections/patches/items?filter-lang=cql2-json&filter=%7B%7D", 400, "filter");
        problem("/ogc/collections/patches/items?filter-lang=ecql&filter=a%3D1", 400, "filter-lang");
        problem("/ogc/collections/patches/items?color=red", 400, "color");
        problem("/ogc/collections/patches/items?properties=nothing", 400, "PROPERTYNAME");
    }

    private static void problem(String path, int status, String parameter) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("at org.");
    }

    private static long hits(String cql) throws Exception {
        return server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&RESULTTYPE=hits&OUTPUTFORMAT=json&CQL_FILTER="
                + encode(cql)).path("numberMatched").asLong();
    }

    private static Set<String> ids(String path) throws Exception {
        Set<String> ids = new HashSet<>();
        server.getJson(path).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
