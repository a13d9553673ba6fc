package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.app.cameras.CameraWatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notifications from real changes to real receivers: a webhook and a chat robot and an SMS gateway on loopback, and a
 * GreenMail SMTP server. An alert of a watched type comes in: the webhook gets it signed (after refusing it twice: retried
 * with backoff), the chat robot gets markdown, the SMS gateway its text, the mailbox a mail — each with the message's
 * idempotency key; a channel nobody answers is given up after its attempts, and administrators see every state.
 */
class NotificationsHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLATFORM = "Bearer tw_tietacam_demo-camera-platform-2026";
    private static final String SECRET = "hook-secret-2026";

    @TempDir
    static Path folder;
    static RunningServer server;
    static HttpServer receivers;
    static GreenMail mail;
    static final Map<String, BlockingQueue<Map<String, String>>> RECEIVED = Map.of("/hook", new LinkedBlockingQueue<>(),
            "/chat", new LinkedBlockingQueue<>(), "/sms", new LinkedBlockingQueue<>(), "/desk", new LinkedBlockingQueue<>(),
            "/operator", new LinkedBlockingQueue<>());
    static final AtomicInteger HOOK_CALLS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        receivers = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : RECEIVED.keySet()) {
            receivers.createContext(path, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                // The webhook refuses the first two attempts: the dispatcher must try again.
                int status = path.equals("/hook") && HOOK_CALLS.incrementAndGet() <= 2 ? 503 : 200;
                if (status == 200) {
                    RECEIVED.get(path).add(Map.of("body", body, "key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                            "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-TerraWatch-Signature"))));
                }
                byte[] answer = (path.equals("/chat") ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
        }
        receivers.start();
        int smtp;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            smtp = free.getLocalPort();
        }
        int nobody;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = free.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        String base = "http://127.0.0.1:" + receivers.getAddress().getPort();
        String n = "--terrawatch.notifications.";
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))),
                n + "retry=200ms", n + "max-retry=1s", n + "attempts=3",
                n + "channels.hook.kind=WEBHOOK", n + "channels.hook.url=" + base + "/hook", n + "channels.hook.secret=" + SECRET,
                n + "channels.chat.kind=CHAT", n + "channels.chat.url=" + base + "/chat",
                n + "channels.sms.kind=SMS", n + "channels.sms.url=" + base + "/sms",
                n + "channels.mail.kind=EMAIL", n + "channels.mail.smtp-host=127.0.0.1", n + "channels.mail.smtp-port=" + smtp,
                n + "channels.mail.from=terrawatch@yangquan.example",
                n + "channels.dead.kind=WEBHOOK", n + "channels.dead.url=http://127.0.0.1:" + nobody + "/nobody",
                n + "rules[0].kinds=ALERT", n + "rules[0].actions=RECEIVE", n + "rules[0].alert-types=FIRE_SMOKE,EXCAVATOR", n + "rules[0].channel=hook",
                n + "rules[1].kinds=ALERT", n + "rules[1].max-priority=1", n + "rules[1].channel=chat",
                n + "rules[2].kinds=ALERT", n + "rules[2].alert-types=FIRE_SMOKE", n + "rules[2].channel=sms", n + "rules[2].recipients=13800000000",
                // The grid staff of the township the demo's first camera stands in (苌池镇), and of another.
                n + "rules[2].township-recipients.140322105=13900000105", n + "rules[2].township-recipients.140322999=13900000999",
                n + "rules[3].kinds=ALERT", n + "rules[3].alert-types=FIRE_SMOKE", n + "rules[3].channel=mail",
                n + "rules[3].recipients=leader@yangquan.example",
                n + "rules[4].kinds=ALERT", n + "rules[4].alert-types=DUST", n + "rules[4].channel=dead",
                // Every dispatched work order to the command centre's system, and by mail to the group leader.
                n + "channels.desk.kind=WEBHOOK", n + "channels.desk.url=" + base + "/desk",
                n + "rules[5].kinds=WORK_ORDER", n + "rules[5].actions=dispatch", n + "rules[5].channel=desk",
                n + "rules[6].kinds=WORK_ORDER", n + "rules[6].actions=dispatch", n + "rules[6].channel=mail",
                n + "rules[6].recipients=group-leader@yangquan.example",
                // A camera gone silent to the video platform's operator (China Tower in Yangquan).
                n + "channels.operator.kind=WEBHOOK", n + "channels.operator.url=" + base + "/operator",
                n + "rules[7].kinds=CAMERA", n + "rules[7].actions=OFFLINE", n + "rules[7].channel=operator");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receivers != null) {
            receivers.stop(0);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aWatchedAlertIsToldOverEveryChannelAtLeastOnceWithItsKey() throws Exception {
        HttpResponse<String> created = post(alert("NT-fire-1", "FIRE_SMOKE"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Map<String, String> hook = RECEIVED.get("/hook").poll(20, TimeUnit.SECONDS);
        assertThat(hook).as("the webhook, after two refusals").isNotNull();
        assertThat(HOOK_CALLS.get()).isEqualTo(3);
        JsonNode body = JSON.readTree(hook.get("body"));
        assertThat(body.at("/alert/externalId").asString()).isEqualTo("NT-fire-1");
        assertThat(body.at("/alert/priority").asInt()).isEqualTo(1);
        assertThat(body.get("action").asString()).isEqualTo("RECEIVE");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(hook.get("signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(hook.get("body").getBytes(StandardCharsets.UTF_8))));
        assertThat(hook.get("key")).hasSize(64);

        Map<String, String> chat = RECEIVED.get("/chat").poll(20, TimeUnit.SECONDS);
        assertThat(chat).isNotNull();
        assertThat(JSON.readTree(chat.get("body")).at("/markdown/content").asString()).contains("NT-fire-1", "township");
        java.util.Set<String> phones = new java.util.TreeSet<>();
        for (int i = 0; i < 2; i++) {
            Map<String, String> sms = RECEIVED.get("/sms").poll(20, TimeUnit.SECONDS);
            assertThat(sms).isNotNull();
            phones.add(JSON.readTree(sms.get("body")).get("phone").asString());
            assertThat(JSON.readTree(sms.get("body")).get("text").asString()).startsWith("【TerraWatch】[1级]");
        }
        assertThat(phones).as("the leader on duty and the township's grid staff, not another township's")
                .containsExactly("13800000000", "13900000105");
        MimeMessage received = mailTo("leader@yangquan.example");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("leader@yangquan.example");
        assertThat(received.getSubject()).contains("NT-fire-1");
        assertThat(received.getHeader("X-Idempotency-Key")[0]).hasSize(64);

        // A retried push of the same alert changes nothing and tells nobody again.
        assertThat(post(alert("NT-fire-1", "FIRE_SMOKE")).statusCode()).isEqualTo(200);
        JsonNode states = notifications();
        long aboutIt = 0;
        for (JsonNode message : states) {
            if (message.get("subject").asString().contains("NT-fire-1")) {
                aboutIt++;
                assertThat(message.get("state").asString()).isEqualTo("DELIVERED");
                if (message.get("channel").asString().equals("hook")) {
                    assertThat(message.get("attempts").asInt()).isEqualTo(3);
                }
            }
        }
        assertThat(aboutIt).as("hook, chat, mail once each, sms to two").isEqualTo(5);
    }

    @Test
    void aChannelNobodyAnswersIsGivenUpAfterItsAttemptsAndAdministratorsSeeIt() throws Exception {
        assertThat(post(alert("NT-dust-1", "DUST")).statusCode()).isEqualTo(201);
        JsonNode failed = null;
        for (int i = 0; i < 200 && failed == null; i++) {
            for (JsonNode message : notifications()) {
                if (message.get("subject").asString().contains("NT-dust-1") && message.get("state").asString().equals("FAILED")) {
                    failed = message;
                }
            }
            if (failed == null) {
                Thread.sleep(100); // polling the outbox's state, not timing the assertion
            }
        }
        assertThat(failed).as("given up").isNotNull();
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("lastError").asString()).contains("Connect");
        assertThat(server.exchange("GET", "/api/admin/notifications", null, "Authorization", RunningServer.basic("duty")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aDispatchedWorkOrderIsToldToTheCommandCentresSystemAndMailedToTheGroupLeader() throws Exception {
        HttpResponse<String> created = post(alert("NT-dig-1", "EXCAVATOR"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long incident = -1;
        for (JsonNode item : JSON.readTree(server.exchange("GET", "/api/duty/queue", null, "Authorization", RunningServer.basic("duty")).body())) {
            if (item.at("/latest/externalId").asString().equals("NT-dig-1")) {
                incident = item.get("incident").asLong();
            }
        }
        assertThat(incident).isPositive();
        assertThat(server.exchange("POST", "/api/duty/incidents/" + incident + "/screening", "{\"screening\":\"CONFIRMED\"}", "Content-Type",
                "application/json", "Authorization", RunningServer.basic("duty")).statusCode()).isEqualTo(200);
        HttpResponse<String> dispatched = server.exchange("POST", "/api/duty/incidents/" + incident + "/dispatch", "{}", "Content-Type",
                "application/json", "Authorization", RunningServer.basic("duty"));
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(201);
        String code = JSON.readTree(dispatched.body()).get("code").asString();

        Map<String, String> desk = RECEIVED.get("/desk").poll(20, TimeUnit.SECONDS);
        assertThat(desk).as("the command centre's system").isNotNull();
        JsonNode body = JSON.readTree(desk.get("body"));
        assertThat(body.get("action").asString()).isEqualTo("dispatch");
        assertThat(body.at("/workOrder/code").asString()).isEqualTo(code);
        assertThat(body.at("/workOrder/workingGroup").asString()).as("illegal mining goes to the natural-resources group").isEqualTo("ziranziyuan");
        assertThat(desk.get("key")).hasSize(64);
        MimeMessage leader = mailTo("group-leader@yangquan.example");
        assertThat(leader.getSubject()).contains(code);
    }

    @Test
    void aCameraGoneSilentIsToldToTheVideoPlatformsOperator() throws Exception {
        JsonNode near = JSON.readTree(server.exchange("GET", "/api/cameras", null, "Authorization", RunningServer.basic("admin")).body()).get(2);
        ObjectNode camera = JSON.createObjectNode().put("code", "NT-KK-01").put("name", "通知测试卡口").put("kind", "CHECKPOINT")
                .put("longitude", near.get("longitude").asDouble()).put("latitude", near.get("latitude").asDouble()).put("range", 300)
                .put("azimuthFrom", 0).put("azimuthTo", 90);
        assertThat(server.exchange("POST", "/api/cameras", camera.toString(), "Content-Type", "application/json", "Authorization",
                RunningServer.basic("admin")).statusCode()).isEqualTo(201);
        assertThat(server.bean(CameraWatch.class).check()).as("never heard from").anyMatch(c -> c.code().equals("NT-KK-01"));

        JsonNode told = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (told == null && System.nanoTime() < deadline) {
            Map<String, String> message = RECEIVED.get("/operator").poll(1, TimeUnit.SECONDS);
            if (message != null && JSON.readTree(message.get("body")).at("/camera/code").asString().equals("NT-KK-01")) {
                told = JSON.readTree(message.get("body"));
            }
        }
        assertThat(told).as("the operator's webhook").isNotNull();
        assertThat(told.get("action").asString()).isEqualTo("OFFLINE");
        assertThat(told.get("subject").asString()).contains("NT-KK-01", "离线", "从未");
        assertThat(told.at("/camera/township").asString()).hasSize(9);
        assertThat(told.at("/camera/online").asBoolean()).isFalse();
    }

    /** The first mail to the address, waiting for it a while. */
    private static MimeMessage mailTo(String address) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    return message;
                }
            }
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail to " + address);
    }

    private static JsonNode notifications() throws Exception {
        HttpResponse<String> answer = server.exchange("GET", "/api/admin/notifications", null, "Authorization", RunningServer.basic("admin"));
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> post(JsonNode alert) throws Exception {
        return server.exchange("POST", "/api/alerts", alert.toString(), "Content-Type", "application/json", "Authorization", PLATFORM);
    }

    private static ObjectNode alert(String externalId, String type) throws Exception {
        JsonNode camera = server.getJson("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:cameras&COUNT=1"
                + "&OUTPUTFORMAT=application/json").at("/features/0");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ObjectNode alert = JSON.createObjectNode();
        alert.put("externalId", externalId);
        alert.put("camera", camera.at("/properties/code").asString());
        alert.put("type", type);
        alert.put("time", "2026-11-25T10:00:00+08:00");
        alert.put("longitude", camera.at("/geometry/coordinates/0").asDouble() + 0.001);
        alert.put("latitude", camera.at("/geometry/coordinates/1").asDouble());
        alert.put("snapshot", Base64.getEncoder().encodeToString(png.toByteArray()));
        return alert;
    }
}
