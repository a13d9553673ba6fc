package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrawatch.app.RunningServer.basic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrawatch.submission.testing.Gdal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Departments hand in base data over HTTP on the demo: the farmland section's GBK shapefile becomes the farmland
 * layer's next version and WFS publishes it; the real Jiaoqu boundary as KML, handed in by the surveying section on
 * the planning section's behalf, is refused with its report and changes nothing; the register shows who is late and
 * who overdue; and the refusals for the caller come in the API's own form.
 */
class SubmissionsHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SHARED = Path.of(System.getProperty("terrawatch.shared.data", "../../shared/data"));

    private static RunningServer server;
    private static byte[] farmland;
    private static byte[] jiaoqu;

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createTempDirectory("terrawatch-submissions-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
        Path source = Files.writeString(folder.resolve("farmland.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"地类名称":"水浇地","DLBM":"0102","XZQDM":"140311"},
                 "geometry":{"type":"Polygon","coordinates":[[[113.55,37.86],[113.553,37.86],[113.553,37.862],[113.55,37.862],[113.55,37.86]]]}},
                {"type":"Feature","properties":{"地类名称":"旱地","DLBM":"0103","XZQDM":"140311"},
                 "geometry":{"type":"Polygon","coordinates":[[[113.56,37.86],[113.563,37.86],[113.563,37.862],[113.56,37.862],[113.56,37.86]]]}}]}
                """);
        Gdal.ogr2ogr(folder.resolve("gengdi.shp"), source, "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-a_srs", "EPSG:4490");
        farmland = Gdal.zip(folder, "gengdi", ".shp", ".shx", ".dbf", ".prj", ".cpg");
        Path admin = SHARED.resolve("admin/140300_full.json");
        assertThat(admin).as("the real boundaries in ../shared/data/admin (see the README)").exists();
        jiaoqu = Files.readAllBytes(Gdal.ogr2ogr(folder.resolve("jiaoqu.kml"), admin, "-f", "KML", "-where", "adcode = 140311"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDepartmentsShapefileBecomesTheLayersNextVersionAndIsPublished() throws Exception {
        int before = farmlandFeatures();
        HttpResponse<String> created = handIn("gengdi", Map.of("layer", "farmland", "month", "2026-11"), "耕地.zip", farmland);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode submission = JSON.readTree(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue("/api/submissions/" + submission.get("id").asLong());
        assertThat(submission.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(submission.get("encoding").asString()).contains("GB18030", ".cpg");
        assertThat(submission.get("features").asInt()).isEqualTo(2);
        assertThat(submission.get("report").get("fields").get("land_class").asString()).isEqualTo("DLBM");
        // WFS publishes the version in force today: the new one.
        assertThat(farmlandFeatures()).isEqualTo(2).isNotEqualTo(before);
        HttpResponse<String> csv = server.exchange("GET", "/api/submissions/" + submission.get("id").asLong() + "/report.csv", null,
                "Authorization", basic("gengdi"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("number,label,status,code,message", "1,,ACCEPTED");
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/submissions/" + submission.get("id").asLong()
                + "/file"))).header("Authorization", basic("gengdi")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(farmland);
        // The register: handed in after 1 December, so late; the others overdue.
        JsonNode register = JSON.readTree(server.exchange("GET", "/api/submissions/register?month=2026-11", null, "Authorization",
                basic("leader")).body());
        JsonNode line = find(register.get("layers"), "farmland");
        assertThat(line.get("status").asString()).isIn("LATE", "ON_TIME");
        assertThat(line.get("dueOn").asString()).isEqualTo("2026-12-01");
        assertThat(find(register.get("layers"), "mining_licences").get("status").asString()).isIn("OVERDUE", "OPEN");
    }

    @Test
    void theRealJiaoquBoundaryIsRefusedWithItsReportAndChangesNothing() throws Exception {
        int before = server.getJson("/ogc/collections/plan_zones/items?limit=10000").get("features").size();
        HttpResponse<String> refused = handIn("leader", Map.of("layer", "plan_zones", "month", "2026-11", "department", "guihua"),
                "郊区.kml", jiaoqu);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("REFUSED_FEATURES");
        assertThat(problem.get("detail").asString()).contains("郊区", "share an edge", "repair=merge-parts");
        assertThat(problem.get("report").get("features").get(0).get("code").asString()).isEqualTo("PARTS_SHARE_EDGES");
        assertThat(server.getJson("/ogc/collections/plan_zones/items?limit=10000").get("features").size()).isEqualTo(before);
        // The planning section sees the refused attempt in its list; the farmland section does not.
        assertThat(list("leader")).anyMatch(s -> s.get("id").asLong() == problem.get("id").asLong());
        assertThat(list("gengdi")).noneMatch(s -> s.get("id").asLong() == problem.get("id").asLong());
    }

    @Test
    void refusalsComeAsProblemsAndChangeNothing() throws Exception {
        assertThat(handIn(null, Map.of("layer", "farmland", "month", "2026-11"), "x.zip", farmland).statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = handIn("field", Map.of("layer", "farmland", "month", "2026-11"), "x.zip", farmland);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = handIn("gengdi", Map.of("layer", "roads", "month", "2026-11"), "x.zip", farmland);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("UNKNOWN_LAYER");
        HttpResponse<String> corrupt = handIn("gengdi", Map.of("layer", "farmland", "month", "2026-11"), "x.zip",
                "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(corrupt.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(corrupt.body()).get("code").asString()).isEqualTo("CORRUPT_FILE");
        assertThat(server.exchange("GET", "/api/submissions", null).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> handIn(String user, Map<String, String> fields, String fileName, byte[] file) throws Exception {
        MultipartForm form = MultipartForm.of(new LinkedHashMap<>(fields), "file", fileName, "application/octet-stream", file);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/submissions")))
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<JsonNode> list(String user) throws Exception {
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        JSON.readTree(server.exchange("GET", "/api/submissions", null, "Authorization", basic(user)).body()).get("submissions").forEach(items::add);
        return items;
    }

    private static int farmlandFeatures() throws Exception {
        return server.getJson("/ogc/collections/farmland/items?limit=10000").get("features").size();
    }

    private static JsonNode find(JsonNode lines, String layer) {
        for (JsonNode line : lines) {
            if (line.get("layer").asString().equals(layer)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + layer + " in " + lines);
    }
}
