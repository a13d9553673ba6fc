package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * WPS as OWSLib (Debian's python3-owslib) uses it, signed in as the satellite centre's analyst: it lists and
 * describes the processes, runs echo synchronously with literal, bounding-box and document inputs, then runs change
 * detection between the demo's two imagery epochs asynchronously, polls the status location, and receives the new
 * patches — which WFS then serves.
 */
class ProcessClientsTest {

    static Path folder;
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("terrawatch-process-clients-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void owslibRunsChangeDetectionAndTheNewPatchesAppearInWfs() throws Exception {
        JsonNode owslib = ClientChecks.run("owslib_wps", server.url("/wps"), folder.resolve("owslib"), Map.of());
        assertThat(owslib.get("processes").toString()).contains("change-detection", "patch-overlay", "area-statistics", "polygonize", "echo");
        assertThat(owslib.at("/inputs/area/type").asString()).isEqualTo("BoundingBoxData");
        assertThat(owslib.get("outputs").toString()).contains("patches", "summary");
        assertThat(owslib.get("echo_status").asString()).isEqualTo("ProcessSucceeded");
        assertThat(owslib.at("/echo/string_output").asString()).isEqualTo("阳泉");
        assertThat(owslib.at("/echo/complex_output").asString()).contains("\"checked\"");
        assertThat(owslib.get("echo_bbox").toString()).contains("37.7", "113.6");

        assertThat(owslib.get("status_location").asString()).startsWith(server.url("/wps/jobs/"));
        assertThat(owslib.get("statuses").get(0).asString()).isIn("ProcessAccepted", "ProcessStarted", "ProcessSucceeded");
        assertThat(owslib.get("final").asString()).as(owslib.get("errors").toString()).isEqualTo("ProcessSucceeded");
        JsonNode features = owslib.at("/patches/features");
        assertThat(features.size()).as(owslib.get("summary").toString()).isGreaterThanOrEqualTo(5);
        assertThat(owslib.at("/summary/stored").asBoolean()).isTrue();

        List<String> codes = new ArrayList<>();
        features.forEach(f -> codes.add(f.at("/properties/code").asString()));
        assertThat(codes).allSatisfy(code -> assertThat(code).matches("\\d{6}\\d{6}\\d{4}"));
        String filter = "code IN ('" + String.join("','", codes) + "')";
        JsonNode wfs = server.getJson("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches"
                + "&OUTPUTFORMAT=application/json&CQL_FILTER=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(wfs.get("features").size()).isEqualTo(codes.size());
        assertThat(wfs.get("features").findValuesAsString("status")).containsOnly("NEW");
    }
}
