package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrawatch.app.RunningServer.basic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.terrawatch.submission.testing.Gdal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar's scheduler across a restart in the middle of a job: the server, a separate JVM, is killed with SIGKILL
 * while it runs task M2026-11's detection (on epochs made large enough by GDAL that the kill lands inside it); the
 * restarted server takes the job over once its lease has run out and completes it once — its second attempt — with
 * one set of patches, each created once in the audit trail.
 */
class SchedulerRestartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aJobCutShortByAKilledServerIsDoneOnceAfterTheRestart() throws Exception {
        Path data = RunningServer.dataDirectoryFromRepository(Files.createTempDirectory("terrawatch-scheduler-"));
        int port = ServerProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> calendar = List.of("--terrawatch.scheduler.enabled=true", "--terrawatch.scheduler.interval=1s",
                "--terrawatch.scheduler.lease=5s");
        ServerProcess first = ServerProcess.start(data, port, calendar, "Detecting the changes of task M2026-11");
        try {
            first.awaitHealthy();
            // October and November at 4 times the demo's size (2048 × 2048 px): a detection of a few seconds.
            for (String[] epoch : new String[][] {{"demo-2026-10-18.tif", "big-2026-10-30.tif"}, {"demo-2026-09-20.tif", "big-2026-11-28.tif"}}) {
                Gdal.translate(data.resolve("imagery").resolve(epoch[0]), data.resolve("imagery").resolve(epoch[1]),
                        "-outsize", "400%", "400%", "-co", "TILED=YES");
            }
            for (String[] epoch : new String[][] {{"big-2026-10-30.tif", "BIG-2026-10-30", "2026-10-30"}, {"big-2026-11-28.tif", "BIG-2026-11-28", "2026-11-28"}}) {
                HttpResponse<String> registered = post(base, "/api/imagery", Map.of("path", epoch[0], "name", epoch[1], "sensor", "GF-2 PMS",
                        "acquired", epoch[2], "bands", "BLUE,GREEN,RED,NIR"));
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            }
            assertThat(first.reached().await(180, TimeUnit.SECONDS)).as("the scheduler starts the detection").isTrue();
        } finally {
            first.kill();
        }
        assertThat(first.log()).noneMatch(line -> line.contains("Scheduled job DETECTION:M2026-11 done"));

        ServerProcess second = ServerProcess.start(data, port, calendar, "Scheduled job DETECTION:M2026-11 done");
        try {
            second.awaitHealthy();
            assertThat(second.reached().await(300, TimeUnit.SECONDS)).as("the restarted server completes the detection").isTrue();
            JsonNode job = null;
            for (JsonNode j : get(base, "/api/schedule").get("jobs")) {
                if (j.get("key").asString().equals("DETECTION:M2026-11")) {
                    job = j;
                }
            }
            assertThat(job).isNotNull();
            assertThat(job.get("state").asString()).isEqualTo("DONE");
            assertThat(job.get("attempts").asInt()).as("the dead server's attempt, then the restarted one's").isEqualTo(2);
            long task = 0;
            for (JsonNode t : get(base, "/api/tasks").get("tasks")) {
                if (t.get("code").asString().equals("M2026-11")) {
                    task = t.get("id").asLong();
                    assertThat(t.get("state").asString()).isEqualTo("PRE_CHECKING");
                }
            }
            JsonNode patches = get(base, "/ogc/collections/patches/items?limit=10000&filter=task_id%3D" + task);
            assertThat(patches.get("features").size()).isPositive();
            JsonNode history = get(base, "/ogc/collections/patch_history/items?limit=10000&filter="
                    + java.net.URLEncoder.encode("action = 'CREATE' AND actor = 'system'", java.nio.charset.StandardCharsets.UTF_8));
            long created = 0;
            java.util.Set<Long> ids = new java.util.HashSet<>();
            patches.get("features").forEach(f -> ids.add(f.get("properties").get("id").asLong()));
            for (JsonNode entry : history.get("features")) {
                created += ids.contains(entry.get("properties").get("patch_id").asLong()) ? 1 : 0;
            }
            assertThat(created).as("each patch created once").isEqualTo(ids.size());
        } finally {
            second.kill();
        }
    }

    private static JsonNode get(String base, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic("admin"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String base, String path, Map<String, String> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic("analyst"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
