package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server as a child JVM on the test classpath, for tests that kill it with SIGKILL: its log is kept, and a latch
 * opens once a line containing {@code awaited} is logged.
 */
record ServerProcess(Process process, CountDownLatch reached, List<String> log, String base) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @param awaited text of a log line to wait for ({@link #reached}), or null */
    static ServerProcess start(Path data, int port, List<String> arguments, String awaited) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), TerraWatchApplication.class.getName(), "--server.port=" + port,
                "--terrawatch.data-dir=" + data));
        if (arguments.stream().noneMatch(a -> a.startsWith("--terrawatch.scheduler."))) {
            command.add("--terrawatch.scheduler.enabled=false"); // as RunningServer: the calendar only where a test turns it on
        }
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ServerProcess server = new ServerProcess(process, new CountDownLatch(1), new CopyOnWriteArrayList<>(), "http://127.0.0.1:" + port);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    server.log.add(line);
                    if (awaited != null && line.contains(awaited)) {
                        server.reached.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server process alive; log:\n" + String.join("\n", log)).isTrue();
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The server did not start; log:\n" + String.join("\n", log));
    }

    /** SIGKILL: no shutdown hook, no connection pool closing, no chance to commit or roll back. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
