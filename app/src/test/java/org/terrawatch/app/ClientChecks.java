package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs one check of {@code src/test/python/ogc_clients.py} (real clients from Debian) and returns what it printed after RESULT. */
final class ClientChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClientChecks() {
    }

    /**
     * @param work        a folder the check may write to
     * @param environment extra environment variables (e.g. EDIT_PARAMS)
     */
    static JsonNode run(String check, String target, Path work, Map<String, String> environment) throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Path script = Path.of("src/test/python/ogc_clients.py").toAbsolutePath();
        assertThat(python).as("Debian's /usr/bin/python3 runs the client checks; ./scripts/test installs the clients").exists();
        Files.createDirectories(work);
        ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), check, target, work.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(check + " client check timed out");
        }
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("The " + check + " client check printed no result (are python3-qgis, "
                        + "python3-gdal and python3-owslib installed? ./scripts/test installs them):\n" + output));
        return JSON.readTree(result.substring("RESULT ".length()));
    }
}
