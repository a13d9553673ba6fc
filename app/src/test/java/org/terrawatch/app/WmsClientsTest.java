package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;

/**
 * The WMS as real clients from Debian use it: OWSLib (capabilities, GetMap in CRS:84), GDAL's WMS driver
 * (1.1.1, EPSG:4490) and QGIS (PyQGIS renders the layer headless and identifies at a patch) — each map must
 * show the patch in its status colour where the server says it lies.
 */
class WmsClientsTest {

    private static Path folder;
    private static RunningServer server;
    private static Envelope view;
    private static String code;
    private static Map<String, String> environment;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("terrawatch-wms-clients-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
        JsonNode patch = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=1&OUTPUTFORMAT=application/json"
                + "&SORTBY=area_m2%20DESC&CQL_FILTER=" + URLEncoder.encode("status = 'VERIFYING'", StandardCharsets.UTF_8)).path("features").get(0);
        Envelope box = new Envelope();
        patch.at("/geometry/coordinates").forEach(p -> p.get(0).forEach(c -> box.expandToInclude(c.get(0).asDouble(), c.get(1).asDouble())));
        view = new Envelope(box);
        view.expandBy(box.getWidth() * 2, box.getHeight() * 2);
        code = patch.at("/properties/code").asString();
        environment = Map.of("MAP_PARAMS", "{\"bbox\":[" + view.getMinX() + "," + view.getMinY() + "," + view.getMaxX() + "," + view.getMaxY()
                + "],\"centre\":[" + box.centre().x + "," + box.centre().y + "]}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void owslibReadsTheCapabilitiesAndGetsTheMap() throws Exception {
        JsonNode owslib = ClientChecks.run("owslib_wms", server.url("/wms"), folder.resolve("owslib"), environment);
        assertThat(owslib.path("layers").toString()).contains("monitoring", "terrawatch:patches", "terrawatch:alerts");
        assertThat(owslib.path("patch_styles").toString()).contains("patches-by-status");
        assertThat(owslib.path("title").asString()).startsWith("TerraWatch 自然资源");
        assertShowsThePatch(owslib.path("png").asString());
    }

    @Test
    void gdalReadsTheMapAsARaster() throws Exception {
        JsonNode gdal = ClientChecks.run("gdal_wms", server.url("/wms"), folder.resolve("gdal"), environment);
        assertThat(gdal.path("bands").asInt()).isEqualTo(4);
        assertThat(gdal.path("projection_has_4490").asBoolean()).isTrue();
        // GDAL's WMS driver leaves STYLES out: the default style (patches by category) is drawn.
        BufferedImage image = ImageIO.read(new File(gdal.path("png").asString()));
        int[] centre = MapPixels.pixel(view, image.getWidth(), image.getHeight(), new double[] {view.centre().x, view.centre().y});
        assertThat(MapPixels.drawnNear(image, centre[0], centre[1], 20)).as("GDAL's raster shows the patch at its place").isTrue();
        assertThat(MapPixels.drawnNear(image, 20, 20, 15)).as("and nothing elsewhere").isFalse();
    }

    @Test
    void qgisRendersTheLayerAndIdentifiesThePatch() throws Exception {
        JsonNode qgis = ClientChecks.run("qgis_wms", server.url("/wms"), folder.resolve("qgis"), environment);
        assertThat(qgis.path("valid").asBoolean()).isTrue();
        assertShowsThePatch(qgis.path("png").asString());
        assertThat(qgis.path("identify_valid").asBoolean()).isTrue();
        assertThat(qgis.path("identify").asString()).contains(code, "图斑编号");
    }

    private static void assertShowsThePatch(String png) throws Exception {
        BufferedImage image = ImageIO.read(new File(png));
        assertThat(image.getWidth()).isEqualTo(200);
        int[] centre = MapPixels.pixel(view, image.getWidth(), image.getHeight(), new double[] {view.centre().x, view.centre().y});
        // The patch's colours (status fill, and the red outline once it is overdue) are checked in WmsHttpTest; a client
        // resamples them, so here it is enough that it draws the patch at its place and nothing in the corner.
        assertThat(MapPixels.drawnNear(image, centre[0], centre[1], 20)).as(png + " shows the patch at its place").isTrue();
        assertThat(MapPixels.drawnNear(image, 20, 20, 15)).as(png + " and not elsewhere").isFalse();
    }
}
