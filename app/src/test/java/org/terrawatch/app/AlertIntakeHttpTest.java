package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.app.duty.WorkOrderWatch;
import org.terrawatch.monitoring.workorder.Escalation;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alerts in from the video AI platform over HTTP: with the platform's API key, as JSON or a multipart form, stored with
 * their snapshot before the 2xx, the same push again the same alert, the same id with other content a conflict, every
 * bad field a 400 naming it with nothing stored, too fast a 429, and all of it still there after a restart.
 */
class AlertIntakeHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLATFORM = "Bearer tw_tietacam_demo-camera-platform-2026";
    private static final String CHINA_MOBILE = "Bearer tw_yidong_demo-hongsipu-platform-2026";
    private static final long SNAPSHOT_LIMIT = 200 * 1024;

    @TempDir
    static Path folder;
    static RunningServer server;
    static String camera;
    static double[] place;
    static byte[] snapshot;
    /** The camera platform's picture server, on the intake's snapshot-hosts. */
    static HttpServer pictures;

    @BeforeAll
    static void start() throws Exception {
        pictures = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pictures.createContext("/pictures/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith("/snap.png") ? snapshot : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        pictures.start();
        server = start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
        JsonNode first = server.getJson("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:cameras&COUNT=1"
                + "&OUTPUTFORMAT=application/json").at("/features/0");
        camera = first.at("/properties/code").asString();
        // A little way from the camera, as the AI places what it saw.
        place = new double[] {first.at("/geometry/coordinates/0").asDouble() + 0.002, first.at("/geometry/coordinates/1").asDouble() + 0.001};
        snapshot = image(320, 240);
    }

    private static RunningServer start(Path data) {
        return RunningServer.start(data, "--terrawatch.intake.snapshot-max-size=" + SNAPSHOT_LIMIT + "B", "--terrawatch.intake.per-second=1",
                "--terrawatch.intake.burst=40", "--terrawatch.intake.snapshot-hosts=127.0.0.1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (pictures != null) {
            pictures.stop(0);
        }
    }

    @Test
    void aPlatformWithItsOwnShapeIsReadThroughItsFieldMapping() throws Exception {
        // China Mobile's platform (the demo's second key): its field names, local time without an offset, scores of 0 to 100.
        ObjectNode own = JSON.createObjectNode();
        own.put("alarmId", "YD-20261120-0001");
        own.putObject("device").put("code", camera);
        own.put("alarmType", "挖掘机");
        own.put("alarmTime", "2026-11-20 10:15:30");
        own.putObject("location").put("lng", place[0]).put("lat", place[1]);
        own.put("score", 92);
        own.put("picture", Base64.getEncoder().encodeToString(snapshot));
        HttpResponse<String> created = post(own, CHINA_MOBILE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode stored = JSON.readTree(created.body());
        assertThat(stored.get("externalId").asString()).isEqualTo("YD-20261120-0001");
        assertThat(stored.get("camera").asString()).isEqualTo(camera);
        assertThat(stored.get("type").asString()).isEqualTo("EXCAVATOR");
        assertThat(stored.get("time").asString()).as("10:15:30 in China").isEqualTo("2026-11-20T02:15:30Z");
        assertThat(stored.get("confidence").asDouble()).isEqualTo(0.92);
        assertThat(stored.get("longitude").asDouble()).isEqualTo(place[0]);
        assertThat(post(own, CHINA_MOBILE).statusCode()).as("the same push again").isEqualTo(200);

        long before = stored();
        HttpResponse<String> badTime = post(own.deepCopy().put("alarmId", "YD-bad-time").put("alarmTime", "20/11/2026 10:15"), CHINA_MOBILE);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTime.body()).get("field").asString()).isEqualTo("time");
        assertThat(JSON.readTree(badTime.body()).get("detail").asString()).contains("/alarmTime").contains("yyyy-MM-dd HH:mm:ss");
        HttpResponse<String> missing = post((ObjectNode) own.deepCopy().put("alarmId", "YD-no-place").without("location"), CHINA_MOBILE);
        assertThat(JSON.readTree(missing.body()).get("field").asString()).isEqualTo("longitude");
        // Our own shape from this platform is not its shape: the fields are not where its mapping says.
        assertThat(JSON.readTree(post(alert("YD-ours", "EXCAVATOR"), CHINA_MOBILE).body()).get("field").asString()).isEqualTo("externalId");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aSnapshotGivenAsALinkIsFetchedFromAnAllowedHostOnly() throws Exception {
        String link = "http://127.0.0.1:" + pictures.getAddress().getPort() + "/pictures/";
        HttpResponse<String> created = post(alert("TT-linked", "DUST").put("snapshot", link + "snap.png"), PLATFORM);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(bytes(JSON.readTree(created.body()).get("snapshot").asString(), "duty")).isEqualTo(snapshot);

        long before = stored();
        HttpResponse<String> gone = post(alert("TT-linked-gone", "DUST").put("snapshot", link + "gone.png"), PLATFORM);
        assertThat(gone.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(gone.body()).get("field").asString()).isEqualTo("snapshot");
        // Another loopback address is not the listed one: never fetched.
        HttpResponse<String> elsewhere = post(alert("TT-linked-elsewhere", "DUST").put("snapshot", link.replace("127.0.0.1", "127.0.0.2")
                + "snap.png"), PLATFORM);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(elsewhere.body()).get("detail").asString()).contains("does not fetch from that address");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAlertIsStoredWithItsSnapshotOnceHoweverOftenItIsPushed() throws Exception {
        ObjectNode alert = alert("TT-20261120-0001", "EXCAVATOR");
        HttpResponse<String> created = post(alert, PLATFORM);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode stored = JSON.readTree(created.body());
        assertThat(stored.get("camera").asString()).isEqualTo(camera);
        assertThat(stored.get("type").asString()).isEqualTo("EXCAVATOR");
        assertThat(stored.get("screening").asString()).isEqualTo("PENDING");
        assertThat(stored.get("township").asString()).hasSize(9);
        assertThat(stored.get("time").asString()).isEqualTo("2026-11-20T02:15:30Z");

        HttpResponse<String> again = post(alert, PLATFORM);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(stored.get("id").asLong());
        HttpResponse<String> other = post(alert.deepCopy().put("confidence", 0.5), PLATFORM);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("field").asString()).isEqualTo("externalId");

        String path = location.substring(location.indexOf("/api/"));
        JsonNode read = JSON.readTree(server.exchange("GET", path, null, "Authorization", RunningServer.basic("duty")).body());
        assertThat(read.get("externalId").asString()).isEqualTo("TT-20261120-0001");
        assertThat(bytes(read.get("snapshot").asString(), "duty")).isEqualTo(snapshot);
        assertThat(server.exchange("GET", path, null).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void aMultipartFormWithThePlatformsOwnTypeNameIsAnAlertToo() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("externalId", "TT-20261120-0002");
        fields.put("camera", camera);
        fields.put("type", "挖掘机");
        fields.put("time", "2026-11-20T11:00:00+08:00");
        fields.put("longitude", Double.toString(place[0]));
        fields.put("latitude", Double.toString(place[1]));
        fields.put("crs", "WGS84");
        MultipartForm form = MultipartForm.of(fields, "snapshot", "snap.png", "image/png", snapshot);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/alerts")))
                .header("Content-Type", form.contentType()).header("Authorization", PLATFORM)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("type").asString()).isEqualTo("EXCAVATOR");
    }

    @Test
    void everyBadFieldIsA400NamingItAndNothingIsStored() throws Exception {
        long before = stored();
        Map<String, ObjectNode> bad = new LinkedHashMap<>();
        bad.put("externalId", (ObjectNode) alert("x", "EXCAVATOR").without("externalId"));
        bad.put("camera", alert("TT-bad-camera", "EXCAVATOR").put("camera", "NO-SUCH-CAMERA"));
        bad.put("type", alert("TT-bad-type", "UFO"));
        bad.put("time", alert("TT-bad-time", "EXCAVATOR").put("time", "yesterday"));
        bad.put("longitude", alert("TT-bad-longitude", "EXCAVATOR").put("longitude", "east"));
        bad.put("latitude", alert("TT-bad-latitude", "EXCAVATOR").put("latitude", 1e300));
        bad.put("confidence", alert("TT-bad-confidence", "EXCAVATOR").put("confidence", 1.5));
        bad.put("crs", alert("TT-bad-crs", "EXCAVATOR").put("crs", "EPSG:3857"));
        bad.put("snapshot", alert("TT-bad-snapshot", "EXCAVATOR").put("snapshot", Base64.getEncoder().encodeToString("not an image".getBytes())));
        bad.put("clip", alert("TT-bad-clip", "EXCAVATOR").put("clip", "file:///etc/passwd"));
        for (Map.Entry<String, ObjectNode> entry : bad.entrySet()) {
            HttpResponse<String> answer = post(entry.getValue(), PLATFORM);
            assertThat(answer.statusCode()).as(entry.getKey() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).get("field").asString()).as(answer.body()).isEqualTo(entry.getKey());
        }
        // Outside the jurisdiction (Beijing), a snapshot over the limit, a body that is not JSON.
        HttpResponse<String> far = post(alert("TT-far", "EXCAVATOR").put("longitude", 116.39).put("latitude", 39.9), PLATFORM);
        assertThat(JSON.readTree(far.body()).get("field").asString()).isEqualTo("longitude");
        HttpResponse<String> huge = post(alert("TT-huge", "EXCAVATOR").put("snapshot", Base64.getEncoder().encodeToString(hugePng())), PLATFORM);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(huge.body()).get("detail").asString()).contains("at most " + SNAPSHOT_LIMIT);
        HttpResponse<String> garbage = server.exchange("POST", "/api/alerts", "{\"externalId\":", "Content-Type", "application/json",
                "Authorization", PLATFORM);
        assertThat(JSON.readTree(garbage.body()).get("field").asString()).isEqualTo("body");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoMayRaiseAlertsSendThemAndNotTooFast() throws Exception {
        ObjectNode alert = alert("TT-who", "FIRE_SMOKE");
        assertThat(post(alert, null).statusCode()).isEqualTo(401);
        HttpResponse<String> handler = post(alert, RunningServer.basic("gengdi"));
        assertThat(handler.statusCode()).isEqualTo(403);
        assertThat(post(alert, "Bearer tw_tietacam_wrong-secret").statusCode()).isEqualTo(401);

        // The administrator's credential has its own bucket: 40 at once, then one a second.
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 45; i++) {
            HttpResponse<String> answer = server.exchange("POST", "/api/alerts", "{}", "Content-Type", "application/json",
                    "Authorization", RunningServer.basic("admin"));
            statuses.add(answer.statusCode());
            retryAfter = answer.headers().firstValue("Retry-After").orElse(retryAfter);
        }
        assertThat(statuses.subList(0, 40)).containsOnly(400);
        assertThat(statuses).contains(429);
        assertThat(retryAfter).isNotNull();
        assertThat(post(alert("TT-after-the-flood", "FIRE_SMOKE"), PLATFORM).statusCode()).as("the platform keeps its pace").isEqualTo(201);
    }

    @Test
    void aNewAlertIsOnTheDutyStreamWithinASecondAndInTheQueueByPriority() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> stream = client.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/api/duty/events")))
                .header("Authorization", RunningServer.basic("duty")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
                    new Thread(() -> response.body().forEach(lines::add), "duty-stream-reader").start();
                    return null;
                });
        try {
            assertThat(awaitLine(lines, "event:hello", 10_000)).as("the stream opened").isNotNull();
            ObjectNode fire = alert("TT-live-1", "烟火").put("time", "2026-11-21T09:00:00+08:00");
            HttpResponse<String> created = post(fire, PLATFORM);
            long acknowledged = System.nanoTime();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String seen = awaitLine(lines, "TT-live-1", 5_000);
            assertThat(seen).as("the alert on the stream").isNotNull();
            assertThat((System.nanoTime() - acknowledged) / 1_000_000).as("ms after the 2xx").isLessThan(1000);

            // The same camera and type again, 5 minutes later and 50 m away: the same incident, screened once.
            HttpResponse<String> repeated = post(alert("TT-live-2", "FIRE_SMOKE").put("time", "2026-11-21T09:05:00+08:00")
                    .put("longitude", place[0] + 0.0005), PLATFORM);
            assertThat(repeated.statusCode()).isEqualTo(201);
            JsonNode queue = JSON.readTree(server.exchange("GET", "/api/duty/queue", null, "Authorization", RunningServer.basic("duty")).body());
            List<Integer> priorities = new ArrayList<>();
            queue.forEach(item -> priorities.add(item.get("priority").asInt()));
            assertThat(priorities).isSorted();
            JsonNode ours = null;
            for (JsonNode item : queue) {
                if (item.at("/latest/externalId").asString().equals("TT-live-2")) {
                    ours = item;
                }
            }
            assertThat(ours).as("the incident in the queue").isNotNull();
            assertThat(ours.get("priority").asInt()).as("fire comes first").isEqualTo(1);
            assertThat(ours.get("alerts").asInt()).isEqualTo(2);
            assertThat(ours.get("camera").asString()).isEqualTo(camera);
            assertThat(ours.at("/latest/facts/township").asString()).isNotEmpty();
            assertThat(ours.at("/latest/facts").has("in_mining_licence")).isTrue();

            assertThat(server.exchange("GET", "/api/duty/queue", null).statusCode()).isEqualTo(401);
            assertThat(server.exchange("GET", "/api/duty/queue", null, "Authorization", RunningServer.basic("gengdi")).statusCode()).isEqualTo(403);
            assertThat(server.exchange("GET", "/api/duty/queue?limit=0", null, "Authorization", RunningServer.basic("duty")).statusCode())
                    .isEqualTo(400);
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void theDutyOfficerScreensAnIncidentOnceThroughTheAlertWorkflowOnEveryInterface() throws Exception {
        ObjectNode first = alert("TT-screen-1", "DUMPING").put("time", "2026-11-22T14:00:00+08:00");
        long alertId = JSON.readTree(post(first, PLATFORM).body()).get("id").asLong();
        post(alert("TT-screen-2", "DUMPING").put("time", "2026-11-22T14:10:00+08:00"), PLATFORM);
        long incident = -1;
        for (JsonNode item : JSON.readTree(server.exchange("GET", "/api/duty/queue", null, "Authorization", RunningServer.basic("duty")).body())) {
            if (item.at("/latest/externalId").asString().equals("TT-screen-2")) {
                incident = item.get("incident").asLong();
                assertThat(item.get("alerts").asInt()).isEqualTo(2);
            }
        }
        assertThat(incident).isPositive();
        String screening = "/api/duty/incidents/" + incident + "/screening";
        HttpResponse<String> unreasoned = server.exchange("POST", screening, "{\"screening\":\"FALSE_ALARM\",\"note\":\"看着不像\"}",
                "Content-Type", "application/json", "Authorization", RunningServer.basic("duty"));
        assertThat(unreasoned.statusCode()).as(unreasoned.body()).isEqualTo(422);
        assertThat(unreasoned.body()).contains("false-alarm reasons");
        assertThat(server.exchange("POST", screening, "{\"screening\":\"FALSE_ALARM\",\"note\":\"云影\"}", "Content-Type", "application/json",
                "Authorization", RunningServer.basic("gengdi")).statusCode()).isEqualTo(403);
        HttpResponse<String> screened = server.exchange("POST", screening, "{\"screening\":\"FALSE_ALARM\",\"note\":\"云影：树影晃动\"}",
                "Content-Type", "application/json", "Authorization", RunningServer.basic("duty"));
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(200);
        assertThat(JSON.readTree(screened.body()).get("screening").asString()).isEqualTo("FALSE_ALARM");
        assertThat(server.exchange("GET", "/api/duty/queue", null, "Authorization", RunningServer.basic("duty")).body())
                .doesNotContain("TT-screen-2");
        JsonNode alert = JSON.readTree(server.exchange("GET", "/api/alerts/" + alertId, null, "Authorization", RunningServer.basic("duty")).body());
        assertThat(alert.get("screening").asString()).isEqualTo("FALSE_ALARM");
        long audited = server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE entity_kind = 'ALERT' "
                + "AND action = 'false-alarm' AND actor = 'duty' AND interface = 'REST'").query(Long.class).single();
        assertThat(audited).isEqualTo(2);

        // The same workflow through WFS-T: reopened by the duty officer, refused to a department's handler.
        String reopen = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Update typeName=\"terrawatch:alerts\"><wfs:Property><wfs:ValueReference>"
                + "screening</wfs:ValueReference><wfs:Value>PENDING</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"alerts." + alertId
                + "\"/></fes:Filter></wfs:Update></wfs:Transaction>";
        assertThat(server.exchange("POST", "/wfs", reopen, "Content-Type", "application/xml", "Authorization", RunningServer.basic("gengdi"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> reopened = server.exchange("POST", "/wfs", reopen, "Content-Type", "application/xml", "Authorization",
                RunningServer.basic("duty"));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(JSON.readTree(server.exchange("GET", "/api/alerts/" + alertId, null, "Authorization", RunningServer.basic("duty")).body())
                .get("screening").asString()).isEqualTo("PENDING");
    }

    @Test
    void aConfirmedIncidentIsDispatchedByTheRoutingRulesWithTheDeadlineOfItsKind() throws Exception {
        long digging = incidentOf(alert("TT-dispatch-1", "EXCAVATOR").put("time", "2026-11-24T08:00:00+08:00"), "TT-dispatch-1");
        String base = "/api/duty/incidents/" + digging;
        HttpResponse<String> early = desk("POST", base + "/dispatch", "{}");
        assertThat(early.statusCode()).as("not yet confirmed").isEqualTo(422);
        assertThat(desk("POST", base + "/screening", "{\"screening\":\"CONFIRMED\",\"note\":\"视频复核确认\"}").statusCode()).isEqualTo(200);
        JsonNode proposal = JSON.readTree(desk("GET", base + "/dispatch", null).body());
        assertThat(proposal.get("workingGroup").asString()).isEqualTo("ziranziyuan");
        assertThat(proposal.get("department").asString()).isEqualTo("kuangchan");
        assertThat(proposal.get("description").asString()).contains("矿产资源保护", "TT-dispatch-1");
        java.time.Instant deadline = java.time.Instant.parse(proposal.get("deadline").asString());
        assertThat(deadline).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));

        HttpResponse<String> dispatched = desk("POST", base + "/dispatch", "{\"department\":\"zhifa\"}");
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(201);
        JsonNode order = JSON.readTree(dispatched.body());
        assertThat(order.get("department").asString()).as("the desk's change").isEqualTo("zhifa");
        assertThat(order.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(order.get("code").asString()).startsWith("GD");
        JsonNode stored = JSON.readTree(desk("GET", "/api/work-orders/" + order.get("id").asLong(), null).body());
        assertThat(stored.get("workingGroupCode").asString()).isEqualTo("ziranziyuan");
        assertThat(desk("POST", base + "/dispatch", "{}").statusCode()).as("dispatched once").isEqualTo(409);
        assertThat(server.exchange("POST", base + "/dispatch", "{}", "Content-Type", "application/json", "Authorization",
                RunningServer.basic("gengdi")).statusCode()).isEqualTo(403);
        long audited = server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE entity_kind = 'WORK_ORDER' "
                + "AND action = 'dispatch' AND entity_id = :id").param("id", order.get("id").asLong()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        // A geological hazard: on site within the hour, whatever the calendar says.
        long slide = incidentOf(alert("TT-dispatch-2", "滑坡").put("time", "2026-11-24T09:00:00+08:00"), "TT-dispatch-2");
        desk("POST", "/api/duty/incidents/" + slide + "/screening", "{\"screening\":\"CONFIRMED\"}");
        java.time.Instant due = java.time.Instant.parse(JSON.readTree(desk("GET", "/api/duty/incidents/" + slide + "/dispatch", null).body())
                .get("deadline").asString());
        assertThat(java.time.Duration.between(java.time.Instant.now(), due)).isBetween(java.time.Duration.ofMinutes(55),
                java.time.Duration.ofMinutes(61));
    }

    @Test
    void anOrderPastItsDeadlineIsOverdueOnceInTheDesksListAndTheLayer() throws Exception {
        long incident = incidentOf(alert("TT-late-1", "倾倒垃圾").put("time", "2026-11-26T08:00:00+08:00"), "TT-late-1");
        desk("POST", "/api/duty/incidents/" + incident + "/screening", "{\"screening\":\"CONFIRMED\"}");
        long order = JSON.readTree(desk("POST", "/api/duty/incidents/" + incident + "/dispatch", "{}").body()).get("id").asLong();
        SpatialStore store = server.bean(SpatialStore.class);
        WorkOrderWatch watch = server.bean(WorkOrderWatch.class);
        watch.check(); // whatever else of the demo is due now
        // Most of its time used: due soon, once.
        store.jdbc().sql("UPDATE work_order SET created_at = :created, deadline = :deadline WHERE id = :id")
                .param("created", java.time.OffsetDateTime.now().minusDays(9)).param("deadline", java.time.OffsetDateTime.now().plusDays(1))
                .param("id", order).update();
        assertThat(watch.check()).extracting(Escalation.Found::orderId, Escalation.Found::overdue).containsExactly(org.assertj.core.groups.Tuple.tuple(order, false));
        assertThat(watch.check()).isEmpty();
        // Past its deadline: overdue, once.
        store.jdbc().sql("UPDATE work_order SET deadline = :deadline WHERE id = :id").param("deadline", java.time.OffsetDateTime.now().minusHours(1))
                .param("id", order).update();
        assertThat(watch.check()).extracting(Escalation.Found::orderId, Escalation.Found::overdue).containsExactly(org.assertj.core.groups.Tuple.tuple(order, true));
        assertThat(watch.check()).isEmpty();
        long audited = store.jdbc().sql("SELECT COUNT(*) FROM work_order WHERE id = :id AND overdue_at IS NOT NULL AND due_soon_at IS NOT NULL")
                .param("id", order).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
        JsonNode listed = null;
        for (JsonNode item : JSON.readTree(desk("GET", "/api/duty/orders", null).body())) {
            if (item.get("id").asLong() == order) {
                listed = item;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("overdue").asBoolean()).isTrue();
        JsonNode layer = server.getJson("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:work_orders&OUTPUTFORMAT=application/json"
                + "&RESOURCEID=work_orders." + order);
        assertThat(layer.at("/features/0/properties/overdue").asBoolean()).isTrue();
    }

    @Test
    void aDutyOfficerRaisesAManualAlertThatIsQueuedLikeThePlatforms() throws Exception {
        ObjectNode manual = JSON.createObjectNode().put("camera", camera).put("type", "GRAZING").put("longitude", place[0]).put("latitude", place[1])
                .put("time", "2026-11-27T07:30:00+08:00").put("note", "人工值守发现违规放牧");
        HttpResponse<String> raised = desk("POST", "/api/duty/alerts", manual.toString());
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String externalId = JSON.readTree(raised.body()).get("externalId").asString();
        assertThat(externalId).startsWith("MANUAL-duty-");
        boolean queued = false;
        for (JsonNode item : JSON.readTree(desk("GET", "/api/duty/queue?limit=500", null).body())) {
            queued |= item.at("/latest/externalId").asString().equals(externalId);
        }
        assertThat(queued).isTrue();
        assertThat(JSON.readTree(desk("POST", "/api/duty/alerts", manual.deepCopy().put("type", "UFO").toString()).body()).get("field").asString())
                .isEqualTo("type");
        assertThat(JSON.readTree(desk("POST", "/api/duty/alerts", manual.deepCopy().put("camera", "NO-SUCH").toString()).body()).get("field").asString())
                .isEqualTo("camera");
        assertThat(server.exchange("POST", "/api/duty/alerts", manual.toString(), "Content-Type", "application/json", "Authorization",
                RunningServer.basic("field")).statusCode()).isEqualTo(403);
    }

    @Test
    void theLoopClosesFromAlertToFieldReportWithAPhotoToTheDesksSignOff() throws Exception {
        long incident = incidentOf(alert("TT-loop-1", "耕地破坏").put("time", "2026-11-29T08:00:00+08:00"), "TT-loop-1");
        desk("POST", "/api/duty/incidents/" + incident + "/screening", "{\"screening\":\"CONFIRMED\"}");
        JsonNode order = JSON.readTree(desk("POST", "/api/duty/incidents/" + incident + "/dispatch", "{\"department\":\"zhifa\"}").body());
        String path = "/api/work-orders/" + order.get("id").asLong();
        String field = RunningServer.basic("field");
        // The duty officer tells the leader in charge at once (city rules art. 13), on the record.
        assertThat(desk("POST", path + "/calls", "{\"to\":\"分管局领导\",\"note\":\"已电话报告，要求当日核实\"}").statusCode()).isEqualTo(201);
        assertThat(server.exchange("POST", path + "/calls", "{\"to\":\"分管局领导\"}", "Content-Type", "application/json", "Authorization", field)
                .statusCode()).isEqualTo(403);
        // What the UI offers as buttons: the field officer may sign for it, the desk has nothing to do yet.
        assertThat(JSON.readTree(server.exchange("GET", path, null, "Authorization", field).body()).get("next").findValuesAsString("transition"))
                .containsExactly("accept");
        assertThat(JSON.readTree(desk("GET", path, null).body()).get("next")).isEmpty();
        assertThat(server.exchange("PATCH", path, "{\"state\":\"ACCEPTED\"}", "Content-Type", "application/json", "Authorization", field)
                .statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(desk("GET", path, null).body()).get("acceptedAt").asString()).as("when it was signed for").isNotEmpty();

        // The field officer reports from the site: a text, the place, and a photo.
        byte[] photo = image(200, 150);
        MultipartForm form = MultipartForm.of(new java.util.TreeMap<>(Map.of("body", "现场已停工，责令恢复原状", "outcome", "STOPPED",
                "longitude", Double.toString(place[0]), "latitude", Double.toString(place[1]))), "photo", "site.png", "image/png", photo);
        HttpRequest sending = HttpRequest.newBuilder(URI.create(server.url(path + "/feedback")))
                .header("Content-Type", form.contentType()).header("Authorization", field)
                .header("Idempotency-Key", "phone-report-0001").POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build();
        HttpResponse<String> reported = HttpClient.newHttpClient().send(sending, HttpResponse.BodyHandlers.ofString());
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(reported.body());
        // The phone lost the answer and sends it again: the same report, nothing added.
        HttpResponse<String> again = HttpClient.newHttpClient().send(sending, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(report.get("id").asLong());
        assertThat(JSON.readTree(again.body()).get("photos")).hasSize(1);
        assertThat(JSON.readTree(desk("GET", path + "/feedback", null).body())).hasSize(1);
        assertThat(report.get("longitude").asDouble()).isEqualTo(place[0]);
        assertThat(report.get("photos")).hasSize(1);
        assertThat(bytes(report.get("photos").get(0).asString(), "duty")).isEqualTo(photo);
        assertThat(JSON.readTree(desk("GET", path + "/feedback", null).body()).get(0).get("outcome").asString()).isEqualTo("STOPPED");

        assertThat(server.exchange("PATCH", path, "{\"state\":\"FEEDBACK_SUBMITTED\"}", "Content-Type", "application/json", "Authorization", field)
                .statusCode()).isEqualTo(200);
        assertThat(desk("PATCH", path, "{\"state\":\"CLOSED\"}").statusCode()).isEqualTo(200);
        JsonNode history = JSON.readTree(desk("GET", path + "/history", null).body());
        assertThat(history.findValuesAsString("action")).containsExactly("dispatch", "CALL", "accept", "FEEDBACK", "report", "close");
        assertThat(history.findValuesAsString("actor")).containsExactly("duty", "duty", "field", "field", "field", "duty");

        // The printed alert work-order form (the plan's annex 2), as a reader sees it: PDF read by poppler, DOCX by POI.
        String code = JSON.readTree(desk("GET", path, null).body()).get("code").asString();
        HttpResponse<byte[]> pdf = print(path + "/form", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(code + ".pdf");
        String text = Poppler.text(pdf.body(), folder.resolve("poppler"));
        assertThat(text).contains("预警信息处置办理工单").contains(code).contains("TT-loop-1").contains("耕地破坏").contains("综合行政执法队")
                .contains("现场已停工，责令恢复原状").contains("分管局领导").contains("已电话报告").contains("签收").contains("办结")
                .contains("位于永久基本农田").contains("承办单位签收").contains("指挥中心负责人").doesNotContain("位置图无法绘制");
        assertThat(Poppler.images(pdf.body(), folder.resolve("poppler"))).as("the snapshot, the map and the site photo").hasSize(3);
        HttpResponse<byte[]> word = print(path + "/form?f=docx", null);
        assertThat(word.statusCode()).isEqualTo(200);
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(word.body()));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("预警信息处置办理工单").contains(code).contains("现场已停工，责令恢复原状").contains("值班员审核意见");
            assertThat(document.getAllPictures()).hasSize(3);
        }
        assertThat(server.exchange("GET", path + "/form?f=xls", null, "Authorization", RunningServer.basic("duty")).statusCode()).isEqualTo(406);
        assertThat(server.exchange("GET", path + "/form", null).statusCode()).isEqualTo(401);
        assertThat(server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM export_record WHERE layer = :form")
                .param("form", "work_order_form:" + order.get("id").asLong()).query(Long.class).single()).as("every print recorded").isEqualTo(2);
    }

    private static HttpResponse<byte[]> print(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", RunningServer.basic("duty"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long incidentOf(ObjectNode alert, String externalId) throws Exception {
        assertThat(post(alert, PLATFORM).statusCode()).isEqualTo(201);
        for (JsonNode item : JSON.readTree(desk("GET", "/api/duty/queue?limit=500", null).body())) {
            if (item.at("/latest/externalId").asString().equals(externalId)) {
                return item.get("incident").asLong();
            }
        }
        throw new AssertionError("no incident of " + externalId + " in the queue");
    }

    private static HttpResponse<String> desk(String method, String path, String body) throws Exception {
        return body == null ? server.exchange(method, path, null, "Authorization", RunningServer.basic("duty"))
                : server.exchange(method, path, body, "Content-Type", "application/json", "Authorization", RunningServer.basic("duty"));
    }

    /** The first line containing the text within the time, or null. */
    private static String awaitLine(BlockingQueue<String> lines, String text, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (String line; (line = lines.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) != null; ) {
            if (line.contains(text)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void anAcknowledgedAlertIsThereAfterARestart() throws Exception {
        HttpResponse<String> created = post(alert("TT-restart", "LANDSLIDE"), PLATFORM);
        assertThat(created.statusCode()).isEqualTo(201);
        String path = created.headers().firstValue("Location").orElseThrow().replaceAll(".*(/api/alerts/.*)", "$1");
        server.close();
        server = start(folder.resolve("data"));
        HttpResponse<String> read = server.exchange("GET", path, null, "Authorization", RunningServer.basic("duty"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("type").asString()).isEqualTo("LANDSLIDE");
        assertThat(bytes(JSON.readTree(read.body()).get("snapshot").asString(), "duty")).isEqualTo(snapshot);
        assertThat(post(alert("TT-restart", "LANDSLIDE"), PLATFORM).statusCode()).as("still the same alert").isEqualTo(200);
    }

    private static ObjectNode alert(String externalId, String type) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("externalId", externalId);
        alert.put("camera", camera);
        alert.put("type", type);
        alert.put("time", "2026-11-20T10:15:30+08:00");
        alert.put("longitude", place[0]);
        alert.put("latitude", place[1]);
        alert.put("confidence", 0.91);
        alert.put("snapshot", Base64.getEncoder().encodeToString(snapshot));
        return alert;
    }

    private static HttpResponse<String> post(JsonNode alert, String authorization) throws Exception {
        return authorization == null ? server.exchange("POST", "/api/alerts", alert.toString(), "Content-Type", "application/json")
                : server.exchange("POST", "/api/alerts", alert.toString(), "Content-Type", "application/json", "Authorization", authorization);
    }

    private static long stored() {
        return server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM alert").query(Long.class).single()
                + server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM attachment").query(Long.class).single();
    }

    private static byte[] bytes(String path, String user) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", RunningServer.basic(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static byte[] image(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(90, 120, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillRect(width / 3, height / 3, width / 4, height / 5); // the excavator
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG larger than the limit: noise does not compress. */
    private static byte[] hugePng() throws Exception {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
