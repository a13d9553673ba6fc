package org.terrawatch.app.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.terrawatch.monitoring.notify.OutboxMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The channels over HTTP: a generic JSON webhook (the message's JSON, signed {@code X-TerraWatch-Signature: sha256=<HMAC>}
 * with the channel's secret), a chat robot's webhook (WeCom / DingTalk style markdown; a reply with a non-zero
 * {@code errcode} is a failure), and an SMS gateway (JSON {@code phone}, {@code text}). Each request carries the
 * message's {@code Idempotency-Key}; anything but a 2xx is a failure, tried again.
 */
final class HttpSenders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpSenders() {
    }

    static final MessageSender WEBHOOK = (message, channel) -> {
        HttpRequest.Builder request = request(message, channel, message.body());
        if (!channel.secret().isEmpty()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(channel.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            request.header("X-TerraWatch-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(message.body().getBytes(StandardCharsets.UTF_8))));
        }
        exchange(request, message);
    };

    static final MessageSender CHAT = (message, channel) -> {
        JsonNode body = JSON.readTree(message.body());
        StringBuilder text = new StringBuilder("### ").append(message.subject()).append('\n');
        JsonNode facts = body.at("/alert/facts");
        facts.properties().forEach(fact -> text.append("> ").append(fact.getKey()).append(": ").append(fact.getValue().asString()).append('\n'));
        ObjectNode markdown = JSON.createObjectNode().put("msgtype", "markdown");
        markdown.putObject("markdown").put("content", text.toString());
        String reply = exchange(request(message, channel, markdown.toString()), message);
        JsonNode answer = reply.isBlank() ? null : JSON.readTree(reply);
        if (answer != null && answer.has("errcode") && answer.get("errcode").asInt() != 0) {
            throw new IllegalStateException("The chat robot refused the message: " + reply);
        }
    };

    static final MessageSender SMS = (message, channel) -> {
        ObjectNode sms = JSON.createObjectNode().put("phone", message.recipient()).put("text", channel.template().replace("{subject}", message.subject()));
        exchange(request(message, channel, sms.toString()), message);
    };

    private static HttpRequest.Builder request(OutboxMessage message, NotificationProperties.Channel channel, String body) {
        return HttpRequest.newBuilder(URI.create(channel.url())).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.idempotencyKey()).header("X-TerraWatch-Event", message.entityKind())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String exchange(HttpRequest.Builder request, OutboxMessage message) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for message " + message.id());
        }
        return response.body();
    }
}
