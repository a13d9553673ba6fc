package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * WFS and OGC API – Features as real clients from Debian's packages use them — QGIS (PyQGIS, headless),
 * GDAL/OGR and OWSLib — each run by {@code src/test/python/ogc_clients.py} and checked here against the server's own GeoJSON:
 * counts, filters, bounding boxes and positions (an axis flip puts a position far outside its patch).
 */
class OgcClientsTest {

    private static final String FILTER = "category = 'NON_COAL_MINE' AND county_code = '140322'";
    private static Path folder;
    private static RunningServer server;
    private static String url;
    private static String ogcApi;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("terrawatch-clients-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
        url = server.url("/wfs");
        ogcApi = server.url("/ogc");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void qgisReadsFiltersAndPlacesPatchesInCgcs2000AndWebMercator() throws Exception {
        JsonNode qgis = run("qgis");
        Map<String, Geometry> patches = serverPatches(FILTER);
        for (String srs : new String[] {"EPSG:4490", "EPSG:3857"}) {
            JsonNode layer = qgis.path(srs);
            assertThat(layer.path("valid").asBoolean()).as(srs + " layer valid").isTrue();
            assertThat(layer.path("crs").asString()).isEqualTo(srs);
            assertThat(layer.path("count").asLong()).isEqualTo(serverCount(null));
            assertThat(layer.path("filtered").asLong()).isEqualTo(patches.size());
            for (var entry : layer.path("points").properties()) {
                double x = entry.getValue().get(0).asDouble();
                double y = entry.getValue().get(1).asDouble();
                Coordinate lonLat = srs.equals("EPSG:3857") ? fromWebMercator(x, y) : new Coordinate(x, y);
                Geometry patch = patches.get(entry.getKey());
                assertThat(patch).as("patch " + entry.getKey()).isNotNull();
                assertThat(patch.distance(new GeometryFactory().createPoint(lonLat))).as(srs + " position of " + entry.getKey())
                        .isLessThan(1e-6);
            }
        }
    }

    @Test
    void gdalOgrReadsFiltersAndCopiesToGeoPackage() throws Exception {
        JsonNode ogr = run("ogr");
        assertThat(ogr.path("layers").asInt()).isEqualTo(16);
        assertThat(ogr.path("count").asLong()).isEqualTo(serverCount(null));
        assertThat(ogr.path("filtered").asLong()).isEqualTo(serverCount(FILTER));
        assertThat(strings(ogr.path("in_box"))).isNotEmpty()
                .isEqualTo(serverCodes("BBOX(geom, 113.45, 37.75, 113.75, 37.95)"));
        assertThat(ogr.path("gpkg_count").asLong()).isEqualTo(serverCount(null));
        assertThat(strings(ogr.path("unit_names"))).contains("平定县");
    }

    @Test
    void olderClientsReadWfs11And10() throws Exception {
        Map<String, Geometry> patches = serverPatches(FILTER);
        JsonNode qgisByVersion = run("qgis_wfs11");
        JsonNode ogrByVersion = run("ogr_wfs11");
        for (String version : new String[] {"1.1.0", "1.0.0"}) {
            JsonNode qgis = qgisByVersion.path(version);
            assertThat(qgis.path("valid").asBoolean()).as("QGIS WFS " + version).isTrue();
            assertThat(qgis.path("count").asLong()).as("QGIS WFS " + version).isEqualTo(serverCount(null));
            assertThat(qgis.path("filtered").asLong()).as("QGIS WFS " + version).isEqualTo(patches.size());
            for (var entry : qgis.path("points").properties()) {
                Coordinate lonLat = new Coordinate(entry.getValue().get(0).asDouble(), entry.getValue().get(1).asDouble());
                assertThat(patches.get(entry.getKey()).distance(new GeometryFactory().createPoint(lonLat)))
                        .as("QGIS WFS " + version + " position of " + entry.getKey()).isLessThan(1e-6);
            }
            JsonNode ogr = ogrByVersion.path(version);
            assertThat(ogr.path("count").asLong()).as("OGR WFS " + version).isEqualTo(serverCount(null));
            assertThat(ogr.path("filtered").asLong()).as("OGR WFS " + version).isEqualTo(patches.size());
            assertThat(strings(ogr.path("in_box"))).as("OGR WFS " + version).isNotEmpty()
                    .isEqualTo(serverCodes("BBOX(geom, 113.45, 37.75, 113.75, 37.95)"));
        }
    }

    @Test
    void shapefileGeoPackageAndFlatGeobufDownloadsKeepChineseAttributesAndPositions() throws Exception {
        JsonNode downloads = run("ogr_downloads");
        Map<String, Geometry> patches = serverPatches("county_name = '平定县'");
        for (String format : new String[] {"shape-zip", "geopackage", "flatgeobuf"}) {
            JsonNode download = downloads.path(format);
            assertThat(download.path("count").asLong()).as(format).isEqualTo(serverCount(null));
            assertThat(download.path("epsg").asString()).as(format).isEqualTo("4490");
            int checked = 0;
            for (var entry : download.path("features").properties()) {
                Geometry patch = patches.get(entry.getKey());
                if (patch == null) {
                    continue;
                }
                assertThat(entry.getValue().path("county").asString()).as(format).isEqualTo("平定县");
                Coordinate point = new Coordinate(entry.getValue().path("x").asDouble(), entry.getValue().path("y").asDouble());
                assertThat(patch.distance(new GeometryFactory().createPoint(point))).as(format + " " + entry.getKey()).isLessThan(1e-6);
                checked++;
            }
            assertThat(checked).as(format).isEqualTo(patches.size()).isPositive();
        }
    }

    @Test
    void owslibParsesCapabilitiesAndFetchesFeatures() throws Exception {
        JsonNode owslib = run("owslib");
        assertThat(owslib.path("title").asString()).contains("TerraWatch");
        assertThat(owslib.path("types")).hasSize(16);
        assertThat(owslib.path("default_crs").asString()).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(strings(owslib.path("operations"))).contains("GetCapabilities", "DescribeFeatureType", "GetFeature");
        assertThat(owslib.path("page").asInt()).isEqualTo(5);
        assertThat(owslib.path("filtered_by_post").asLong()).isEqualTo(serverCount("category = 'NON_COAL_MINE'"));
        assertThat(strings(owslib.path("in_box"))).isNotEmpty()
                .isEqualTo(serverCodes("BBOX(geom, 113.45, 37.75, 113.75, 37.95)"));
        assertThat(owslib.path("wfs11_members").asInt()).isEqualTo(3);
        assertThat(strings(owslib.path("wfs10_keywords")).toString()).contains("WFS");
        assertThat(owslib.path("wfs10_types").asInt()).isEqualTo(16);
    }

    @Test
    void qgisReadsTheOgcApiCollectionFiltersAndPlacesPatches() throws Exception {
        JsonNode qgis = run("qgis_oapif", ogcApi);
        Map<String, Geometry> patches = serverPatches(FILTER);
        assertThat(qgis.path("valid").asBoolean()).isTrue();
        assertThat(qgis.path("crs").asString()).isEqualTo("EPSG:4326"); // QGIS 3.22 reads OGC API in CRS84 only
        assertThat(qgis.path("count").asLong()).isEqualTo(serverCount(null));
        assertThat(qgis.path("filtered").asLong()).isEqualTo(patches.size());
        for (var entry : qgis.path("points").properties()) {
            Coordinate lonLat = new Coordinate(entry.getValue().get(0).asDouble(), entry.getValue().get(1).asDouble());
            assertThat(patches.get(entry.getKey()).distance(new GeometryFactory().createPoint(lonLat)))
                    .as("position of " + entry.getKey()).isLessThan(1e-6);
        }
        assertThat(qgis.path("points_3857")).hasSize(patches.size());
        for (var entry : qgis.path("points_3857").properties()) {
            Coordinate lonLat = fromWebMercator(entry.getValue().get(0).asDouble(), entry.getValue().get(1).asDouble());
            assertThat(patches.get(entry.getKey()).distance(new GeometryFactory().createPoint(lonLat)))
                    .as("EPSG:3857 position of " + entry.getKey()).isLessThan(1e-6);
        }
    }

    @Test
    void gdalOgrReadsTheOgcApiCollectionsWithFilters() throws Exception {
        JsonNode ogr = run("ogr_oapif", ogcApi);
        assertThat(ogr.path("layers").asInt()).isEqualTo(16);
        assertThat(ogr.path("count").asLong()).isEqualTo(serverCount(null));
        assertThat(ogr.path("filtered").asLong()).isEqualTo(serverCount(FILTER));
        assertThat(strings(ogr.path("in_box"))).isNotEmpty()
                .isEqualTo(serverCodes("BBOX(geom, 113.45, 37.75, 113.75, 37.95)"));
    }

    private static JsonNode run(String check) throws IOException, InterruptedException {
        return run(check, url);
    }

    private static JsonNode run(String check, String target) throws IOException, InterruptedException {
        return ClientChecks.run(check, target, Files.createTempDirectory(folder, check), Map.of());
    }

    private static long serverCount(String cql) throws Exception {
        return server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json&RESULTTYPE=hits"
                + (cql == null ? "" : "&CQL_FILTER=" + URLEncoder.encode(cql, StandardCharsets.UTF_8))).path("numberMatched").asLong();
    }

    private static TreeSet<String> serverCodes(String cql) throws Exception {
        TreeSet<String> codes = new TreeSet<>();
        server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json&PROPERTYNAME=code&CQL_FILTER="
                + URLEncoder.encode(cql, StandardCharsets.UTF_8)).path("features").forEach(f -> codes.add(f.at("/properties/code").asString()));
        return codes;
    }

    /** The filtered patches as the server gives them in GeoJSON (lon/lat), by code. */
    private static Map<String, Geometry> serverPatches(String cql) throws Exception {
        Map<String, Geometry> patches = new HashMap<>();
        GeometryFactory factory = new GeometryFactory();
        server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=json&CQL_FILTER="
                + URLEncoder.encode(cql, StandardCharsets.UTF_8)).path("features").forEach(f -> {
            List<Polygon> polygons = new ArrayList<>();
            f.at("/geometry/coordinates").forEach(polygon -> {
                List<Coordinate> ring = new ArrayList<>();
                polygon.get(0).forEach(p -> ring.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
                polygons.add(factory.createPolygon(ring.toArray(Coordinate[]::new)));
            });
            patches.put(f.at("/properties/code").asString(), factory.createMultiPolygon(polygons.toArray(Polygon[]::new)));
        });
        return patches;
    }

    private static Coordinate fromWebMercator(double x, double y) {
        double radius = 6_378_137.0;
        return new Coordinate(Math.toDegrees(x / radius), Math.toDegrees(2 * Math.atan(Math.exp(y / radius)) - Math.PI / 2));
    }

    private static TreeSet<String> strings(JsonNode array) {
        TreeSet<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
