package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.terrawatch.app.cameras.CameraWatch;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The camera registry over REST: registered and changed by administrators with a coverage computed from azimuths and a
 * range (or given), clipped to the jurisdiction; heartbeats keep a camera online and silence takes it offline; the
 * coverage share; and the cameras that see each patch.
 */
class CameraHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLATFORM = "Bearer tw_tietacam_demo-camera-platform-2026";

    @TempDir
    static Path folder;
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void administratorsRegisterCamerasWithTheCoverageTheySeeAndTheRestReadThem() throws Exception {
        JsonNode demo = JSON.readTree(as("duty", "GET", "/api/cameras", null).body());
        assertThat(demo.size()).as("the demo's 38 cameras and those the tests register").isGreaterThanOrEqualTo(38)
                .isEqualTo(server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM camera").query(Long.class).single().intValue());
        JsonNode near = demo.get(0);
        ObjectNode camera = JSON.createObjectNode().put("code", "TEST-GD-01").put("name", "测试高点01").put("kind", "HIGH_POINT")
                .put("longitude", near.get("longitude").asDouble() + 0.003).put("latitude", near.get("latitude").asDouble())
                .put("mountHeight", 45).put("azimuthFrom", 30).put("azimuthTo", 150).put("range", 2000);
        HttpResponse<String> created = as("admin", "POST", "/api/cameras", camera.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode stored = JSON.readTree(created.body());
        // A third of a 2 km disc (4.19 km²), less what the jurisdiction's boundary cuts off.
        assertThat(stored.get("coverageKm2").asDouble()).isBetween(0.5, 4.2);
        assertThat(stored.get("township").asString()).hasSize(9);
        assertThat(as("admin", "POST", "/api/cameras", camera.toString()).statusCode()).isEqualTo(409);
        assertThat(as("gengdi", "POST", "/api/cameras", camera.put("code", "TEST-GD-02").toString()).statusCode()).isEqualTo(403);
        assertThat(field(as("admin", "POST", "/api/cameras", camera.deepCopy().put("range", -5).toString()))).isEqualTo("range");
        assertThat(field(as("admin", "POST", "/api/cameras", camera.deepCopy().put("longitude", 116.4).put("latitude", 39.9).toString())))
                .isEqualTo("longitude");
        assertThat(field(as("admin", "POST", "/api/cameras", camera.deepCopy().put("kind", "DRONE").toString()))).isEqualTo("kind");

        HttpResponse<String> changed = as("admin", "PUT", "/api/cameras/TEST-GD-01", camera.put("code", "TEST-GD-01").put("name", "测试高点一号")
                .put("azimuthFrom", 300).put("azimuthTo", 60).put("range", 1000).toString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("name").asString()).isEqualTo("测试高点一号");
        assertThat(JSON.readTree(changed.body()).get("coverageKm2").asDouble()).as("a third of a 1 km disc, across north").isBetween(0.2, 1.06);
        assertThat(as(null, "GET", "/api/cameras", null).statusCode()).isEqualTo(401);
    }

    @Test
    void heartbeatsKeepACameraOnlineAndSilenceTakesItOffline() throws Exception {
        ObjectNode camera = JSON.createObjectNode().put("code", "TEST-KK-01").put("name", "测试卡口01").put("kind", "CHECKPOINT");
        JsonNode near = JSON.readTree(as("duty", "GET", "/api/cameras", null).body()).get(1);
        camera.put("longitude", near.get("longitude").asDouble()).put("latitude", near.get("latitude").asDouble()).put("range", 300)
                .put("azimuthFrom", 0).put("azimuthTo", 90);
        assertThat(as("admin", "POST", "/api/cameras", camera.toString()).statusCode()).isEqualTo(201);
        // Never heard from: offline at the next check, and only it among the demo's recently seen cameras.
        Set<String> silent = new TreeSet<>();
        server.bean(CameraWatch.class).check().forEach(c -> silent.add(c.code()));
        assertThat(silent).contains("TEST-KK-01");
        assertThat(JSON.readTree(as("duty", "GET", "/api/cameras/TEST-KK-01", null).body()).get("online").asBoolean()).isFalse();
        HttpResponse<String> beat = server.exchange("POST", "/api/cameras/TEST-KK-01/heartbeat", null, "Authorization", PLATFORM);
        assertThat(beat.statusCode()).isEqualTo(204);
        JsonNode alive = JSON.readTree(as("duty", "GET", "/api/cameras/TEST-KK-01", null).body());
        assertThat(alive.get("online").asBoolean()).isTrue();
        assertThat(alive.get("lastSeen").asString()).isNotEmpty();
        assertThat(server.exchange("POST", "/api/cameras/NO-SUCH/heartbeat", null, "Authorization", PLATFORM).statusCode()).isEqualTo(404);
        assertThat(server.exchange("POST", "/api/cameras/TEST-KK-01/heartbeat", null, "Authorization", RunningServer.basic("gengdi")).statusCode())
                .isEqualTo(403);

        JsonNode coverage = JSON.readTree(as("leader", "GET", "/api/cameras/coverage", null).body());
        assertThat(coverage.get("share").asDouble()).isBetween(0.0, 1.0);
        assertThat(coverage.get("coveredKm2").asDouble()).isPositive().isLessThan(coverage.get("jurisdictionKm2").asDouble());
    }

    @Test
    void aPatchNamesTheCamerasWhoseCoverageTakesItIn() throws Exception {
        GeoJsonReader geojson = new GeoJsonReader();
        Map<String, Geometry> coverages = new HashMap<>();
        for (JsonNode camera : JSON.readTree(as("duty", "GET", "/api/cameras", null).body())) {
            if (camera.has("coverage")) {
                coverages.put(camera.get("code").asString(), geojson.read(camera.get("coverage").toString()));
            }
        }
        JsonNode patches = server.getJson("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=40"
                + "&OUTPUTFORMAT=application/json").get("features");
        int seen = 0;
        for (JsonNode patch : patches) {
            Geometry outline = geojson.read(patch.get("geometry").toString());
            Set<String> expected = new TreeSet<>();
            coverages.forEach((code, coverage) -> {
                if (coverage.intersects(outline)) {
                    expected.add(code);
                }
            });
            String id = patch.get("id").asString().substring("patches.".length());
            Set<String> named = new TreeSet<>(JSON.readTree(as("analyst", "GET", "/api/patches/" + id, null).body()).get("cameras")
                    .findValuesAsString("code"));
            assertThat(named).as("patch " + id).isEqualTo(expected);
            seen += expected.isEmpty() ? 0 : 1;
        }
        assertThat(seen).as("some demo patches are in sight of a camera").isPositive();
    }

    @Test
    void aCameraListIsRegisteredFromCsvOrGeoJsonAllOrNothing() throws Exception {
        JsonNode near = JSON.readTree(as("duty", "GET", "/api/cameras", null).body()).get(0);
        double x = near.get("longitude").asDouble();
        double y = near.get("latitude").asDouble();
        String admin = RunningServer.basic("admin");
        // As Chinese Excel saves it: Chinese headers, GB18030, a quoted name with a comma.
        String csv = "编号,名称,类型,经度,纬度,架设高度,起始方位角,终止方位角,监控半径\n"
                + "IMP-GD-01,\"导入高点01，东山\",HIGH_POINT," + (x + 0.004) + "," + y + ",40,0,120,1500\n"
                + "IMP-KK-01,导入卡口01,CHECKPOINT," + (x + 0.005) + "," + (y + 0.002) + ",8,,,\n";
        long before = cameraCount();
        HttpResponse<String> imported = importList(csv.getBytes(java.nio.charset.Charset.forName("GB18030")), "text/csv", admin);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("created").asInt()).isEqualTo(2);
        JsonNode first = JSON.readTree(as("duty", "GET", "/api/cameras/IMP-GD-01", null).body());
        assertThat(first.get("name").asString()).isEqualTo("导入高点01，东山");
        assertThat(first.get("coverageKm2").asDouble()).as("a third of a 1.5 km disc at most").isBetween(0.1, 2.36);
        assertThat(JSON.readTree(as("duty", "GET", "/api/cameras/IMP-KK-01", null).body()).get("kind").asString()).isEqualTo("CHECKPOINT");

        // GeoJSON: one camera again (changed), one new, one outside the jurisdiction — refused, naming it; nothing stored.
        String again = point(x + 0.004, y, "{\"code\":\"IMP-GD-01\",\"name\":\"导入高点一号\",\"mountHeight\":42}");
        String added = point(x + 0.006, y, "{\"code\":\"IMP-GD-02\",\"name\":\"导入高点02\"}");
        String far = point(116.4, 39.9, "{\"code\":\"IMP-GD-03\",\"name\":\"北京\"}");
        String features = "{\"type\":\"FeatureCollection\",\"features\":[" + again + "," + added + "," + far + "]}";
        HttpResponse<String> refused = importList(features.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/geo+json", admin);
        assertThat(field(refused)).isEqualTo("longitude");
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).startsWith("feature 3 (IMP-GD-03)");
        assertThat(cameraCount()).isEqualTo(before + 2);
        assertThat(JSON.readTree(as("duty", "GET", "/api/cameras/IMP-GD-01", null).body()).get("name").asString()).isEqualTo("导入高点01，东山");

        HttpResponse<String> accepted = importList(("{\"type\":\"FeatureCollection\",\"features\":[" + again + "," + added + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/geo+json", admin);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("created").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(accepted.body()).get("updated").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(as("duty", "GET", "/api/cameras/IMP-GD-01", null).body()).get("mountHeight").asDouble()).isEqualTo(42);

        assertThat(field(importList("名称\n无编号\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", admin))).isEqualTo("body");
        assertThat(importList(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", RunningServer.basic("duty")).statusCode())
                .isEqualTo(403);
    }

    private static String point(double longitude, double latitude, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + longitude + "," + latitude + "]},\"properties\":"
                + properties + "}";
    }

    private static long cameraCount() {
        return server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM camera").query(Long.class).single();
    }

    private static HttpResponse<String> importList(byte[] body, String type, String authorization) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/cameras/import")))
                .header("Content-Type", type).header("Authorization", authorization).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return JSON.readTree(answer.body()).get("field").asString();
    }

    private static HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
        if (user == null) {
            return server.exchange(method, path, body);
        }
        return body == null ? server.exchange(method, path, null, "Authorization", RunningServer.basic(user))
                : server.exchange(method, path, body, "Content-Type", "application/json", "Authorization", RunningServer.basic(user));
    }
}
