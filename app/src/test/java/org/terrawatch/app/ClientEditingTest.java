package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Editing from the desktop: QGIS (PyQGIS, headless) and GDAL/OGR from Debian's packages write patches through
 * WFS-T as a department's verifier signed in with HTTP Basic; legal changes land (and QGIS reads them back),
 * an illegal transition is refused and the client shows the workflow's rule.
 */
class ClientEditingTest {

    private static Path folder;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("terrawatch-client-edits-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void qgisCommitsAVerificationAndReportsAnIllegalTransition() throws Exception {
        List<String> codes = codes("status = 'VERIFYING' AND responsible_department = 'gengdi'");
        String params = "{\"user\":\"gengdi\",\"password\":\"demo@2026\",\"code\":\"" + codes.get(0) + "\",\"illegal_code\":\""
                + codes.get(1) + "\",\"illegal_status\":\"CLOSED\"}";
        JsonNode qgis = ClientChecks.run("qgis_edit", server.url("/wfs"), folder.resolve("qgis"), Map.of("EDIT_PARAMS", params));

        assertThat(qgis.path("valid").asBoolean()).isTrue();
        assertThat(qgis.path("can_change").asBoolean()).as("QGIS sees the layer as editable").isTrue();
        assertThat(qgis.path("commit").asBoolean()).as(qgis.path("commit_errors").toString()).isTrue();
        assertThat(qgis.path("reloaded").path("status").asString()).isEqualTo("VERIFIED");
        assertThat(qgis.path("reloaded").path("verification_result").asString()).isEqualTo("ILLEGAL");
        assertThat(qgis.path("reloaded").path("verification_note").asString()).isEqualTo("QGIS 外业核查：未批先建");
        assertThat(qgis.path("reloaded").path("verified_by").asString()).isEqualTo("gengdi");
        JsonNode stored = patch(codes.get(0));
        assertThat(stored.path("status").asString()).isEqualTo("VERIFIED");
        JsonNode history = server.getJson("/api/patches/" + stored.path("id").asLong() + "/history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("verify");
        assertThat(last.path("channel").asString()).isEqualTo("WFS_T");
        assertThat(last.path("actor").asString()).isEqualTo("gengdi");

        assertThat(qgis.path("illegal_commit").asBoolean()).as("QGIS's commit of an illegal transition fails").isFalse();
        assertThat(qgis.path("illegal_errors").toString()).contains("no transition from VERIFYING to CLOSED", codes.get(1));
        assertThat(patch(codes.get(1)).path("status").asString()).isEqualTo("VERIFYING");
    }

    @Test
    void gdalUpdatesAFeatureAndIsRefusedAStaleOneAndAnIllegalTransition() throws Exception {
        String code = codes("status = 'VERIFYING' AND responsible_department = 'gengdi'").get(2);
        long version = patch(code).path("version").asLong();
        String params = "{\"user\":\"gengdi\",\"password\":\"demo@2026\",\"code\":\"" + code + "\",\"note\":\"OGR 补充核查说明\"}";
        JsonNode ogr = ClientChecks.run("ogr_update", server.url("/wfs"), folder.resolve("ogr"), Map.of("EDIT_PARAMS", params));

        assertThat(ogr.path("update").path("code").asInt()).as(ogr.path("update").path("message").asString()).isZero();
        assertThat(ogr.path("note_read_back").asString()).isEqualTo("OGR 补充核查说明");
        assertThat(ogr.path("stale").path("code").asInt()).as("a stale copy is refused, not written over the change").isNotZero();
        assertThat(ogr.path("stale").path("message").asString()).contains("changed by someone else");
        assertThat(ogr.path("illegal").path("code").asInt()).isNotZero();
        assertThat(ogr.path("illegal").path("message").asString()).contains("no transition from VERIFYING to CLOSED");
        JsonNode stored = patch(code);
        assertThat(stored.path("verification_note").asString()).isEqualTo("OGR 补充核查说明");
        assertThat(stored.path("status").asString()).isEqualTo("VERIFYING");
        assertThat(stored.path("version").asLong()).isEqualTo(version + 1);
    }

    private static List<String> codes(String filter) throws Exception {
        List<String> codes = new ArrayList<>();
        server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=application/json&PROPERTYNAME=code"
                        + "&CQL_FILTER=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
                .path("features").forEach(f -> codes.add(f.path("properties").path("code").asString()));
        assertThat(codes).as("demo patches with " + filter).hasSizeGreaterThan(2);
        return codes;
    }

    private static JsonNode patch(String code) throws Exception {
        JsonNode feature = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=application/json"
                + "&CQL_FILTER=" + URLEncoder.encode("code = '" + code + "'", StandardCharsets.UTF_8)).path("features").get(0);
        return server.getJson("/api/patches/" + feature.path("id").asString().substring("patches.".length()));
    }
}
