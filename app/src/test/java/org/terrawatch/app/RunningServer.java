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

    static RunningServer start(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--terrawatch.data-dir=" + dataDir));
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

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String xml) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
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
