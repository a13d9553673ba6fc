package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data directory the OGC test suites run against ({@code conformance/cite}): the CITE layers as the suites look for
 * them, written by anybody, loaded afresh at every start, and only on loopback.
 */
class ConformanceSetUpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void publishesTheCiteLayersWritableByAnybodyAndStartsAfreshEachTime(@TempDir Path folder) throws Exception {
        Path dataDir = copyOfTheConformanceDataDirectory(folder);
        try (RunningServer server = RunningServer.start(dataDir)) {
            String capabilities = server.getAnonymously("/wms?service=WMS&request=GetCapabilities&version=1.3.0").body();
            assertThat(capabilities).contains("<Name>cite:Lakes</Name><Title>cite:Lakes</Title>", "<Title>cite:BasicPolygons</Title>")
                    .doesNotContain("<Name>monitoring</Name>", "<Name>patches", "terrawatch:patches");

            // the lake of the WMS suite's pixel tests: lake in the middle, white where nothing is
            HttpResponse<byte[]> map = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/wms?service=WMS&version=1.3.0&request=GetMap"
                    + "&layers=cite:Lakes&styles=&crs=CRS:84&bbox=0,-0.002,0.004,0&width=200&height=100&format=image/png"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(map.body()));
            assertThat(image.getRGB(5, 5) & 0xffffff).as("outside the lake").isEqualTo(0xffffff);
            assertThat(image.getRGB(60, 70) & 0xffffff).as("on the lake").isNotEqualTo(0xffffff);

            // anybody inserts, replaces and locks: the suites cannot sign in
            HttpResponse<String> inserted = server.exchange("POST", "/wfs", "<wfs:Transaction xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                    + "xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:t=\"http://terrawatch.org/cite\" service=\"WFS\" version=\"2.0.0\">"
                    + "<wfs:Insert><t:Lakes><gml:description>a pond</gml:description><gml:name>Green Lake</gml:name><t:shore>"
                    + "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 0.001 0.001 0.001 0 0"
                    + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></t:shore></t:Lakes></wfs:Insert></wfs:Transaction>",
                    "Content-Type", "application/xml");
            assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
            assertThat(inserted.body()).contains("<wfs:totalInserted>1</wfs:totalInserted>", "rid=\"Lakes.2\"");
            HttpResponse<String> replaced = server.exchange("POST", "/wfs", "<wfs:Transaction xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                    + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:t=\"http://terrawatch.org/cite\" service=\"WFS\" version=\"2.0.0\">"
                    + "<wfs:Update typeName=\"t:Lakes\"><wfs:Property><wfs:ValueReference>t:name[1]</wfs:ValueReference>"
                    + "<wfs:Value>Deep Lake</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"Lakes.2\"/></fes:Filter></wfs:Update>"
                    + "</wfs:Transaction>", "Content-Type", "application/xml");
            assertThat(replaced.body()).contains("<wfs:UpdateResults>", "rid=\"Lakes.2\"");
            String lake = server.getAnonymously("/wfs?service=WFS&version=2.0.0&request=GetFeature&typenames=cite:Lakes&resourceid=Lakes.2").body();
            assertThat(lake).contains("<gml:description>a pond</gml:description>", "<gml:name>Deep Lake</gml:name>");
            JsonNode lakes = JSON.readTree(server.getAnonymously("/ogc/collections/Lakes/items?f=json").body());
            assertThat(lakes.get("numberReturned").asInt()).isEqualTo(2);

            // the jobs anonymous callers start are listed to them (the processes suite looks for its own)
            HttpResponse<String> job = server.exchange("POST", "/ogc/processes/echo/execution", "{\"inputs\":{\"string_input\":\"x\"}}",
                    "Content-Type", "application/json", "Prefer", "respond-async");
            assertThat(job.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(server.getAnonymously("/ogc/jobs").body()).get("jobs").size()).isGreaterThanOrEqualTo(1);
        }
        try (RunningServer again = RunningServer.start(dataDir)) {
            JsonNode lakes = JSON.readTree(again.getAnonymously("/ogc/collections/Lakes/items?f=json").body());
            assertThat(lakes.get("numberReturned").asInt()).as("the test data afresh").isEqualTo(1);
            assertThat(lakes.at("/features/0/properties/name").asString()).isEqualTo("Blue Lake");
        }
    }

    @Test
    void refusesToFaceANetwork(@TempDir Path folder) throws Exception {
        Path dataDir = copyOfTheConformanceDataDirectory(folder);
        assertThatThrownBy(() -> RunningServer.start(dataDir, "--server.address=0.0.0.0"))
                .rootCause().hasMessageContaining("loopback");
    }

    @Test
    void noOtherDataDirectoryLetsAnybodyWrite(@TempDir Path folder) throws Exception {
        Path dataDir = RunningServer.dataDirectoryFromRepository(folder);
        Path layers = dataDir.resolve("layers.yml");
        Files.writeString(layers, Files.readString(layers).replace("      relation: admin_unit_boundary\n",
                "      relation: admin_unit_boundary\n      write-roles: [ANONYMOUS]\n"));
        assertThatThrownBy(() -> RunningServer.start(dataDir, "--terrawatch.demo.load-on-first-start=false"))
                .rootCause().hasMessageContaining("admin_units").hasMessageContaining("ANONYMOUS");
    }

    private static Path copyOfTheConformanceDataDirectory(Path target) throws IOException {
        Path shipped = Path.of(System.getProperty("terrawatch.repo.conformance-dir", "../conformance/cite"));
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
