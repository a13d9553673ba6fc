package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server as the README runs it: the embedded store in the data directory, the demo on first start,
 * health with the store type, the summary, and a restart that keeps everything.
 */
class ServerLifecycleTest {

    @Test
    void firstStartLoadsTheDemoAndARestartKeepsIt(@TempDir Path folder) throws Exception {
        Path dataDir = RunningServer.dataDirectoryFromRepository(folder);
        JsonNode first;
        try (RunningServer server = RunningServer.start(dataDir)) {
            JsonNode health = server.getJson("/actuator/health");
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/store/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/store/details/type").asString()).isEqualTo("H2GIS");
            assertThat(health.at("/components/store/details/version").asString()).contains("H2GIS 2.");

            first = server.getJson("/api/summary");
            assertThat(first.path("store").asString()).isEqualTo("H2GIS");
            assertThat(first.path("departments").asLong()).isEqualTo(24);
            assertThat(first.path("workingGroups").asLong()).isEqualTo(5);
            assertThat(first.path("users").asLong()).isEqualTo(7);
            assertThat(first.path("patches").asLong()).isBetween(250L, 400L);
            assertThat(first.path("cameras").asLong()).isEqualTo(38);
            assertThat(first.path("alerts").asLong()).isEqualTo(160);
            assertThat(first.path("imageryEpochs").asLong()).isEqualTo(2);
            assertThat(first.at("/patchesByCategory/NON_COAL_MINE").asLong()).isPositive();
        }
        assertThat(dataDir.resolve("store/terrawatch.mv.db")).exists();
        assertThat(dataDir.resolve("imagery/demo-2026-10-18.tif")).exists();
        long imageryWritten = Files.getLastModifiedTime(dataDir.resolve("imagery/demo-2026-10-18.tif")).toMillis();

        try (RunningServer server = RunningServer.start(dataDir)) {
            JsonNode again = server.getJson("/api/summary");
            for (String count : new String[] {"adminUnits", "baseFeatures", "patches", "alerts", "workOrders", "departments"}) {
                assertThat(again.path(count).asLong()).as(count).isEqualTo(first.path(count).asLong());
            }
            assertThat(again.path("patchesByStatus")).isEqualTo(first.path("patchesByStatus"));
        }
        assertThat(Files.getLastModifiedTime(dataDir.resolve("imagery/demo-2026-10-18.tif")).toMillis()).isEqualTo(imageryWritten);
    }

    @Test
    void unknownResourcesGetProblemJson(@TempDir Path folder) throws Exception {
        Path dataDir = RunningServer.dataDirectoryFromRepository(folder);
        try (RunningServer server = RunningServer.start(dataDir, "--terrawatch.demo.load-on-first-start=false")) {
            HttpResponse<String> response = server.get("/api/no-such-thing");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception");
            assertThat(server.getJson("/").path("title").asString()).contains("TerraWatch");
            assertThat(server.getJson("/api/summary").path("patches").asLong()).isZero();
        }
    }
}
