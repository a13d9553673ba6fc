package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrawatch.app.security.LoopbackCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Process inputs by reference on a server where reading needs a sign-in ({@code anonymous-read: false}): the server
 * reads a reference to its own WFS as the user who runs the process — synchronously and as a job —, so the user gets
 * what he may read; loopback credentials signed elsewhere or sent from elsewhere sign no one in.
 */
class ProcessReferencesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PATCH_PAGE = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches"
            + "&COUNT=2&SORTBY=code&OUTPUTFORMAT=application/json";

    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createTempDirectory("terrawatch-references-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))),
                "--terrawatch.security.anonymous-read=false");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReferenceToTheServersOwnWfsIsReadAsTheUserWhoRunsTheProcess() throws Exception {
        assertThat(server.getAnonymously(PATCH_PAGE).statusCode()).as("reading needs a sign-in here").isEqualTo(401);
        HttpResponse<String> direct = server.exchange("GET", PATCH_PAGE, null, "Authorization", RunningServer.basic("duty"));
        assertThat(direct.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(direct.body());
        String firstCode = page.get("features").get(0).get("properties").get("code").asString();

        String reference = "&DataInputs=" + URLEncoder.encode("complex_input=@xlink:href=" + server.url(PATCH_PAGE), StandardCharsets.UTF_8)
                + "&RawDataOutput=complex_output";
        HttpResponse<String> echoed = server.exchange("GET", "/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo" + reference,
                null, "Authorization", RunningServer.basic("duty"));
        assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
        assertThat(JSON.readTree(echoed.body()).get("features")).isEqualTo(page.get("features"));

        String body = "{\"inputs\":{\"complex_input\":{\"href\":\"" + server.url(PATCH_PAGE) + "\",\"type\":\"application/json\"}}}";
        HttpResponse<String> accepted = server.exchange("POST", "/ogc/processes/echo/execution", body, "Content-Type", "application/json",
                "Prefer", "respond-async", "Authorization", RunningServer.basic("analyst"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        String jobPath = job.substring(job.indexOf("/ogc/jobs/"));
        JsonNode status = null;
        for (int i = 0; i < 100; i++) {
            status = JSON.readTree(server.exchange("GET", jobPath, null, "Authorization", RunningServer.basic("analyst")).body());
            if (!status.get("status").asString().matches("accepted|running")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("successful");
        HttpResponse<String> results = server.exchange("GET", jobPath + "/results", null, "Authorization", RunningServer.basic("analyst"));
        assertThat(results.body()).contains(firstCode);
    }

    @Test
    void loopbackCredentialsSignInOnlyWhenThisServerSignedThem() throws Exception {
        String own = server.bean(LoopbackCredentials.class).authorization("duty");
        assertThat(server.exchange("GET", PATCH_PAGE, null, "Authorization", own).statusCode()).isEqualTo(200);
        String foreign = new LoopbackCredentials().authorization("duty");
        HttpResponse<String> refused = server.exchange("GET", PATCH_PAGE, null, "Authorization", foreign);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("ExceptionReport", "Invalid loopback credentials");
    }
}
