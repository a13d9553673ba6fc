package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WPS 1.0.0 and OGC API - Processes over HTTP: documents valid against the WPS schemas; echo by KVP and XML, raw
 * and document outputs, lineage; asynchronous runs with a status location and job status; errors in each
 * protocol's form (OWS 1.1 report with locator, problem JSON with the OGC exception type); runs that change data
 * need a signed-in analyst; a dismissed job stays dismissed; a job survives a server restart.
 */
class ProcessesHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ECHO_XML = """
            <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0"
                xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink">
              <ows:Identifier>echo</ows:Identifier>
              <wps:DataInputs>
                <wps:Input><ows:Identifier>string_input</ows:Identifier><wps:Data><wps:LiteralData>平定县</wps:LiteralData></wps:Data></wps:Input>
                <wps:Input><ows:Identifier>bbox_input</ows:Identifier><wps:Data>
                  <wps:BoundingBoxData crs="urn:ogc:def:crs:EPSG::4490" dimensions="2">
                    <ows:LowerCorner>37.7 113.5</ows:LowerCorner><ows:UpperCorner>37.8 113.6</ows:UpperCorner>
                  </wps:BoundingBoxData></wps:Data></wps:Input>
                <wps:Input><ows:Identifier>complex_input</ows:Identifier><wps:Data>
                  <wps:ComplexData mimeType="text/xml"><note xmlns="urn:example"><to>duty</to></note></wps:ComplexData></wps:Data></wps:Input>
              </wps:DataInputs>
              <wps:ResponseForm><wps:ResponseDocument lineage="true"/></wps:ResponseForm>
            </wps:Execute>""";

    static Path folder;
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("terrawatch-processes-");
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void wpsDocumentsAreValidAgainstTheSchemas() throws Exception {
        HttpResponse<String> capabilities = server.get("/wps?service=WPS&request=GetCapabilities");
        assertThat(capabilities.statusCode()).isEqualTo(200);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wps/1.0.0/wpsGetCapabilities_response.xsd"), capabilities.body())).isEmpty();
        assertThat(capabilities.body()).contains("<ows:Identifier>change-detection</ows:Identifier>", "<ows:Identifier>echo</ows:Identifier>");
        assertThat(server.get("/ows?service=WPS&request=GetCapabilities").body()).isEqualTo(capabilities.body());

        HttpResponse<String> described = server.get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=ALL");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wps/1.0.0/wpsDescribeProcess_response.xsd"), described.body())).isEmpty();
        assertThat(described.body()).contains("<BoundingBoxData>", "<MimeType>image/tiff</MimeType>", "<ows:Value>township</ows:Value>");

        HttpResponse<String> executed = server.post("/wps", ECHO_XML);
        Schema execute = OgcSchemas.schema("wps/1.0.0/wpsExecute_response.xsd");
        assertThat(OgcSchemas.errors(execute, executed.body())).isEmpty();
        assertThat(executed.body()).contains("<wps:ProcessSucceeded>", "<wps:LiteralData dataType=\"xs:string\">平定县</wps:LiteralData>",
                "<ows:LowerCorner>37.7 113.5</ows:LowerCorner>", "<to>duty</to>", "<wps:DataInputs>", "<wps:OutputDefinitions>");

        HttpResponse<String> failed = server.get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo&DataInputs=double_input=lots");
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("ows/1.1.0/owsExceptionReport.xsd"), failed.body())).isEmpty();
        assertThat(failed.body()).contains("exceptionCode=\"InvalidParameterValue\"", "locator=\"double_input\"", "version=\"1.0.0\"");
    }

    @Test
    void wpsExecutesByKvpWithRawOutputAndAsynchronouslyWithAStatusLocation() throws Exception {
        HttpResponse<String> raw = server.get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo"
                + "&DataInputs=" + URLEncoder.encode("string_input=a%3Bb;double_input=4", StandardCharsets.UTF_8) + "&RawDataOutput=string_output");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo("a;b");

        HttpResponse<String> accepted = server.get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo"
                + "&DataInputs=string_input=later;pause_seconds=2&storeExecuteResponse=true&status=true");
        assertThat(accepted.body()).contains("<wps:ProcessAccepted>", "statusLocation=\"");
        String location = accepted.body().replaceAll("(?s).*statusLocation=\"([^\"]+)\".*", "$1");
        String path = location.substring(location.indexOf("/wps/jobs/"));
        String document = "";
        for (int i = 0; i < 100 && !document.contains("ProcessSucceeded"); i++) {
            Thread.sleep(100);
            document = server.get(path).body();
        }
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wps/1.0.0/wpsExecute_response.xsd"), document)).isEmpty();
        assertThat(document).contains("<wps:ProcessSucceeded>", ">later</wps:LiteralData>");
        assertThat(server.get(path + "/outputs/string_output").body()).isEqualTo("later");
        assertThat(server.get("/wps/jobs/nope").statusCode()).isEqualTo(404);
        assertThat(server.get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo&status=true").body())
                .contains("storeExecuteResponse");
        assertThat(server.get("/wps?service=WPS&version=2.0.0&request=DescribeProcess&identifier=echo").body())
                .contains("VersionNegotiationFailed");
        assertThat(server.get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=buffer").body())
                .contains("InvalidParameterValue", "No process buffer");
    }

    @Test
    void theStatusDocumentOfAStoredRunAnswersAsTheRequestAsked() throws Exception {
        String execute = ECHO_XML.replace("<wps:ResponseForm><wps:ResponseDocument lineage=\"true\"/></wps:ResponseForm>", """
                <wps:ResponseForm><wps:ResponseDocument storeExecuteResponse="true" status="true" lineage="true">
                  <wps:Output asReference="true"><ows:Identifier>string_output</ows:Identifier></wps:Output>
                  <wps:Output><ows:Identifier>bbox_output</ows:Identifier></wps:Output>
                </wps:ResponseDocument></wps:ResponseForm>""");
        HttpResponse<String> accepted = server.post("/wps", execute);
        assertThat(accepted.body()).contains("<wps:ProcessAccepted>", "statusLocation=\"");
        String location = accepted.body().replaceAll("(?s).*statusLocation=\"([^\"]+)\".*", "$1");
        String document = "";
        for (int i = 0; i < 100 && !document.contains("ProcessSucceeded"); i++) {
            Thread.sleep(100);
            document = server.get(location.substring(location.indexOf("/wps/jobs/"))).body();
        }
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wps/1.0.0/wpsExecute_response.xsd"), document)).isEmpty();
        assertThat(document).contains("<wps:ProcessSucceeded>", "<wps:DataInputs>", "<wps:OutputDefinitions>",
                "<ows:LowerCorner>37.7 113.5</ows:LowerCorner>", "/outputs/string_output\"");
        String outputs = document.substring(document.indexOf("<wps:ProcessOutputs>"));
        assertThat(outputs).as("only the outputs asked for, the string by reference")
                .contains("<ows:LowerCorner>37.7 113.5</ows:LowerCorner>")
                .doesNotContain("<to>duty</to>", ">平定县</wps:LiteralData>", "complex_output");
        String reference = document.replaceAll("(?s).*<wps:Reference href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(server.get(reference.substring(reference.indexOf("/wps/jobs/"))).body()).isEqualTo("平定县");
    }

    @Test
    void anAnonymousRunReadsAReferenceToTheServersOwnWfsAnonymously() throws Exception {
        String page = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&COUNT=1&SORTBY=code"
                + "&OUTPUTFORMAT=application/json";
        HttpResponse<String> echoed = server.get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=echo&DataInputs="
                + URLEncoder.encode("complex_input=@xlink:href=" + server.url(page), StandardCharsets.UTF_8) + "&RawDataOutput=complex_output");
        assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(200);
        assertThat(JSON.readTree(echoed.body()).get("features")).isEqualTo(server.getJson(page).get("features"));
    }

    @Test
    void runsThatChangeDataNeedASignedInAnalyst() throws Exception {
        String kvp = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=change-detection"
                + "&DataInputs=before_epoch=DEMO-2026-09-20;after_epoch=DEMO-2026-10-18";
        HttpResponse<String> anonymous = server.getAnonymously(kvp);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        HttpResponse<String> field = server.exchange("GET", kvp, null, "Authorization", RunningServer.basic("field"));
        assertThat(field.statusCode()).isEqualTo(403);
        assertThat(field.body()).contains("may not create patches");
        // Only looking changes nothing: anyone may.
        HttpResponse<String> look = server.get(kvp + ";insert=false&RawDataOutput=summary");
        assertThat(look.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(look.body()).get("stored").asBoolean()).isFalse();
    }

    @Test
    void ogcApiProcessesListsDescribesAndExecutes() throws Exception {
        assertThat(server.getJson("/ogc/conformance").get("conformsTo").toString())
                .contains("ogcapi-processes-1/1.0/conf/core", "ogcapi-processes-1/1.0/conf/job-list", "ogcapi-processes-1/1.0/conf/dismiss");
        assertThat(server.getJson("/ogc").get("links").toString()).contains("http://www.opengis.net/def/rel/ogc/1.0/processes");
        assertThat(server.getJson("/ogc/api").get("paths").propertyNames()).contains("/processes", "/processes/{processID}/execution",
                "/jobs/{jobId}", "/jobs/{jobId}/results");
        JsonNode list = server.getJson("/ogc/processes");
        assertThat(list.get("processes").findValuesAsString("id")).contains("change-detection", "area-statistics", "echo");
        JsonNode echo = server.getJson("/ogc/processes/echo");
        assertThat(echo.at("/inputs/bbox_input/schema/allOf/0/format").asString()).isEqualTo("ogc-bbox");
        assertThat(echo.at("/inputs/bbox_input/schema/allOf/1/required").toString()).contains("bbox");
        assertThat(echo.at("/inputs/pause_seconds/schema/default").asInt()).isZero();

        HttpResponse<String> document = server.exchange("POST", "/ogc/processes/echo/execution",
                "{\"inputs\":{\"string_input\":\"x\",\"double_input\":1.5,\"bbox_input\":{\"bbox\":[113.5,37.7,113.6,37.8]},"
                        + "\"complex_input\":{\"type\":\"Point\",\"coordinates\":[113.5,37.7]}},\"response\":\"document\"}", "Content-Type", "application/json");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(document.body());
        assertThat(results.get("string_output").asString()).isEqualTo("x");
        assertThat(results.get("double_output").asDouble()).isEqualTo(1.5);
        assertThat(results.at("/bbox_output/bbox").toString()).isEqualTo("[113.5,37.7,113.6,37.8]");
        assertThat(results.at("/complex_output/type").asString()).isEqualTo("Point");

        HttpResponse<String> statistics = server.exchange("POST", "/ogc/processes/area-statistics/execution", "{\"inputs\":{\"level\":\"county\"}}",
                "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(statistics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(statistics.body()).get("rows").size()).isGreaterThan(1);

        // A complex input declared JSON whose value is a plain string (as the OGC test suite sends it) is that JSON string.
        HttpResponse<String> plain = server.exchange("POST", "/ogc/processes/echo/execution",
                "{\"inputs\":{\"complex_input\":{\"value\":\"teststring\",\"mediaType\":\"application/json\"}}}", "Content-Type", "application/json");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(plain.body()).as("the echoed JSON string").isEqualTo("\"teststring\"");

        HttpResponse<String> bad = server.exchange("POST", "/ogc/processes/echo/execution", "{\"inputs\":{\"double_input\":\"many\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asString()).contains("double_input");
        HttpResponse<String> unknown = server.exchange("POST", "/ogc/processes/buffer/execution", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).endsWith("/no-such-process");
        assertThat(server.exchange("POST", "/ogc/processes/change-detection/execution", "{\"inputs\":{\"task\":\"M2026-10\"}}").statusCode())
                .isEqualTo(401);
    }

    /** The defects the OGC API – Processes suite found, each checked here between runs of the suite. */
    @Test
    void answersAsTheProcessesSuiteExpects() throws Exception {
        JsonNode one = server.getJson("/ogc/processes?limit=1");
        assertThat(one.path("processes").size()).isEqualTo(1);
        String next = one.path("links").findValuesAsString("href").stream().filter(h -> h.contains("offset=1")).findFirst().orElseThrow();
        JsonNode second = server.getJson(next.substring(next.indexOf("/ogc")));
        assertThat(second.path("processes").size()).isEqualTo(1);
        assertThat(second.at("/processes/0/id").asString()).isNotEqualTo(one.at("/processes/0/id").asString());
        assertThat(server.get("/ogc/processes?limit=0").statusCode()).isEqualTo(400);
        // an execute request that is not one is refused, not run with default inputs
        HttpResponse<String> invalid = server.exchange("POST", "/ogc/processes/echo/execution", "{\"invalid-execute-request\":\"true)\"}",
                "Content-Type", "application/json");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("detail").asString()).contains("invalid-execute-request");
        // raw results of several outputs are the parts of a multipart/related body, each named by its Content-ID
        HttpResponse<String> parts = server.exchange("POST", "/ogc/processes/echo/execution",
                "{\"inputs\":{\"string_input\":\"teststring\",\"double_input\":2.5},\"response\":\"raw\"}", "Content-Type", "application/json");
        assertThat(parts.statusCode()).isEqualTo(200);
        String type = parts.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/related");
        String boundary = type.replaceFirst(".*boundary=\"([^\"]+)\".*", "$1");
        assertThat(parts.body().split("--" + boundary)).hasSize(4); // preamble, two parts, the closing delimiter
        assertThat(parts.body()).contains("Content-ID: <string_output>", "teststring", "Content-ID: <double_output>", "2.5");
        // a media type the input does not take, with nothing it would describe, is refused
        HttpResponse<String> wrongType = server.exchange("POST", "/ogc/processes/echo/execution",
                "{\"inputs\":{\"complex_input\":{\"type\":\"wrong/type_1\"}}}", "Content-Type", "application/json");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("detail").asString()).contains("wrong/type_1");
        // errors come as problem details, or as plain JSON to a client that accepts only that
        HttpResponse<String> problem = server.exchange("GET", "/ogc/processes/buffer", null);
        assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> plain = server.exchange("GET", "/ogc/processes/buffer", null, "Accept", "application/json");
        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(JSON.readTree(plain.body()).path("type").asString()).endsWith("/no-such-process");
    }

    @Test
    void ogcApiJobsRunAsynchronouslyAndCanBeDismissed() throws Exception {
        HttpResponse<String> created = server.exchange("POST", "/ogc/processes/echo/execution",
                "{\"inputs\":{\"string_input\":\"queued\",\"double_input\":2.5,\"pause_seconds\":1},\"outputs\":{\"string_output\":{}}}",
                "Prefer", "respond-async", "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String job = location.substring(location.indexOf("/ogc/jobs/"));
        assertThat(server.get(job + "/results").statusCode()).isEqualTo(404);
        JsonNode status = awaitJob(job);
        assertThat(status.get("status").asString()).isEqualTo("successful");
        assertThat(status.get("links").toString()).contains("/results");
        JsonNode results = server.getJson(job + "/results");
        assertThat(results.get("string_output").asString()).isEqualTo("queued");
        assertThat(results.has("double_output")).as("only the outputs the execute request asked for").isFalse();
        assertThat(server.getJson("/ogc/jobs").get("jobs").findValuesAsString("jobID")).contains(status.get("jobID").asString());

        HttpResponse<String> slow = server.exchange("POST", "/ogc/processes/echo/execution", "{\"inputs\":{\"pause_seconds\":30}}",
                "Prefer", "respond-async", "Authorization", RunningServer.basic(RunningServer.READER));
        String slowJob = slow.headers().firstValue("Location").orElseThrow().replaceAll(".*(/ogc/jobs/.*)", "$1");
        // A job is its owner's: to anybody else (anonymous, another user) it is no such job, neither shown nor dismissed.
        assertThat(server.getAnonymously(slowJob).statusCode()).isEqualTo(404);
        assertThat(server.exchange("DELETE", slowJob, null).statusCode()).isEqualTo(404);
        assertThat(server.exchange("DELETE", slowJob, null, "Authorization", RunningServer.basic("gengdi")).statusCode()).isEqualTo(404);
        assertThat(server.getAnonymously("/ogc/jobs").body()).doesNotContain(slowJob.substring("/ogc/jobs/".length()));
        JsonNode underWay = server.getJson(slowJob);
        assertThat(underWay.get("status").asString()).isIn("accepted", "running");
        // A job under way links where to follow it.
        assertThat(underWay.get("links").findValuesAsString("rel")).contains("self", "monitor");
        HttpResponse<String> dismissed = server.exchange("DELETE", slowJob, null, "Authorization", RunningServer.basic(RunningServer.READER));
        assertThat(JSON.readTree(dismissed.body()).get("status").asString()).isEqualTo("dismissed");
        Thread.sleep(1500);
        JsonNode over = server.getJson(slowJob);
        assertThat(over.get("status").asString()).isEqualTo("dismissed");
        assertThat(over.get("links").findValuesAsString("rel")).doesNotContain("monitor");
        HttpResponse<String> missing = server.get("/ogc/jobs/no-such-job");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("type").asString()).endsWith("/no-such-job");
    }

    @Test
    void aJobSurvivesAServerRestart() throws Exception {
        HttpResponse<String> created = server.exchange("POST", "/ogc/processes/echo/execution",
                "{\"inputs\":{\"string_input\":\"across a restart\",\"pause_seconds\":4}}", "Prefer", "respond-async",
                "Authorization", RunningServer.basic(RunningServer.READER));
        String job = created.headers().firstValue("Location").orElseThrow().replaceAll(".*(/ogc/jobs/.*)", "$1");
        for (int i = 0; i < 50 && !server.getJson(job).get("status").asString().equals("running"); i++) {
            Thread.sleep(100);
        }
        server.close();
        server = RunningServer.start(folder.resolve("data"));
        JsonNode status = awaitJob(job);
        assertThat(status.get("status").asString()).isEqualTo("successful");
        assertThat(server.getJson(job + "/results").get("string_output").asString()).isEqualTo("across a restart");
    }

    static JsonNode awaitJob(String path) throws Exception {
        JsonNode status = server.getJson(path);
        for (int i = 0; i < 300 && !status.get("status").asString().matches("successful|failed|dismissed"); i++) {
            Thread.sleep(100);
            status = server.getJson(path);
        }
        return status;
    }
}
