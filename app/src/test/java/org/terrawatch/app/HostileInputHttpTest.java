package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.store.SpatialStore;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of hostile requests, by class — XML entities, oversized bodies, server-side requests to internal addresses,
 * non-finite numbers, NUL bytes, path tricks, wrong media types, edits that name nothing — each answered in the
 * protocol's own error form (OWS ExceptionReport, WMS ServiceExceptionReport, problem JSON), with nothing changed and
 * the server healthy after. The server runs with small body limits, as a small heap would give it.
 */
class HostileInputHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WFS = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches";
    private static final String MAP = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=terrawatch:patches&STYLES=&CRS=EPSG:3857"
            + "&WIDTH=256&HEIGHT=256&FORMAT=image/png";
    private static final long BODY_LIMIT = 64 * 1024;

    @TempDir
    static Path folder;
    static RunningServer server;
    static String before;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))),
                "--terrawatch.limits.request-body=" + BODY_LIMIT + "B", "--terrawatch.limits.process-request-body=" + 2 * BODY_LIMIT + "B",
                "--terrawatch.limits.bodies-in-flight=" + 4 * BODY_LIMIT + "B");
        before = state();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void xmlEntitiesAreNeverExpanded() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"><wfs:Query typeNames=\"&e;\"/>"
                + "</wfs:GetFeature>";
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:Query typeNames=\"&lol9;\"/></wfs:GetFeature>");
        for (String body : new String[] {xxe, bomb.toString()}) {
            for (String path : new String[] {"/wfs", "/wps"}) {
                HttpResponse<String> answer = server.post(path, body);
                assertThat(answer.statusCode()).as(path).isEqualTo(400);
                assertThat(owsCode(answer)).isEqualTo("OperationParsingFailed");
                assertThat(answer.body()).doesNotContain("root:", "lollollol");
            }
        }
        HttpResponse<String> sld = server.get(MAP.replace("EPSG:3857", "CRS:84") + "&BBOX=113,37,114,38&SLD_BODY="
                + URLEncoder.encode(xxe.replaceAll("<wfs:GetFeature.*", "<StyledLayerDescriptor>&e;</StyledLayerDescriptor>"), StandardCharsets.UTF_8));
        assertThat(sld.statusCode()).isEqualTo(400);
        assertThat(sld.body()).contains("ServiceExceptionReport", "OperationParsingFailed").doesNotContain("root:");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherAnnouncedOrStreamed() throws Exception {
        String announced = server.rawExchange("POST /wfs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\nAuthorization: "
                + RunningServer.basic(RunningServer.READER) + "\r\nContent-Length: " + (BODY_LIMIT + 1) + "\r\nConnection: close\r\n\r\n");
        assertThat(announced).startsWith("HTTP/1.1 413").contains("ExceptionReport", "exceeds");

        // Chunked, with no length given: refused once the limit is passed while reading.
        StringBuilder chunked = new StringBuilder("POST /ogc/processes/echo/execution HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + RunningServer.basic(RunningServer.READER) + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "x".repeat(16 * 1024);
        for (long sent = 0; sent <= 3 * BODY_LIMIT; sent += chunk.length()) {
            chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        String streamed = server.rawExchange(chunked.toString());
        assertThat(streamed).startsWith("HTTP/1.1 413").contains("application/problem+json");

        // Below the limit, the same endpoint answers as usual.
        HttpResponse<String> small = server.exchange("POST", "/ogc/processes/echo/execution", "{\"inputs\":{\"string_input\":\"" + "y".repeat(1000)
                + "\"}}", "Content-Type", "application/json", "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
    }

    @Test
    void theServerFetchesNothingFromInternalAddresses() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String[] targets = {"http://127.0.0.1:" + listener.getLocalPort() + "/style.sld", "http://localhost:" + listener.getLocalPort() + "/",
                    "http://[::1]:" + listener.getLocalPort() + "/", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"};
            for (String target : targets) {
                HttpResponse<String> answer = server.get(MAP.replace("EPSG:3857", "CRS:84") + "&BBOX=113,37,114,38&SLD="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(target).isEqualTo(400);
                assertThat(answer.body()).contains("ServiceExceptionReport", "locator=\"SLD\"").doesNotContain("Connection refused", "169.254");
            }
            // Nothing ever connected to the listener (a connection would be waiting to be accepted).
            listener.setSoTimeout(1);
            boolean connected;
            try {
                listener.accept().close();
                connected = true;
            } catch (SocketTimeoutException none) {
                connected = false;
            }
            assertThat(connected).isFalse();
        }
    }

    @Test
    void nonFiniteAndOutOfRangeNumbersAreInvalidParameterValues() throws Exception {
        for (String bbox : new String[] {"NaN,37,114,38", "113,37,Infinity,38", "113,37,1e400,38", "0x71,37,114,38"}) {
            expectOws(WFS + "&BBOX=" + bbox, "BBOX");
        }
        expectOws(WFS + "&COUNT=1e3", "COUNT");
        expectOws(WFS + "&CQL_FILTER=" + URLEncoder.encode("area_m2 > 1e400", StandardCharsets.UTF_8), "CQL_FILTER");
        expectWms(MAP + "&BBOX=-1e308,-1e308,1e308,1e308", "BBOX");
        expectWms(MAP.replace("WIDTH=256", "WIDTH=NaN") + "&BBOX=0,0,1,1", "WIDTH");
        expectWms(MAP.replace("WIDTH=256", "WIDTH=1e400") + "&BBOX=0,0,1,1", "WIDTH");
        for (String query : new String[] {"bbox=113,37,NaN,38", "bbox=113,37,114,1e999", "limit=1e3", "limit=-1", "offset=Infinity"}) {
            HttpResponse<String> answer = server.get("/ogc/collections/patches/items?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).as(query).startsWith("application/problem+json");
        }
        HttpResponse<String> process = server.exchange("POST", "/ogc/processes/echo/execution", "{\"inputs\":{\"double_input\":1e400}}",
                "Content-Type", "application/json", "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(process.statusCode()).as(process.body()).isEqualTo(400);
        HttpResponse<String> wps = server.get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo&DataInputs=double_input=NaN");
        assertThat(wps.statusCode()).as(wps.body()).isEqualTo(400);
        assertThat(owsCode(wps)).isEqualTo("InvalidParameterValue");
    }

    @Test
    void nulBytesAndControlCharactersComeBackAsWellFormedXml() throws Exception {
        for (String value : new String[] {"%00", "terrawatch:%00patches", "%01%02%1F", "%EF%BF%BE"}) {
            HttpResponse<String> wfs = server.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + value);
            assertThat(wfs.statusCode()).as(value).isBetween(400, 499);
            assertThat(parse(wfs.body()).getDocumentElement().getLocalName()).isEqualTo("ExceptionReport");
            HttpResponse<String> wms = server.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=CRS:84&BBOX=113,37,114,38&WIDTH=10&HEIGHT=10"
                    + "&FORMAT=image/png&STYLES=&LAYERS=" + value);
            assertThat(parse(wms.body()).getDocumentElement().getLocalName()).as(value).isEqualTo("ServiceExceptionReport");
        }
    }

    @Test
    void pathTricksAreAnsweredInTheProtocolsFormNotTheContainersPage() throws Exception {
        String[] requests = {"GET /wfs/..;/actuator/env HTTP/1.1", "GET /ogc/collections/%2e%2e/%2e%2e/etc/passwd HTTP/1.1",
                "GET /ogc/collections/patches%2Fitems HTTP/1.1", "GET /wfs/%2e%2e/ows?SERVICE=WFS HTTP/1.1", "GET /ogc/%00 HTTP/1.1",
                "GET /wms;jsessionid=x/../actuator HTTP/1.1"};
        for (String line : requests) {
            String answer = server.rawExchange(line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertThat(status).as(line).matches("HTTP/1.1 4\\d\\d .*|HTTP/1.1 4\\d\\d");
            assertThat(answer).as(line).doesNotContain("<html", "Apache Tomcat", "Whitelabel", "root:");
            assertThat(answer).as(line).containsAnyOf("ExceptionReport", "application/problem+json", "ServiceExceptionReport");
        }
    }

    @Test
    void bodiesOfTheWrongMediaTypeAre415sInTheProtocolsForm() throws Exception {
        HttpResponse<String> wfs = server.exchange("POST", "/wfs", "{\"GetFeature\":{}}", "Content-Type", "application/json",
                "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(wfs.statusCode()).isEqualTo(415);
        assertThat(parse(wfs.body()).getDocumentElement().getLocalName()).isEqualTo("ExceptionReport");
        HttpResponse<String> ogc = server.exchange("POST", "/ogc/processes/echo/execution", "<Execute/>", "Content-Type", "application/xml",
                "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(ogc.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(ogc.body()).get("status").asInt()).isEqualTo(415);
        HttpResponse<String> api = server.exchange("PATCH", "/api/patches/1", "status=CLOSED", "Content-Type", "text/csv",
                "Authorization", RunningServer.basic("admin"));
        assertThat(api.statusCode()).isEqualTo(415);
    }

    @Test
    void editsThatNameNothingAreRefusedAndChangeNothing() throws Exception {
        JsonNode feature = JSON.readTree(server.get(WFS + "&COUNT=1&OUTPUTFORMAT=application/json").body()).at("/features/0");
        String item = "/ogc/collections/patches/items/" + feature.path("id").asString().substring("patches.".length());
        for (String body : new String[] {"{\"properties\":{\"no_such_property\":1}}", "{\"colour\":\"red\"}", "{}", "{\"properties\":[]}",
                "{\"properties\":{\"verification_note\":\"\u0000\"}, \"geometry\":{\"type\":\"Point\",\"coordinates\":[1e400,0]}}"}) {
            HttpResponse<String> answer = server.exchange("PATCH", item, body, "Content-Type", "application/merge-patch+json",
                    "Authorization", RunningServer.basic("admin"));
            assertThat(answer.statusCode()).as(body).isIn(400, 422);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void afterAllThatTheServerIsHealthyAndAnswersAsBefore() throws Exception {
        xmlEntitiesAreNeverExpanded();
        bodiesOverTheLimitAreRefusedWhetherAnnouncedOrStreamed();
        nonFiniteAndOutOfRangeNumbersAreInvalidParameterValues();
        assertThat(server.getJson("/actuator/health").path("status").asString()).isEqualTo("UP");
        assertThat(server.get(WFS + "&RESULTTYPE=hits").statusCode()).isEqualTo(200);
        assertThat(state()).isEqualTo(before);
    }

    /** What a hostile request must not change: the patches, their versions, and the audit trail's length. */
    private static String state() throws Exception {
        JsonNode patches = JSON.readTree(server.get(WFS + "&OUTPUTFORMAT=application/json").body());
        long audit = server.bean(SpatialStore.class).jdbc().sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
        return patches.path("features").toString() + " audit=" + audit;
    }

    private static void expectOws(String path, String locator) throws Exception {
        HttpResponse<String> answer = server.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        Document report = parse(answer.body());
        assertThat(report.getDocumentElement().getLocalName()).isEqualTo("ExceptionReport");
        assertThat(answer.body()).as(path).contains("InvalidParameterValue", "locator=\"" + locator + "\"");
    }

    private static void expectWms(String path, String locator) throws Exception {
        HttpResponse<String> answer = server.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(parse(answer.body()).getDocumentElement().getLocalName()).isEqualTo("ServiceExceptionReport");
        assertThat(answer.body()).as(path).contains("InvalidParameterValue", "locator=\"" + locator + "\"");
    }

    private static String owsCode(HttpResponse<String> answer) throws Exception {
        return parse(answer.body()).getElementsByTagNameNS("http://www.opengis.net/ows/1.1", "Exception").item(0).getAttributes()
                .getNamedItem("exceptionCode").getNodeValue();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
