package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser: the scripts of {@code web/e2e} (Node's test runner, playwright-core driving Debian's
 * Chromium) against one server with the demo. Screenshots are kept in {@code app/target/ui-screenshots}; what the
 * browser side printed is in {@code app/target/ui-e2e-*.log} and in the failure message.
 */
@Tag("browser")
class WebUiBrowserTest {

    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path folder;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium drives the browser tests; ./scripts/test installs it").exists();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("playwright-core comes with the web module's npm ci (the Maven build)")
                .exists();
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAlertGoesRoundTheLoopFromTheDeskToThePhoneAndBack() throws Exception {
        run("closed-loop");
    }

    @Test
    void theMapDrawsThePatchesAndTheSwipeTwoEpochs() throws Exception {
        run("map");
    }

    @Test
    void anAnalystPreChecksAndPushesInBulkAndOnlyTheDepartmentMayVerify() throws Exception {
        run("patches");
    }

    @Test
    void anAnalystRegistersAnImageryEpochOnTheCyclePage() throws Exception {
        run("cycle");
    }

    @Test
    void everyPageOpensInChineseAndEnglishWithoutAConsoleError() throws Exception {
        run("pages");
    }

    private static void run(String script) throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        Path log = target.resolve("ui-e2e-" + script + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-reporter=spec", "e2e/" + script + ".test.mjs")
                .directory(WEB.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TERRAWATCH_URL", server.url(""));
        builder.environment().put("TERRAWATCH_SHOTS", target.resolve("ui-screenshots").toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(script + " did not end within 6 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output.lines().filter(line -> !line.startsWith("ℹ")).reduce("", (a, b) -> a + "\n" + b));
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("the scripts ran tests").containsPattern("ℹ pass [1-9]").contains("ℹ fail 0");
    }
}
