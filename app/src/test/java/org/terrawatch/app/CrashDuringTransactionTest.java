package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.store.StoreSettings;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server, a separate JVM, is killed with SIGKILL in the middle of a large multi-action WFS transaction —
 * after its log says a share of the actions are applied and before it answers; twice, at different points.
 * After each restart on the same store either every action is there or none is: patches and their audit
 * entries alike; and the restarted server then carries out the same transaction whole. On the embedded H2GIS
 * store and on PostGIS.
 */
class CrashDuringTransactionTest {

    private static final int ACTIONS = 2000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aKilledServerKeepsAllOrNothingOfATransaction(StoreType type) throws Exception {
        Path data = RunningServer.dataDirectoryFromRepository(Files.createTempDirectory("terrawatch-crash-"));
        List<String> store = new ArrayList<>();
        if (type == StoreType.POSTGIS) {
            StoreSettings settings = TestStores.freshDatabase(StoreType.POSTGIS);
            store.add("--terrawatch.store.url=" + settings.jdbcUrl());
        }
        int port = ServerProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        for (int progress : new int[] {600, 1400}) {
            ServerProcess first = ServerProcess.start(data, port, arguments(store), " " + progress + " of " + ACTIONS + " actions applied");
            long patchesBefore;
            long historyBefore;
            CompletableFuture<HttpResponse<String>> answer;
            try {
                first.awaitHealthy();
                patchesBefore = hits(base, "patches");
                historyBefore = hits(base, "patch_history");
                answer = HTTP.sendAsync(post(base, transaction()), HttpResponse.BodyHandlers.ofString());
                assertThat(first.reached().await(240, TimeUnit.SECONDS)).as("the server logs its progress through the transaction").isTrue();
            } finally {
                first.kill();
            }
            assertThat(answer.isDone() && !answer.isCompletedExceptionally()).as("killed before it answered").isFalse();

            ServerProcess second = ServerProcess.start(data, port, store, null);
            try {
                second.awaitHealthy();
                long patchesAfter = hits(base, "patches");
                long historyAfter = hits(base, "patch_history");
                System.out.printf("%s, killed after %d of %d inserts: %d patches before, %d after the restart%n",
                        type, progress, ACTIONS, patchesBefore, patchesAfter);
                assertThat(patchesAfter).isIn(patchesBefore, patchesBefore + ACTIONS);
                assertThat(historyAfter - historyBefore).as("audit entries follow the patches").isEqualTo(patchesAfter - patchesBefore);
                HttpResponse<String> again = HTTP.send(post(base, transaction()), HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).as("the restarted store takes the same transaction: " + again.body()).isEqualTo(200);
                assertThat(hits(base, "patches")).isEqualTo(patchesAfter + ACTIONS);
            } finally {
                second.kill();
            }
        }
    }

    /** The store's arguments and the transaction's progress in the log. */
    private static List<String> arguments(List<String> store) {
        List<String> arguments = new ArrayList<>(store);
        arguments.add("--logging.level.org.terrawatch.wfs.WfsTransaction=DEBUG");
        return arguments;
    }

    private static HttpRequest post(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/wfs")).header("Content-Type", "application/xml")
                .header("Authorization", RunningServer.basic("admin")).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** ACTIONS Insert actions, each a small new building in Pingding county. */
    private static String transaction() {
        StringBuilder xml = new StringBuilder("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" handle=\"crash-test\" "
                + "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" "
                + "xmlns:terrawatch=\"http://terrawatch.org/terrawatch\">");
        for (int i = 0; i < ACTIONS; i++) {
            double west = 113.55 + (i % 50) * 0.002;
            double south = 37.80 + (i / 50) * 0.002;
            xml.append("<wfs:Insert handle=\"insert-").append(i).append("\"><terrawatch:patches><terrawatch:geom>")
                    .append("<gml:Polygon srsName=\"http://www.opengis.net/def/crs/EPSG/0/4490\"><gml:exterior><gml:LinearRing><gml:posList>")
                    .append(south).append(' ').append(west).append(' ').append(south).append(' ').append(west + 0.001).append(' ')
                    .append(south + 0.001).append(' ').append(west + 0.001).append(' ').append(south + 0.001).append(' ').append(west)
                    .append(' ').append(south).append(' ').append(west)
                    .append("</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></terrawatch:geom>")
                    .append("<terrawatch:change_type>NEW_BUILDING</terrawatch:change_type>")
                    .append("<terrawatch:after_date>2026-11-20</terrawatch:after_date></terrawatch:patches></wfs:Insert>");
        }
        return xml.append("</wfs:Transaction>").toString();
    }

    private static long hits(String base, String layer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:"
                + layer + "&RESULTTYPE=hits&OUTPUTFORMAT=application/json")).header("Authorization", RunningServer.basic(RunningServer.READER))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("numberMatched").asLong();
    }
}
