package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrawatch.app.RunningServer.basic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrawatch.submission.testing.Gdal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imagery registered over HTTP on the demo: an upload becomes an epoch with its footprint and coverage, listed, drawn
 * as a quicklook by our own WMS and published in {@code terrawatch:imagery} at its date; the same through OGC API –
 * Processes; bad uploads are refused with their code and leave nothing.
 */
class ImageryHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningServer server;
    private static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        dataDir = RunningServer.dataDirectoryFromRepository(Files.createTempDirectory("terrawatch-imagery-"));
        server = RunningServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadedEpochIsRegisteredListedAndDrawn() throws Exception {
        byte[] tiff = Files.readAllBytes(dataDir.resolve("imagery/demo-2026-10-18.tif"));
        HttpResponse<String> created = upload("analyst", Map.of("name", "GF2-2026-11-30", "sensor", "GF-2 PMS", "acquired", "2026-11-30",
                "bands", "BLUE,GREEN,RED,NIR"), tiff);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode epoch = JSON.readTree(created.body());
        long id = epoch.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/imagery/" + id);
        assertThat(epoch.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(epoch.get("properties").get("resolutionM").asDouble()).isEqualTo(4.0);
        assertThat(epoch.get("properties").get("jurisdictionCoveragePercent").asDouble()).isPositive();
        assertThat(epoch.get("properties").get("notes").toString()).contains("No mask band");
        JsonNode list = server.getJson("/api/imagery");
        assertThat(list.get("features").findValuesAsString("name")).contains("DEMO-2026-09-20", "DEMO-2026-10-18", "GF2-2026-11-30");
        // The quicklook, drawn by the WMS: an image with something on it.
        HttpResponse<byte[]> quicklook = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/imagery/" + id + "/quicklook.png")))
                .header("Authorization", basic("analyst")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(quicklook.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(quicklook.body()));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(opaqueShare(image)).isGreaterThan(0.5);
        // Published at its date: the WMS capabilities list the epoch's day in the imagery layer's time dimension.
        assertThat(server.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body()).contains("2026-11-30");
    }

    @Test
    void badUploadsAreRefusedWithTheirCodeAndLeaveNothing() throws Exception {
        int before = server.getJson("/api/imagery").get("features").size();
        HttpResponse<String> notAnImage = upload("analyst", Map.of("name", "BROKEN", "sensor", "GF-2", "acquired", "2026-11-30",
                "bands", "BLUE,GREEN,RED,NIR"), "no tiff here".getBytes());
        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAnImage.body()).get("code").asString()).isEqualTo("UNREADABLE");
        HttpResponse<String> bands = upload("analyst", Map.of("name", "THREE", "sensor", "GF-2", "acquired", "2026-11-30",
                "bands", "RED,GREEN,BLUE"), Files.readAllBytes(dataDir.resolve("imagery/demo-2026-10-18.tif")));
        assertThat(JSON.readTree(bands.body()).get("code").asString()).isEqualTo("BANDS_MISMATCH");
        assertThat(upload("gengdi", Map.of("name", "NOT-MINE", "sensor", "GF-2", "acquired", "2026-11-30", "bands", "BLUE,GREEN,RED,NIR"),
                Files.readAllBytes(dataDir.resolve("imagery/demo-2026-10-18.tif"))).statusCode()).isEqualTo(403);
        assertThat(server.getJson("/api/imagery").get("features").size()).isEqualTo(before);
        try (var files = Files.list(Files.createDirectories(dataDir.resolve("imagery/uploads")))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("BROKEN") || n.startsWith("THREE")
                    || n.startsWith("NOT-MINE") || n.endsWith(".partial"));
        }
    }

    @Test
    void aSeparateCloudMaskIsTakenFromTheImageryFolder() throws Exception {
        // A mask on the image's grid whose first band is non-zero everywhere: all cloud.
        Files.copy(dataDir.resolve("imagery/demo-2026-10-18.tif"), dataDir.resolve("imagery/overcast-mask.tif"));
        HttpResponse<String> created = upload("analyst", Map.of("name", "GF2-OVERCAST", "sensor", "GF-2 PMS", "acquired", "2026-11-29",
                "bands", "BLUE,GREEN,RED,NIR", "cloud_mask_path", "overcast-mask.tif"), Files.readAllBytes(dataDir.resolve("imagery/demo-2026-10-18.tif")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode properties = JSON.readTree(created.body()).get("properties");
        assertThat(properties.get("cloudMask").asString()).isEqualTo("imagery/overcast-mask.tif");
        assertThat(properties.get("cloudPercent").asDouble()).isEqualTo(100.0);
        // The image cropped by gdal_translate: the mask no longer lies on its grid.
        Path cropped = Gdal.translate(dataDir.resolve("imagery/demo-2026-10-18.tif"), Files.createTempFile("cropped-", ".tif"),
                "-srcwin", "10", "10", "400", "400");
        HttpResponse<String> offGrid = upload("analyst", Map.of("name", "GF2-OFFGRID", "sensor", "GF-2 PMS", "acquired", "2026-11-29",
                "bands", "BLUE,GREEN,RED,NIR", "cloud_mask_path", "overcast-mask.tif"), Files.readAllBytes(cropped));
        assertThat(offGrid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(offGrid.body()).get("code").asString()).isEqualTo("MASK_GRID");
    }

    @Test
    void gisClientsRegisterThroughTheProcess() throws Exception {
        Files.copy(dataDir.resolve("imagery/demo-2026-09-20.tif"), dataDir.resolve("imagery/s2-2026-08-31.tif"));
        String execute = """
                {"inputs":{"path":"s2-2026-08-31.tif","name":"S2-2026-08-31","sensor":"Sentinel-2 MSI","acquired":"2026-08-31",
                 "bands":"BLUE,GREEN,RED,NIR"}}""";
        HttpResponse<String> result = server.exchange("POST", "/ogc/processes/register-imagery/execution", execute,
                "Content-Type", "application/json", "Authorization", basic("analyst"));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(result.body()).contains("S2-2026-08-31", "Sentinel-2 MSI");
        assertThat(server.getJson("/api/imagery").get("features").findValuesAsString("name")).contains("S2-2026-08-31");
    }

    private static double opaqueShare(BufferedImage image) {
        long opaque = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                opaque += (image.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        return opaque / (double) (image.getWidth() * image.getHeight());
    }

    private static HttpResponse<String> upload(String user, Map<String, String> fields, byte[] file) throws Exception {
        MultipartForm form = MultipartForm.of(new LinkedHashMap<>(fields), "file", "epoch.tif", "image/tiff", file);
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/imagery"))).header("Content-Type", form.contentType())
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
