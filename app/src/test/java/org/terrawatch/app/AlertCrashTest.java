package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.store.StoreSettings;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing lost, nothing twice: 1,000 alerts posted by 16 clients at once while the server (a separate JVM) is killed
 * with SIGKILL midway. After a restart every alert that got a 2xx is there with its snapshot; the platform then retries
 * every alert that got no answer, and each of the 1,000 is there exactly once. Every alert's notification (a webhook)
 * is delivered at least once, across the kill, each with its idempotency key; repeats are counted and reported. On the
 * embedded store and on PostGIS.
 */
class AlertCrashTest {

    private static final int ALERTS = 1000;
    private static final int CLIENTS = 16;
    private static final String PLATFORM = "Bearer tw_tietacam_demo-camera-platform-2026";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void everyAcknowledgedAlertSurvivesAKillAndRetriesMakeNoDuplicates(StoreType type) throws Exception {
        Path data = RunningServer.dataDirectoryFromRepository(Files.createTempDirectory("terrawatch-alert-crash-"));
        // The command centre's system hears of every alert: a webhook, each delivery with its idempotency key.
        Map<String, List<String>> deliveries = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            deliveries.computeIfAbsent(exchange.getRequestHeaders().getFirst("Idempotency-Key"), key -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(body.at("/alert/externalId").asString());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        String n = "--terrawatch.notifications.";
        List<String> arguments = new ArrayList<>(List.of("--terrawatch.intake.per-second=100000", "--terrawatch.intake.burst=100000",
                n + "channels.hook.kind=WEBHOOK", n + "channels.hook.url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                n + "rules[0].kinds=ALERT", n + "rules[0].actions=RECEIVE", n + "rules[0].channel=hook"));
        if (type == StoreType.POSTGIS) {
            StoreSettings settings = TestStores.freshDatabase(StoreType.POSTGIS);
            arguments.add("--terrawatch.store.url=" + settings.jdbcUrl());
        }
        int port = ServerProcess.freePort();
        String snapshot = Base64.getEncoder().encodeToString(image());
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        ServerProcess first = ServerProcess.start(data, port, arguments, null);
        String base = first.base();
        String[] camera;
        try {
            first.awaitHealthy();
            camera = camera(base);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger refusals = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ALERTS; i = next.getAndIncrement()) {
                        try {
                            HttpResponse<String> answer = post(base, alert(i, camera, snapshot));
                            if (answer.statusCode() / 100 == 2) {
                                acknowledged.add(i);
                            } else if (refusals.incrementAndGet() == 1) {
                                System.out.println("An alert was refused: " + answer.statusCode() + " " + answer.body());
                            }
                        } catch (java.io.IOException noAnswer) {
                            // the server is gone: this alert got no answer
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < ALERTS * 3 / 10 && refusals.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5); // watching the clients' progress to kill midway; no assertion rests on it
            }
            first.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(refusals.get()).as("alerts refused rather than unanswered").isZero();
        } finally {
            first.kill();
        }
        System.out.printf("%s: %d of %d alerts acknowledged before the kill%n", type, acknowledged.size(), ALERTS);
        assertThat(acknowledged.size()).as("killed midway").isBetween(ALERTS * 3 / 10, ALERTS - 1);

        ServerProcess second = ServerProcess.start(data, port, arguments, null);
        try {
            second.awaitHealthy();
            for (int i : acknowledged) {
                HttpResponse<String> again = post(base, alert(i, camera, snapshot));
                assertThat(again.statusCode()).as("acknowledged alert %d is stored: %s", i, again.body()).isEqualTo(200);
            }
            assertThat(crashAlerts(base)).as("the acknowledged ones, and perhaps a few committed but unanswered")
                    .isBetween((long) acknowledged.size(), (long) ALERTS);
            // The platform retries what got no answer: each is stored once, whether it was before or not.
            for (int i = 0; i < ALERTS; i++) {
                if (!acknowledged.contains(i)) {
                    assertThat(post(base, alert(i, camera, snapshot)).statusCode()).isIn(200, 201);
                }
            }
            assertThat(crashAlerts(base)).isEqualTo(ALERTS);
            JsonNode one = JSON.readTree(post(base, alert(acknowledged.iterator().next(), camera, snapshot)).body());
            HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(base + one.get("snapshot").asString()))
                    .header("Authorization", RunningServer.basic("duty")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.body()).as("the snapshot survived with its alert").isEqualTo(Base64.getDecoder().decode(snapshot));

            // Every stored alert's message reaches the receiver, those the killed server had not sent included.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (told(deliveries).size() < ALERTS && System.nanoTime() < deadline) {
                Thread.sleep(100); // polling the receiver; the assertion below is on what arrived
            }
            assertThat(told(deliveries)).as("every alert told at least once").hasSize(ALERTS);
            long repeats = 0;
            for (Map.Entry<String, List<String>> delivery : deliveries.entrySet()) {
                assertThat(Set.copyOf(delivery.getValue())).as("one key, one alert: %s", delivery.getKey()).hasSize(1);
                repeats += delivery.getValue().size() - 1;
            }
            assertThat(deliveries).as("one key per alert").hasSize(ALERTS);
            System.out.printf("%s: %d notifications delivered for %d alerts; %d repeats (at least once, the receiver drops them by key)%n", type,
                    deliveries.values().stream().mapToInt(List::size).sum(), ALERTS, repeats);
        } finally {
            second.kill();
            receiver.stop(0);
        }
    }

    /** The alerts the receiver heard of. */
    private static Set<String> told(Map<String, List<String>> deliveries) {
        Set<String> alerts = new java.util.HashSet<>();
        deliveries.values().forEach(alerts::addAll);
        return alerts;
    }

    private static long crashAlerts(String base) throws Exception {
        HttpResponse<String> hits = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=terrawatch:alerts&RESULTTYPE=hits&OUTPUTFORMAT=application/json&CQL_FILTER="
                + URLEncoder.encode("external_id LIKE 'CRASH-%'", StandardCharsets.UTF_8)))
                .header("Authorization", RunningServer.basic(RunningServer.READER)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(hits.body()).get("numberMatched").asLong();
    }

    private static String[] camera(String base) throws Exception {
        JsonNode first = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=terrawatch:cameras&COUNT=1&OUTPUTFORMAT=application/json")).header("Authorization", RunningServer.basic("duty")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/features/0");
        return new String[] {first.at("/properties/code").asString(), Double.toString(first.at("/geometry/coordinates/0").asDouble()),
                Double.toString(first.at("/geometry/coordinates/1").asDouble())};
    }

    private static String alert(int i, String[] camera, String snapshot) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("externalId", "CRASH-" + i);
        alert.put("camera", camera[0]);
        alert.put("type", i % 2 == 0 ? "EXCAVATOR" : "FIRE_SMOKE");
        alert.put("time", "2026-11-28T10:00:00+08:00");
        alert.put("longitude", Double.parseDouble(camera[1]) + (i % 40) * 0.0001);
        alert.put("latitude", Double.parseDouble(camera[2]));
        alert.put("snapshot", snapshot);
        return alert.toString();
    }

    private static HttpResponse<String> post(String base, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", PLATFORM)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A snapshot of about 100 KB: noise does not compress. */
    private static byte[] image() throws Exception {
        BufferedImage image = new BufferedImage(180, 180, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 180; x++) {
                image.setRGB(x, y, new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
