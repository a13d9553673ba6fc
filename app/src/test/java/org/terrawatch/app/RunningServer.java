package org.terrawatch.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real server, started in-process on a free port with a given data directory, driven over HTTP. */
final class RunningServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String base;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * The calendar's scheduler is off unless the arguments name it (a test that compares the whole store before and after
     * a request must not see a month-end job land in between); the monthly-cycle test turns it on.
     */
    static RunningServer start(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--terrawatch.data-dir=" + dataDir));
        if (List.of(arguments).stream().noneMatch(a -> a.startsWith("--terrawatch.scheduler."))) {
            args.add("--terrawatch.scheduler.enabled=false");
        }
        args.addAll(List.of(arguments));
        return new RunningServer(new SpringApplicationBuilder(TerraWatchApplication.class).run(args.toArray(String[]::new)));
    }

    /** A fresh data directory with the configuration files the repository ships in {@code data-dir/}. */
    static Path dataDirectoryFromRepository(Path target) throws IOException {
        Path shipped = Path.of(System.getProperty("terrawatch.repo.data-dir", "../data-dir"));
        try (var files = Files.list(shipped)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** The absolute URL of a path on this server. */
    String url(String path) {
        return base + path;
    }

    /** The demo user whose reads {@link #get} and {@link #post} make: the bureau's leader, who reads every layer. */
    static final String READER = "leader";

    /** A GET as {@link #READER}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(READER)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without credentials. */
    HttpResponse<String> getAnonymously(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An XML POST as {@link #READER}. */
    HttpResponse<String> post(String path, String xml) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/xml")
                .header("Authorization", basic(READER)).POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any request, e.g. {@code exchange("PATCH", "/ogc/...", json, "Authorization", basic("duty"), "If-Match", "\"3\"")}.
     *
     * @param body null for none
     */
    HttpResponse<String> exchange(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request written byte for byte on a fresh connection (for what {@link HttpClient} will not send: a head without
     * its body, a malformed path, a body the server refuses half way); everything the server answers until it closes
     * the connection, or 10 s.
     */
    String rawExchange(String request) throws IOException {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                socket.shutdownOutput(); // all is sent: a server waiting for an announced body that never comes sees its end
            } catch (java.net.SocketException closed) {
                // the server answered and closed before the whole request was written: read its answer
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (java.net.SocketTimeoutException e) {
                // what came so far is the answer
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The Basic authorization header value of a demo user (password demo@2026). */
    static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo@2026").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " gave " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        context.close();
    }
}
