package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.terrawatch.app.config.TerraWatchProperties;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** WFS 2.0 over HTTP on the demo: capabilities, schema, features, axis order, paging, filters, errors, validity. */
class WfsHttpTest {

    private static Path folder;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("terrawatch-wfs-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(folder));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void capabilitiesListEveryLayerAndClaimOnlyWhatWorks() throws Exception {
        String body = ok("/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        Document capabilities = parse(body);
        List<String> names = strings(capabilities, "//wfs:FeatureType/wfs:Name");
        assertThat(names).contains("terrawatch:patches", "terrawatch:alerts", "terrawatch:cameras", "terrawatch:work_orders",
                "terrawatch:admin_units", "terrawatch:farmland", "terrawatch:basic_farmland", "terrawatch:mining_licences",
                "terrawatch:plan_zones", "terrawatch:verified_changes", "terrawatch:patch_history").hasSize(16);
        assertThat(strings(capabilities, "//wfs:FeatureType[wfs:Name='terrawatch:patches']/wfs:Title")).containsExactly("变化图斑", "Change patches");
        assertThat(strings(capabilities, "//wfs:FeatureType[wfs:Name='terrawatch:patches']/wfs:DefaultCRS"))
                .containsExactly("urn:ogc:def:crs:EPSG::4490");
        assertThat(strings(capabilities, "//ows:Constraint[@name='ImplementsResultPaging']/ows:DefaultValue")).containsExactly("TRUE");
        assertThat(strings(capabilities, "//ows:Constraint[@name='ImplementsTransactionalWFS']/ows:DefaultValue")).containsExactly("TRUE");
        assertThat(strings(capabilities, "//ows:Constraint[@name='ImplementsLockingWFS']/ows:DefaultValue")).containsExactly("TRUE");
        assertThat(strings(capabilities, "//ows:Operation/@name")).contains("Transaction", "LockFeature", "GetFeatureWithLock");
        assertThat(strings(capabilities, "//ows:Constraint[@name='ImplementsBasicWFS']/ows:DefaultValue")).containsExactly("TRUE");
        assertThat(strings(capabilities, "//ows:Operation/@name")).contains("GetPropertyValue", "ListStoredQueries", "DescribeStoredQueries");
        double west = Double.parseDouble(strings(capabilities,
                "//wfs:FeatureType[wfs:Name='terrawatch:patches']/ows:WGS84BoundingBox/ows:LowerCorner").get(0).split(" ")[0]);
        assertThat(west).isBetween(113.0, 113.6);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/2.0/wfs.xsd"), body)).isEmpty();
    }

    @Test
    void featuresAreValidGmlOfTheDescribedSchema() throws Exception {
        String schema = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=terrawatch:patches");
        assertThat(strings(parse(schema), "//xsd:element[@name='geom']/@type")).containsExactly("gml:MultiSurfacePropertyType");
        String gml = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=3");
        Schema wfsAndPatches = OgcSchemas.schema("wfs/2.0/wfs.xsd", schema);
        assertThat(OgcSchemas.errors(wfsAndPatches, gml)).isEmpty();
        Document patches = parse(gml);
        assertThat(strings(patches, "//terrawatch:patches/gml:identifier")).hasSize(3).allMatch(id -> id.startsWith("patches."));
        List<String> names = strings(patches, "//terrawatch:patches/gml:name");
        assertThat(names).isEqualTo(strings(patches, "//terrawatch:patches/terrawatch:code"));
        String byName = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>gml:name</fes:ValueReference><fes:Literal>" + names.get(0)
                + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        assertThat(strings(parse(ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&RESULTTYPE=hits&FILTER="
                + encode(byName))), "/wfs:FeatureCollection/@numberMatched")).containsExactly("1");
        for (String type : new String[] {"alerts", "work_orders", "admin_units", "mining_licences"}) {
            String typeSchema = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=terrawatch:" + type);
            String features = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:" + type + "&COUNT=2");
            assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/2.0/wfs.xsd", typeSchema), features)).as(type).isEmpty();
        }
    }

    @Test
    void storedQueriesAndPropertyValuesOfBasicWfs() throws Exception {
        Schema wfs = OgcSchemas.schema("wfs/2.0/wfs.xsd");
        String list = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries");
        assertThat(strings(parse(list), "//wfs:StoredQuery/@id")).containsExactly("urn:ogc:def:query:OGC-WFS::GetFeatureById");
        assertThat(OgcSchemas.errors(wfs, list)).isEmpty();
        String described = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries");
        assertThat(strings(parse(described), "//wfs:Parameter/@name")).containsExactly("ID");
        assertThat(OgcSchemas.errors(wfs, described)).isEmpty();

        String id = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=1&OUTPUTFORMAT=json")
                .at("/features/0/id").asString();
        String feature = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=" + id);
        Document single = parse(feature);
        assertThat(single.getDocumentElement().getLocalName()).isEqualTo("patches");
        assertThat(single.getDocumentElement().getAttributeNS("http://www.opengis.net/gml/3.2", "id")).isEqualTo(id);
        String patchSchema = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=terrawatch:patches");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/2.0/wfs.xsd", patchSchema), feature)).isEmpty();
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=patches.999999",
                404, "NotFound", "ID");
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:x:nothing&ID=patches.1", 400,
                "InvalidParameterValue", "STOREDQUERY_ID");

        String values = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=terrawatch:patches&VALUEREFERENCE=code"
                + "&COUNT=5&SORTBY=code&CQL_FILTER=" + encode("county_code = '140321'"));
        Document valueCollection = parse(values);
        assertThat(strings(valueCollection, "/wfs:ValueCollection/wfs:member")).hasSize(5).allMatch(c -> c.startsWith("140321"))
                .isSorted();
        assertThat(OgcSchemas.errors(wfs, values)).isEmpty();
        String geometries = ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=terrawatch:cameras&VALUEREFERENCE=position&COUNT=2");
        assertThat(strings(parse(geometries), "/wfs:ValueCollection/wfs:member/gml:Point/gml:pos")).hasSize(2);
        assertThat(OgcSchemas.errors(wfs, geometries)).isEmpty();
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=terrawatch:patches", 400,
                "MissingParameterValue", "VALUEREFERENCE");
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=terrawatch:patches&VALUEREFERENCE=nothing", 400,
                "InvalidParameterValue", "valueReference");
    }

    @Test
    void xmlEncodedRequestsAnswerLikeTheirKvpForms() throws Exception {
        String getFeature = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"50\" outputFormat=\"application/json\""
                + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
                + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:terrawatch=\"http://terrawatch.org/terrawatch\">"
                + "<wfs:Query typeNames=\"terrawatch:patches\"><wfs:PropertyName>terrawatch:code</wfs:PropertyName>"
                + "<fes:Filter><fes:And><fes:PropertyIsEqualTo><fes:ValueReference>category</fes:ValueReference>"
                + "<fes:Literal>NON_COAL_MINE</fes:Literal></fes:PropertyIsEqualTo><fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:lowerCorner>37.5 113.0</gml:lowerCorner>"
                + "<gml:upperCorner>38.6 114.2</gml:upperCorner></gml:Envelope></fes:BBOX></fes:And></fes:Filter>"
                + "<fes:SortBy><fes:SortProperty><fes:ValueReference>code</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder>"
                + "</fes:SortProperty></fes:SortBy></wfs:Query></wfs:GetFeature>";
        HttpResponse<String> posted = server.post("/wfs", getFeature);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode features = tools.jackson.databind.json.JsonMapper.builder().build().readTree(posted.body());
        assertThat(features.path("numberMatched").asLong())
                .isEqualTo(json("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&RESULTTYPE=hits&OUTPUTFORMAT=json"
                        + "&CQL_FILTER=" + encode("category = 'NON_COAL_MINE'")).path("numberMatched").asLong());
        List<String> codes = new ArrayList<>();
        features.path("features").forEach(f -> codes.add(f.at("/properties/code").asString()));
        assertThat(codes).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        HttpResponse<String> capabilities = server.post("/ows", "<GetCapabilities service=\"WFS\" xmlns=\"http://www.opengis.net/wfs/2.0\"/>");
        assertThat(strings(parse(capabilities.body()), "//ows:Constraint[@name='XMLEncoding']/ows:DefaultValue")).containsExactly("TRUE");
        HttpResponse<String> byId = server.post("/wfs", "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:StoredQuery id=\"urn:ogc:def:query:OGC-WFS::GetFeatureById\"><wfs:Parameter name=\"ID\">patches.1</wfs:Parameter>"
                + "</wfs:StoredQuery></wfs:GetFeature>");
        assertThat(parse(byId.body()).getDocumentElement().getLocalName()).isEqualTo("patches");

        HttpResponse<String> xxe = server.post("/wfs", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"><wfs:Query typeNames=\"&e;\"/></wfs:GetFeature>");
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(strings(parse(xxe.body()), "//ows:Exception/@exceptionCode")).containsExactly("OperationParsingFailed");
        assertThat(xxe.body()).doesNotContain("root:");
        HttpResponse<String> broken = server.post("/wfs", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">");
        assertThat(broken.statusCode()).isEqualTo(400);
        // The server runs in this JVM: its body limit is the one these defaults give on this heap.
        long limit = new TerraWatchProperties.Limits(DataSize.ofBytes(0), DataSize.ofBytes(0), DataSize.ofBytes(0)).requestBodyBytes();
        // Announced larger than that, a body is refused from its headers alone: the client asking first
        // (Expect: 100-continue, as curl does) hears the 413 before it sends anything.
        String oversized = server.rawExchange("POST /wfs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\n"
                + "Authorization: " + RunningServer.basic(RunningServer.READER) + "\r\nExpect: 100-continue\r\nContent-Length: " + (limit + 1)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(oversized).startsWith("HTTP/1.1 413");
        assertThat(strings(parse(oversized.substring(oversized.indexOf("<?xml"), oversized.lastIndexOf('>') + 1)), "//ows:Exception/ows:ExceptionText"))
                .singleElement().asString().contains("exceeds");
    }

    @Test
    void wfs11AnswersWithGml311ForOlderClients() throws Exception {
        String capabilities = ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetCapabilities");
        Document document = parse(capabilities);
        assertThat(document.getDocumentElement().getAttribute("version")).isEqualTo("1.1.0");
        assertThat(strings(document, "//wfs11:FeatureType/wfs11:Name")).hasSize(16).contains("terrawatch:patches");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.1.0/wfs.xsd"), capabilities)).isEmpty();
        assertThat(parse(ok("/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=1.1.0")).getDocumentElement().getAttribute("version"))
                .isEqualTo("1.1.0");

        String schema = ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME=terrawatch:patches");
        String gml = ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=terrawatch:patches&MAXFEATURES=3");
        Document features = parse(gml);
        assertThat(strings(features, "/wfs11:FeatureCollection/@numberOfFeatures")).containsExactly("3");
        assertThat(strings(features, "//gml311:featureMember")).hasSize(3);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.1.0/wfs.xsd", schema), gml)).isEmpty();
        // urn:x-ogc:def:crs:EPSG:4490 is latitude first, as in 2.0.
        String[] position = strings(parse(ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=terrawatch:cameras&MAXFEATURES=1")),
                "//gml311:pos").get(0).split(" ");
        assertThat(Double.parseDouble(position[0])).isBetween(37.5, 38.6);

        expectException("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetPropertyValue&TYPENAME=terrawatch:patches&VALUEREFERENCE=code",
                501, "OperationNotSupported", "request", "http://www.opengis.net/ows");
        expectException("/wfs?SERVICE=WFS&VERSION=3.0.0&REQUEST=GetFeature&TYPENAME=terrawatch:patches", 400,
                "InvalidParameterValue", "version");
    }

    @Test
    void wfs10AnswersWithGml2LongitudeFirst() throws Exception {
        String capabilities = ok("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetCapabilities");
        assertThat(parse(capabilities).getDocumentElement().getAttribute("version")).isEqualTo("1.0.0");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.0.0/WFS-capabilities.xsd"), capabilities)).isEmpty();
        String schema = ok("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=DescribeFeatureType&TYPENAME=terrawatch:patches");
        String gml = ok("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=terrawatch:cameras&MAXFEATURES=2");
        String camerasSchema = ok("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=DescribeFeatureType&TYPENAME=terrawatch:cameras");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.0.0/WFS-basic.xsd", camerasSchema), gml)).isEmpty();
        assertThat(schema).contains("gml:MultiPolygonPropertyType");
        String[] first = strings(parse(gml), "//gml311:coordinates").get(0).split(",");
        assertThat(Double.parseDouble(first[0])).isBetween(112.9, 114.1); // WFS 1.0.0: longitude first
        String patches = ok("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=terrawatch:patches&MAXFEATURES=2"
                + "&BBOX=113.0,37.5,114.2,38.6");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.0.0/WFS-basic.xsd", schema), patches)).isEmpty();
        assertThat(strings(parse(patches), "//gml311:featureMember")).hasSize(2);
        expectException("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=terrawatch:nothing", 400,
                "InvalidParameterValue", "TYPENAME", null);
    }

    @Test
    void csvCarriesChineseTextAndWktGeometries() throws Exception {
        HttpResponse<String> csv = server.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=3"
                + "&OUTPUTFORMAT=csv&PROPERTYNAME=code,county_name,geom&SORTBY=code");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("\uFEFFFID,id,code,geom,county_name"); // the feature type's order
        assertThat(lines.get(1)).startsWith("patches.").contains(",\"MULTIPOLYGON (((113.").endsWith(",城区");
    }

    @Test
    void coordinatesKeepTheLayersDecimalsInEveryOutput() throws Exception {
        // geometries only: the patches' areas are doubles written as they are
        String patches = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=20&PROPERTYNAME=geom";
        String units = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:admin_units&COUNT=3&PROPERTYNAME=geom";
        // by default 8 decimals in degrees, 3 in metres; admin_units says 7 and 2 in layers.yml
        assertThat(mostDecimals(ok(patches))).isEqualTo(8);
        assertThat(mostDecimals(ok(patches + "&OUTPUTFORMAT=application/json"))).isEqualTo(8);
        assertThat(mostDecimals(ok(patches.replace("2.0.0", "1.0.0").replace("TYPENAMES", "TYPENAME").replace("COUNT", "MAXFEATURES"))))
                .isEqualTo(8);
        assertThat(mostDecimals(ok(patches + "&SRSNAME=EPSG:4547"))).isEqualTo(3);
        assertThat(mostDecimals(ok(units))).isEqualTo(7);
        assertThat(mostDecimals(ok(units + "&OUTPUTFORMAT=application/json"))).isEqualTo(7);
        assertThat(mostDecimals(ok(units + "&OUTPUTFORMAT=csv"))).isEqualTo(7);
        assertThat(mostDecimals(ok(units + "&SRSNAME=EPSG:4547"))).isEqualTo(2);
        assertThat(mostDecimals(ok("/ogc/collections/admin_units/items?limit=3&f=json&properties=name"))).isEqualTo(7);
    }

    /** The most decimals of any coordinate-like number (two or more whole digits: longitudes, latitudes, metres; not the seconds of a time). */
    private static int mostDecimals(String body) {
        return java.util.regex.Pattern.compile("(?<![\\d.:])\\d{2,8}\\.(\\d+)").matcher(body).results()
                .mapToInt(match -> match.group(1).length()).max().orElse(0);
    }

    @Test
    void axisOrderFollowsTheCrsName() throws Exception {
        // Latitude first in urn:ogc:def:crs:EPSG::4490 (the default) ...
        Document gml = parse(ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:cameras&COUNT=1"));
        String[] position = strings(gml, "//gml:pos").get(0).split(" ");
        assertThat(Double.parseDouble(position[0])).isBetween(37.5, 38.6);
        assertThat(Double.parseDouble(position[1])).isBetween(112.9, 114.1);
        // ... longitude first in GeoJSON whatever the CRS name ...
        JsonNode json = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:cameras&COUNT=1&OUTPUTFORMAT=application/json");
        assertThat(json.at("/features/0/geometry/coordinates/0").asDouble()).isCloseTo(Double.parseDouble(position[1]), within(1e-9));
        // ... and a BBOX in lat/lon order selects the same features as the same box in CRS:84 order.
        Set<String> latLon = ids("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json"
                + "&BBOX=37.75,113.45,37.95,113.75,urn:ogc:def:crs:EPSG::4490");
        Set<String> lonLat = ids("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json"
                + "&BBOX=113.45,37.75,113.75,37.95,CRS:84");
        Set<String> flipped = ids("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json"
                + "&BBOX=113.45,37.75,113.75,37.95,urn:ogc:def:crs:EPSG::4490");
        assertThat(latLon).isNotEmpty().isEqualTo(lonLat);
        assertThat(flipped).isEmpty();
        // Web Mercator and a CGCS2000 Gauss-Krueger zone (northing first).
        JsonNode mercator = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:cameras&COUNT=1"
                + "&OUTPUTFORMAT=json&SRSNAME=EPSG:3857");
        assertThat(mercator.at("/features/0/geometry/coordinates/0").asDouble()).isBetween(1.25e7, 1.27e7);
        Document zone = parse(ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:cameras&COUNT=1&SRSNAME=EPSG:4547"));
        assertThat(Double.parseDouble(strings(zone, "//gml:pos").get(0).split(" ")[0])).isBetween(4.1e6, 4.3e6);
    }

    @Test
    void pagingHitsSortingPropertiesAndFilters() throws Exception {
        JsonNode first = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json"
                + "&COUNT=10&SORTBY=area_m2%20DESC");
        long matched = first.path("numberMatched").asLong();
        assertThat(matched).isBetween(250L, 400L);
        assertThat(first.path("numberReturned").asLong()).isEqualTo(10);
        List<Double> areas = new ArrayList<>();
        first.path("features").forEach(f -> areas.add(f.at("/properties/area_m2").asDouble()));
        assertThat(areas).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        String next = first.at("/links/0/href").asString();
        assertThat(next).contains("STARTINDEX=10");
        JsonNode second = server.getJson(next.substring(next.indexOf("/wfs")));
        assertThat(second.at("/features/0/properties/area_m2").asDouble()).isLessThanOrEqualTo(areas.get(9));

        Document hits = parse(ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&RESULTTYPE=hits"));
        assertThat(strings(hits, "/wfs:FeatureCollection/@numberMatched")).containsExactly(Long.toString(matched));
        assertThat(strings(hits, "/wfs:FeatureCollection/@numberReturned")).containsExactly("0");

        JsonNode mines = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json"
                + "&PROPERTYNAME=code,category&CQL_FILTER=" + encode("category = 'NON_COAL_MINE' AND county_name = '盂县'"));
        assertThat(mines.path("numberMatched").asLong()).isPositive();
        mines.path("features").forEach(f -> {
            assertThat(f.at("/properties/category").asString()).isEqualTo("NON_COAL_MINE");
            assertThat(f.at("/properties/code").asString()).startsWith("140322");
            assertThat(f.path("properties").has("area_m2")).isFalse();
        });

        String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"><fes:And>"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>category</fes:ValueReference><fes:Literal>NON_COAL_MINE</fes:Literal></fes:PropertyIsEqualTo>"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>county_name</fes:ValueReference><fes:Literal>盂县</fes:Literal></fes:PropertyIsEqualTo>"
                + "</fes:And></fes:Filter>";
        JsonNode sameByFes = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json"
                + "&RESULTTYPE=hits&FILTER=" + encode(fes));
        assertThat(sameByFes.path("numberMatched").asLong()).isEqualTo(mines.path("numberMatched").asLong());

        String someId = mines.at("/features/0/id").asString();
        JsonNode byId = json("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&OUTPUTFORMAT=json&RESOURCEID=" + someId);
        assertThat(byId.path("numberMatched").asLong()).isEqualTo(1);
        assertThat(byId.at("/features/0/id").asString()).isEqualTo(someId);
    }

    @Test
    void badRequestsGetExceptionReportsNeverServerErrors() throws Exception {
        String base = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches";
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:nothing", 400, "InvalidParameterValue", "TYPENAMES");
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature", 400, "MissingParameterValue", "TYPENAMES");
        expectException(base + "&BBOX=38,114,37,113", 400, "InvalidParameterValue", "BBOX");
        expectException(base + "&BBOX=a,b,c,d", 400, "InvalidParameterValue", "BBOX");
        expectException(base + "&BBOX=37,113,38,114,EPSG:99999", 400, "InvalidParameterValue", "BBOX");
        expectException(base + "&COUNT=-1", 400, "InvalidParameterValue", "COUNT");
        expectException(base + "&STARTINDEX=99999999999", 400, "InvalidParameterValue", "STARTINDEX");
        expectException(base + "&SRSNAME=EPSG:2000", 400, "InvalidParameterValue", "SRSNAME");
        expectException(base + "&CQL_FILTER=" + encode("category = "), 400, "InvalidParameterValue", "CQL_FILTER");
        expectException(base + "&CQL_FILTER=" + encode("no_such = 1"), 400, "InvalidParameterValue", "CQL_FILTER");
        expectException(base + "&SORTBY=geom", 400, "InvalidParameterValue", "SORTBY");
        expectException(base + "&PROPERTYNAME=nothing", 400, "InvalidParameterValue", "PROPERTYNAME");
        expectException(base + "&OUTPUTFORMAT=application/x-unknown", 400, "InvalidParameterValue", "outputFormat");
        expectException(base + "&OUTPUTFORMAT=shape-zip&CQL_FILTER=" + encode("area_m2 > 'x'"), 400, "InvalidParameterValue", "CQL_FILTER");
        expectException(base + "&FILTER=" + encode("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:Fly/></fes:Filter>"),
                400, "InvalidParameterValue", "FILTER");
        expectException(base + "&FILTER=" + encode("<?xml version=\"1.0\"?><!DOCTYPE f [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>code</fes:ValueReference>"
                + "<fes:Literal>&e;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"), 400, "OperationParsingFailed", "FILTER");
        expectException(base + "&FILTER=" + encode("<fes:Filter"), 400, "InvalidParameterValue", "FILTER");
        expectException("/wfs?SERVICE=WFS&REQUEST=Fly", 501, "OperationNotSupported", "request");
        expectException("/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0", 400, "VersionNegotiationFailed", "AcceptVersions");
        expectException("/ows?REQUEST=GetCapabilities", 400, "MissingParameterValue", "SERVICE");
    }

    /** Qualified names resolve by namespace: the OGC suite binds ours to ns12, as some ArcGIS and .NET clients do. */
    @Test
    void qualifiedNamesResolveByNamespaceWhateverThePrefix() throws Exception {
        String ns = encode("xmlns(ns12,http://terrawatch.org/terrawatch)");
        String kvp = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ns12:patches&COUNT=2&NAMESPACES=" + ns;
        assertThat(strings(parse(ok(kvp)), "/wfs:FeatureCollection/wfs:member/terrawatch:patches/@gml:id")).hasSize(2);
        ok("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=ns12:patches&NAMESPACES=" + ns);
        ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=ns12:patches&MAXFEATURES=1&NAMESPACE="
                + encode("xmlns(ns12=http://terrawatch.org/terrawatch)"));
        String xml = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"1\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:ns12=\"http://terrawatch.org/terrawatch\"><wfs:Query typeNames=\"ns12:patches\"/></wfs:GetFeature>";
        HttpResponse<String> posted = server.post("/wfs", xml);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(strings(parse(posted.body()), "/wfs:FeatureCollection/@numberReturned")).containsExactly("1");
        // a prefix bound to another namespace, or bound to none, names no type of ours
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ns12:patches&NAMESPACES="
                + encode("xmlns(ns12,http://example.org/other)"), 400, "InvalidParameterValue", "TYPENAMES");
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ns12:patches", 400, "InvalidParameterValue", "TYPENAMES");
    }

    /** The defects the OGC WFS 2.0 suite found, each checked here so none comes back between runs of the suite. */
    @Test
    void answersAsTheWfs20SuiteExpects() throws Exception {
        expectException("/wfs?REQUEST=GetCapabilities&VERSION=2.0.0", 400, "MissingParameterValue", "SERVICE");
        Document capabilities = parse(ok("/wfs?SERVICE=WFS&REQUEST=GetCapabilities"));
        assertThat(strings(capabilities, "//ows:Operation[@name='GetFeature']/ows:Parameter[@name='resolve']//ows:Value")).contains("local");
        assertThat(strings(capabilities, "//*[local-name()='Constraint'][@name='ImplementsMinimumXPath']/ows:DefaultValue")).containsExactly("TRUE");
        String base = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches";
        ok(base + "&COUNT=1&RESOLVE=local");
        // GetFeatureById of an id that names no feature is a 404, whatever the id looks like
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=uuid-42",
                404, "NotFound", "ID");
        // a resource id of another type is refused; one that names nothing matches nothing
        String patch = json(base + "&COUNT=1&OUTPUTFORMAT=application/json").path("features").get(0).path("id").asString();
        expectException("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:work_orders&RESOURCEID=" + patch,
                400, "InvalidParameterValue", "RESOURCEID");
        assertThat(strings(parse(ok(base + "&RESOURCEID=test-" + java.util.UUID.randomUUID())), "/wfs:FeatureCollection/@numberReturned"))
                .containsExactly("0");
        // PropertyIsNull on the geometry is a question like any other
        String isNull = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsNull><fes:ValueReference>geom</fes:ValueReference>"
                + "</fes:PropertyIsNull></fes:Filter>";
        assertThat(strings(parse(ok(base + "&FILTER=" + encode(isNull))), "/wfs:FeatureCollection/@numberReturned")).containsExactly("0");
        // comparing gml:boundedBy with an envelope cannot be carried out
        String boundedBy = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                + "<fes:PropertyIsLessThanOrEqualTo><fes:ValueReference>gml:boundedBy</fes:ValueReference><fes:Literal><gml:Envelope>"
                + "<gml:lowerCorner>37 113</gml:lowerCorner><gml:upperCorner>38 114</gml:upperCorner></gml:Envelope></fes:Literal>"
                + "</fes:PropertyIsLessThanOrEqualTo></fes:Filter>";
        expectException(base + "&FILTER=" + encode(boundedBy), 403, "OperationProcessingFailed", "FILTER");
        // GetPropertyValue of @gml:id answers the identifiers; an empty valueReference is invalid, a missing one missing
        String values = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=terrawatch:patches&COUNT=2&VALUEREFERENCE=";
        assertThat(strings(parse(ok(values + "@gml:id")), "/wfs:ValueCollection/wfs:member")).hasSize(2).allMatch(id -> id.startsWith("patches."));
        expectException(values, 400, "InvalidParameterValue", "valueReference");
        expectException(values.replace("&VALUEREFERENCE=", ""), 400, "MissingParameterValue", "VALUEREFERENCE");
        // a hits response points at the first page of results
        Document hits = parse(ok(base + "&RESULTTYPE=hits&COUNT=1"));
        String next = strings(hits, "/wfs:FeatureCollection/@next").get(0);
        assertThat(strings(hits, "/wfs:FeatureCollection/@previous")).isEmpty();
        Document first = parse(ok(next.substring(next.indexOf("/wfs"))));
        assertThat(strings(first, "/wfs:FeatureCollection/@numberReturned")).containsExactly("1");
        // the spatial filter class: every FES 2.0 spatial operator, distances in metres on the ground
        assertThat(strings(capabilities, "//*[local-name()='Constraint'][@name='ImplementsSpatialFilter']/ows:DefaultValue")).containsExactly("TRUE");
        assertThat(strings(capabilities, "//fes:SpatialOperator/@name")).contains("DWithin", "Beyond", "Intersects", "Equals");
        JsonNode one = json(base + "&COUNT=1&OUTPUTFORMAT=application/json").path("features").get(0);
        String point = "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:pos>" + one.at("/geometry/coordinates/0/0/0/1").asDouble() + " "
                + one.at("/geometry/coordinates/0/0/0/0").asDouble() + "</gml:pos></gml:Point>";
        String near = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"><fes:DWithin>"
                + "<fes:ValueReference>geom</fes:ValueReference>" + point + "<fes:Distance uom=\"m\">1</fes:Distance></fes:DWithin></fes:Filter>";
        assertThat(strings(parse(ok(base + "&FILTER=" + encode(near))), "//@gml:id")).contains(one.path("id").asString());
        String far = near.replace("DWithin", "Beyond");
        assertThat(strings(parse(ok(base + "&FILTER=" + encode(far))), "//@gml:id")).doesNotContain(one.path("id").asString());
        // gml:identifier is the feature id, and a like pattern on it works as on any text
        String byIdentifier = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:g=\"http://www.opengis.net/gml/3.2\"><fes:PropertyIsLike "
                + "wildCard=\"*\" singleChar=\"?\" escapeChar=\"\\\"><fes:ValueReference>g:identifier</fes:ValueReference><fes:Literal>*"
                + one.path("id").asString().substring(3) + "</fes:Literal></fes:PropertyIsLike></fes:Filter>";
        assertThat(strings(parse(ok(base + "&FILTER=" + encode(byIdentifier))), "//@gml:id")).contains(one.path("id").asString());
    }

    /** OWSLib's WFS 1.1.0 GetFeature sends PROPERTYNAME=*, and its WFS 1.0.0 reader needs Service/Keywords. */
    @Test
    void answersOwsLibsHabits() throws Exception {
        Document all = parse(ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=terrawatch:patches&MAXFEATURES=1&PROPERTYNAME=*"));
        assertThat(strings(all, "//terrawatch:patches/terrawatch:code")).hasSize(1);
        assertThat(strings(all, "//terrawatch:patches/terrawatch:status")).hasSize(1);
        Document wfs10 = parse(ok("/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetCapabilities"));
        assertThat(wfs10.getElementsByTagNameNS("http://www.opengis.net/wfs", "Keywords").item(0).getTextContent()).contains("WFS");
        assertThat(strings(parse(ok("/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetCapabilities")), "//*[local-name()='ServiceIdentification']"
                + "/*[local-name()='Keywords']/*[local-name()='Keyword']")).contains("WFS");
    }

    private static void expectException(String path, int status, String code, String locator) throws Exception {
        expectException(path, status, code, locator, "http://www.opengis.net/ows/1.1");
    }

    /** An ExceptionReport in the given OWS namespace (OWS 1.1 for WFS 2.0, OWS 1.0 for 1.1.0), or a WFS 1.0 ServiceExceptionReport for null. */
    private static void expectException(String path, int status, String code, String locator, String owsNamespace) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        Document report = parse(response.body());
        var root = report.getDocumentElement();
        if (owsNamespace == null) {
            assertThat(root.getLocalName()).isEqualTo("ServiceExceptionReport");
            var exception = (org.w3c.dom.Element) root.getElementsByTagNameNS("http://www.opengis.net/ogc", "ServiceException").item(0);
            assertThat(exception.getAttribute("code")).as(path).isEqualTo(code);
            assertThat(exception.getAttribute("locator")).as(path).isEqualTo(locator);
        } else {
            assertThat(root.getNamespaceURI()).as(path).isEqualTo(owsNamespace);
            var exception = (org.w3c.dom.Element) root.getElementsByTagNameNS(owsNamespace, "Exception").item(0);
            assertThat(exception.getAttribute("exceptionCode")).as(path).isEqualTo(code);
            assertThat(exception.getAttribute("locator")).as(path).isEqualTo(locator);
        }
        assertThat(response.body()).as(path).doesNotContain("at org.").doesNotContain("Exception:");
        String reportSchema = owsNamespace == null ? "wfs/1.0.0/OGC-exception.xsd"
                : owsNamespace.endsWith("1.1") ? "ows/1.1.0/owsExceptionReport.xsd" : "ows/1.0.0/owsExceptionReport.xsd";
        assertThat(OgcSchemas.errors(OgcSchemas.schema(reportSchema), response.body())).as(path).isEmpty();
    }

    private static String ok(String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String path) throws Exception {
        return server.getJson(path);
    }

    private static Set<String> ids(String path) throws Exception {
        Set<String> ids = new HashSet<>();
        json(path).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> strings(Document document, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "wfs" -> "http://www.opengis.net/wfs/2.0";
                    case "wfs11" -> "http://www.opengis.net/wfs";
                    case "gml311" -> "http://www.opengis.net/gml";
                    case "ows" -> "http://www.opengis.net/ows/1.1";
                    case "fes" -> "http://www.opengis.net/fes/2.0";
                    case "gml" -> "http://www.opengis.net/gml/3.2";
                    case "xsd" -> "http://www.w3.org/2001/XMLSchema";
                    case "terrawatch" -> "http://terrawatch.org/terrawatch";
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
        NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }
}
