package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.wms.ImageryEpochs;
import tools.jackson.databind.JsonNode;

/**
 * WMS 1.3.0 and 1.1.1 over HTTP on the demo: capabilities valid against the OGC schema and DTD, maps whose
 * pixels show the styled patch where it lies (in both axis orders), TIME and CQL_FILTER, SLD_BODY, the three
 * formats, GetFeatureInfo at a patch's centroid, legends, and bad requests answered as WMS exceptions.
 */
class WmsHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningServer server;
    private static JsonNode patch;
    private static Envelope patchBox;

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createTempDirectory("terrawatch-wms-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(folder));
        // The imagery's pyramids are built in the background from the start, before any map asks for them.
        ImageryEpochs imagery = server.bean(ImageryEpochs.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!imagery.all().stream().allMatch(imagery::prepared) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(imagery.all()).as("the demo's epochs, prepared without a map").hasSize(2).allMatch(imagery::prepared);
        patch = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=1&OUTPUTFORMAT=application/json"
                + "&SORTBY=area_m2%20DESC&CQL_FILTER=" + URLEncoder.encode("status = 'VERIFYING'", StandardCharsets.UTF_8)).path("features").get(0);
        patchBox = new Envelope();
        patch.at("/geometry/coordinates").forEach(polygon -> polygon.get(0).forEach(p -> patchBox.expandToInclude(p.get(0).asDouble(), p.get(1).asDouble())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void capabilitiesAreValidInBothVersions() throws Exception {
        String capabilities = ok("/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wms/1.3.0/capabilities_1_3_0.xsd"), capabilities)).isEmpty();
        assertThat(capabilities).contains("<Name>monitoring</Name>", "<Name>terrawatch:patches</Name>", "<Name>patches-by-status</Name>",
                "<CRS>EPSG:4490</CRS>", "<CRS>EPSG:4547</CRS>", "<Dimension name=\"time\"", "/P1M</Dimension>", "REQUEST=GetLegendGraphic");
        String legacy = ok("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities");
        assertThat(OgcSchemas.dtdErrors(legacy)).isEmpty();
        assertThat(legacy).contains("<WMT_MS_Capabilities version=\"1.1.1\"", "<SRS>EPSG:4490</SRS>", "<Extent name=\"time\"");
        assertThat(ok("/ows?SERVICE=WMS&REQUEST=GetCapabilities")).contains("WMS_Capabilities");
    }

    @Test
    void aPatchIsDrawnInItsStatusColourWhereItLiesInEitherAxisOrder() throws Exception {
        Envelope view = new Envelope(patchBox);
        view.expandBy(patchBox.getWidth() * 2, patchBox.getHeight() * 2);
        String common = "&REQUEST=GetMap&LAYERS=terrawatch:patches&STYLES=patches-by-status&WIDTH=200&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE";
        BufferedImage latLon = image("/wms?SERVICE=WMS&VERSION=1.3.0&CRS=EPSG:4490&BBOX=" + view.getMinY() + "," + view.getMinX() + ","
                + view.getMaxY() + "," + view.getMaxX() + common);
        BufferedImage lonLat = image("/wms?SERVICE=WMS&VERSION=1.1.1&SRS=EPSG:4490&BBOX=" + view.getMinX() + "," + view.getMinY() + ","
                + view.getMaxX() + "," + view.getMaxY() + common);
        int[] centre = MapPixels.pixel(view, 200, 200, patchCentre());
        // VERIFYING is #F5B700 at 50 % over transparency: yellow pixels at the patch (its code is labelled over its
        // middle, so look around it).
        for (BufferedImage image : new BufferedImage[] {latLon, lonLat}) {
            assertThat(MapPixels.yellowNear(image, centre[0], centre[1], 15)).as("the status colour at the patch").isTrue();
        }
        assertThat(MapPixels.differing(latLon, lonLat)).as("1.3.0 lat/lon and 1.1.1 lon/lat give the same map").isZero();

        String flipped = "/wms?SERVICE=WMS&VERSION=1.3.0&CRS=EPSG:4490&BBOX=" + view.getMinX() + "," + view.getMinY() + ","
                + view.getMaxX() + "," + view.getMaxY() + common;
        assertThat(MapPixels.yellowNear(image(flipped), centre[0], centre[1], 15)).as("longitude first is elsewhere in 1.3.0").isFalse();
    }

    /**
     * The monitoring group over Pingding's town centre, compared with the image in src/test/resources/expected
     * (checked by eye when it was made): at most 0.25 % of the pixels may differ by more than a little in any
     * channel, so anti-aliasing and font hinting may vary but a moved, missing or restyled feature fails.
     */
    @Test
    void theMonitoringMapMatchesTheExpectedImage() throws Exception {
        BufferedImage rendered = image("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=monitoring&STYLES=&CRS=EPSG:4490"
                + "&BBOX=37.75,113.5,37.95,113.75&WIDTH=500&HEIGHT=400&FORMAT=image/png&BGCOLOR=0xFFFFFF");
        BufferedImage expected;
        try (var in = WmsHttpTest.class.getResourceAsStream("/expected/monitoring-pingding.png")) {
            expected = ImageIO.read(in);
        }
        long differing = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = rendered.getRGB(x, y);
                int b = expected.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff)) > 48) {
                        differing++;
                        break;
                    }
                }
            }
        }
        assertThat(differing).as("pixels differing from the expected map").isLessThan(expected.getWidth() * expected.getHeight() / 400);
    }

    /**
     * The demo's two imagery epochs (4-band GeoTIFF in EPSG:4547) as the imagery layer: true colour, false colour
     * (vegetation red), NDVI (vegetation green), TIME picking the epoch (the planted changes differ), transparent
     * outside the image, a legend, and not queryable.
     */
    @Test
    void imageryEpochsAreDrawnInTheirThreeStyles() throws Exception {
        String capabilities = ok("/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        assertThat(capabilities).contains("<Name>terrawatch:imagery</Name>", "<Name>imagery-ndvi</Name>", "2026-09-20,2026-10-18</Dimension>");
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=terrawatch:imagery&CRS=EPSG:4490&BBOX=37.712,113.570,37.740,113.602"
                + "&WIDTH=256&HEIGHT=224&FORMAT=image/png&TRANSPARENT=TRUE&STYLES=";
        BufferedImage ndvi = image(map + "imagery-ndvi");
        BufferedImage falseColour = image(map + "imagery-false-colour");
        BufferedImage trueColour = image(map + "imagery");
        long drawn = 0;
        long greenInNdvi = 0;
        long redInFalseColour = 0;
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 256; x++) {
                int n = ndvi.getRGB(x, y);
                if (n >>> 24 == 0) {
                    continue;
                }
                drawn++;
                greenInNdvi += ((n >> 8) & 0xff) > ((n >> 16) & 0xff) ? 1 : 0;
                int f = falseColour.getRGB(x, y);
                redInFalseColour += ((f >> 16) & 0xff) > ((f >> 8) & 0xff) ? 1 : 0;
            }
        }
        assertThat(drawn).as("the image covers a good part of the map").isGreaterThan(256 * 224 / 3);
        assertThat(ndvi.getRGB(0, 0) >>> 24).as("outside the image: transparent").isZero();
        assertThat(greenInNdvi).as("the valley's vegetation is green in NDVI").isGreaterThan(drawn / 2);
        assertThat(redInFalseColour).as("and red in false colour").isGreaterThan(drawn / 2);
        assertThat(trueColour.getRGB(128, 112) >>> 24).isEqualTo(255);

        BufferedImage september = image(map + "imagery&TIME=2026-09");
        long changed = 0;
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 256; x++) {
                int a = september.getRGB(x, y);
                int b = trueColour.getRGB(x, y);
                if (Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) > 60) {
                    changed++;
                }
            }
        }
        assertThat(changed).as("TIME picks the September epoch, whose planted changes differ from October's").isGreaterThan(200);
        assertThat(server.get(map + "imagery&TIME=2020-01").body()).contains("InvalidDimensionValue");
        assertThat(server.get(map + "imagery-infrared").body()).contains("StyleNotDefined");
        BufferedImage legend = image("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=terrawatch:imagery&STYLE=imagery-ndvi");
        assertThat(legend.getWidth()).isEqualTo(200);
        BufferedImage cityWide = image("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=terrawatch:imagery&STYLES=&CRS=EPSG:3857"
                + "&BBOX=12580000,4520000,12700000,4640000&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE");
        assertThat(cityWide.getWidth()).as("a city-wide view draws from an overview").isEqualTo(256);
        assertThat(server.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=terrawatch:imagery&QUERY_LAYERS=terrawatch:imagery"
                + "&STYLES=&CRS=EPSG:4490&BBOX=37.712,113.570,37.740,113.602&WIDTH=256&HEIGHT=224&I=10&J=10&INFO_FORMAT=text/html").body())
                .contains("LayerNotQueryable");
    }

    @Test
    void timeAndCqlFilterSelectWhatIsDrawn() throws Exception {
        Envelope view = new Envelope(patchBox);
        view.expandBy(patchBox.getWidth() * 2, patchBox.getHeight() * 2);
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>terrawatch:patches</Name><UserStyle><Name>blue</Name><FeatureTypeStyle><Rule><PolygonSymbolizer><Fill>"
                + "<CssParameter name=\"fill\">#0000FF</CssParameter></Fill></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>"
                + "</StyledLayerDescriptor>";
        // A style of the request's own (SLD_BODY), without labels, so that only the patches themselves colour pixels.
        String base = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=terrawatch:patches&STYLES=blue&SRS=EPSG:4490&BBOX="
                + view.getMinX() + "," + view.getMinY() + "," + view.getMaxX() + "," + view.getMaxY() + "&WIDTH=100&HEIGHT=100&FORMAT=image/png"
                + "&TRANSPARENT=TRUE&SLD_BODY=" + URLEncoder.encode(sld, StandardCharsets.UTF_8);
        int[] centre = MapPixels.pixel(view, 100, 100, patchCentre());
        String month = patch.at("/properties/after_date").asString().substring(0, 7);
        assertThat(image(base + "&TIME=" + month).getRGB(centre[0], centre[1]) >>> 24).isGreaterThan(0);
        assertThat(image(base + "&TIME=2020-01").getRGB(centre[0], centre[1]) >>> 24).isZero();
        assertThat(image(base + "&TIME=2020-01/" + month).getRGB(centre[0], centre[1]) >>> 24).isGreaterThan(0);
        String code = patch.at("/properties/code").asString();
        assertThat(image(base + "&CQL_FILTER=" + URLEncoder.encode("code <> '" + code + "'", StandardCharsets.UTF_8))
                .getRGB(centre[0], centre[1]) >>> 24).isZero();
        assertThat(image(base).getRGB(centre[0], centre[1]) & 0xffffff).as("drawn with the request's style").isEqualTo(0x0000ff);
    }

    @Test
    void formatsLegendsAndGroupsDraw() throws Exception {
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=monitoring&STYLES=&CRS=EPSG:3857&BBOX=12600000,4520000,12680000,4600000"
                + "&WIDTH=256&HEIGHT=256";
        HttpResponse<byte[]> png8 = bytes(map + "&FORMAT=image/png8&TRANSPARENT=TRUE");
        assertThat(png8.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
        BufferedImage indexed = ImageIO.read(new ByteArrayInputStream(png8.body()));
        assertThat(indexed.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        HttpResponse<byte[]> jpeg = bytes(map + "&FORMAT=image/jpeg&BGCOLOR=0x000000");
        assertThat(jpeg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/jpeg");
        BufferedImage dark = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(dark.getWidth()).isEqualTo(256);
        BufferedImage legend = image("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=terrawatch:patches&STYLE=patches-by-status");
        assertThat(legend.getHeight()).as("eight statuses").isGreaterThanOrEqualTo(8 * 20);
        assertThat(legend.getWidth()).isGreaterThan(40);
    }

    @Test
    void getFeatureInfoAtAPatchsCentreReturnsThatPatch() throws Exception {
        double[] centre = patchCentre();
        double d = 0.01;
        String request = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=monitoring&QUERY_LAYERS=terrawatch:patches&STYLES="
                + "&CRS=EPSG:4490&BBOX=" + (centre[1] - d) + "," + (centre[0] - d) + "," + (centre[1] + d) + "," + (centre[0] + d)
                + "&WIDTH=101&HEIGHT=101&I=50&J=50&FORMAT=image/png&INFO_FORMAT=";
        JsonNode json = server.getJson(request + "application/json");
        assertThat(json.path("features")).hasSize(1);
        assertThat(json.at("/features/0/properties/code").asString()).isEqualTo(patch.at("/properties/code").asString());
        String html = ok(request + "text/html");
        assertThat(html).contains("图斑编号", "状态", patch.at("/properties/code").asString());
        String gml = ok(request + "application/vnd.ogc.gml");
        assertThat(gml).contains("wfs:FeatureCollection", patch.at("/properties/code").asString());
        String legacy = request.replace("VERSION=1.3.0", "VERSION=1.1.1").replace("CRS=EPSG:4490&BBOX=" + (centre[1] - d) + "," + (centre[0] - d) + ","
                + (centre[1] + d) + "," + (centre[0] + d), "SRS=EPSG:4490&BBOX=" + (centre[0] - d) + "," + (centre[1] - d) + "," + (centre[0] + d)
                + "," + (centre[1] + d)).replace("&I=50&J=50", "&X=50&Y=50");
        assertThat(server.getJson(legacy + "application/json").at("/features/0/properties/code").asString())
                .isEqualTo(patch.at("/properties/code").asString());
    }

    /** The defects the OGC WMS 1.3.0 suite found, each checked here between runs of the suite. */
    @Test
    void answersAsTheWms13SuiteExpects() throws Exception {
        // every LegendURL states the size of the legend it points at
        String capabilities = ok("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        java.util.regex.Matcher legend = java.util.regex.Pattern.compile(
                "<LegendURL width=\"(\\d+)\" height=\"(\\d+)\">.*?xlink:href=\"([^\"]+)\"", java.util.regex.Pattern.DOTALL).matcher(capabilities);
        int checked = 0;
        while (legend.find()) {
            String href = legend.group(3).replace("&amp;", "&");
            BufferedImage image = image(href.substring(href.indexOf("/wms")));
            assertThat(image.getWidth() + "x" + image.getHeight()).as(href).isEqualTo(legend.group(1) + "x" + legend.group(2));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
        // VERSION is mandatory but in GetCapabilities
        expect("/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=terrawatch:patches&STYLES=&CRS=EPSG:4490&BBOX=37.6,113.2,38.2,113.9&WIDTH=20&HEIGHT=20"
                + "&FORMAT=image/png", "MissingParameterValue", "VERSION");
        // GML feature info on the group, as advertised: the features of each queried layer under its own type
        double[] centre = patchCentre();
        double d = 0.01;
        String gml = ok("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=monitoring&QUERY_LAYERS=monitoring&STYLES="
                + "&CRS=EPSG:4490&BBOX=" + (centre[1] - d) + "," + (centre[0] - d) + "," + (centre[1] + d) + "," + (centre[0] + d)
                + "&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/vnd.ogc.gml");
        assertThat(gml).contains("wfs:FeatureCollection", "<terrawatch:patches", patch.at("/properties/code").asString());
    }

    @Test
    void badRequestsGetWmsExceptionsInTheRequestedForm() throws Exception {
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:4490&BBOX=37.6,113.2,38.2,113.9&WIDTH=200&HEIGHT=200"
                + "&FORMAT=image/png&LAYERS=";
        expect(map + "terrawatch:nothing", "LayerNotDefined", "LAYERS");
        expect(map.replace("STYLES=", "STYLES=fancy") + "terrawatch:patches", "StyleNotDefined", "STYLES");
        expect(map.replace("CRS=EPSG:4490", "CRS=EPSG:999") + "terrawatch:patches", "InvalidCRS", "CRS");
        expect(map.replace("image/png", "image/tiff") + "terrawatch:patches", "InvalidFormat", "FORMAT");
        expect(map.replace("WIDTH=200", "WIDTH=100000") + "terrawatch:patches", "InvalidParameterValue", "WIDTH");
        expect(map.replace("BBOX=37.6,113.2,38.2,113.9", "BBOX=38.2,113.2,37.6,113.9") + "terrawatch:patches", "InvalidParameterValue", "BBOX");
        expect(map + "terrawatch:patches&TIME=last-year", "InvalidDimensionValue", "TIME");
        expect(map + "terrawatch:patches&SLD_BODY=" + URLEncoder.encode("<StyledLayerDescriptor><NamedLayer>", StandardCharsets.UTF_8),
                "InvalidParameterValue", "SLD_BODY");
        expect(map + "terrawatch:patches&SLD_BODY=" + URLEncoder.encode("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<StyledLayerDescriptor>&e;</StyledLayerDescriptor>", StandardCharsets.UTF_8), "OperationParsingFailed", "SLD_BODY");
        HttpResponse<String> legacy = server.get(map.replace("VERSION=1.3.0", "VERSION=1.1.1").replace("CRS=", "SRS=") + "nothing");
        assertThat(legacy.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.ogc.se_xml");
        assertThat(legacy.body()).contains("<ServiceExceptionReport version=\"1.1.1\"", "LayerNotDefined");
        HttpResponse<byte[]> inImage = bytes(map + "nothing&EXCEPTIONS=INIMAGE");
        assertThat(inImage.statusCode()).isEqualTo(200);
        BufferedImage message = ImageIO.read(new ByteArrayInputStream(inImage.body()));
        assertThat(message.getWidth()).isEqualTo(200);
        HttpResponse<String> point = server.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=terrawatch:patches&QUERY_LAYERS="
                + "terrawatch:patches&STYLES=&CRS=EPSG:4490&BBOX=37.6,113.2,38.2,113.9&WIDTH=200&HEIGHT=200&I=500&J=5&INFO_FORMAT=application/json");
        assertThat(point.body()).contains("InvalidPoint");
    }

    private static void expect(String path, String code, String locator) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isBetween(400, 599);
        assertThat(response.body()).as(path).contains("code=\"" + code + "\"", "locator=\"" + locator + "\"");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wms/1.3.0/exceptions_1_3_0.xsd"), response.body())).isEmpty();
    }

    /** A point well inside the patch: the middle of its box, which the demo's compact patches contain. */
    private static double[] patchCentre() {
        return new double[] {patchBox.centre().x, patchBox.centre().y};
    }

    private static String ok(String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static BufferedImage image(String path) throws Exception {
        HttpResponse<byte[]> response = bytes(path);
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private static HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", RunningServer.basic(RunningServer.READER)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
