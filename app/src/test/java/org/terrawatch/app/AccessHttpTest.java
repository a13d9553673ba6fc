package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.app.security.ApiKeys;
import org.terrawatch.app.security.UserDirectory;
import org.terrawatch.monitoring.organisation.ApiKey;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who reads what, on every interface, with the demo's read rules (access.yml), and the credentials of the filter chain:
 * HTTP Basic with lock-out, the browser session with CSRF, API keys, cross-site writes.
 */
class AccessHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOWNSHIP = "140321100";
    private static final String PATCH_HITS = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches"
            + "&RESULTTYPE=hits&OUTPUTFORMAT=application/json";
    private static final String PATCHES_JSON = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches"
            + "&OUTPUTFORMAT=application/json";
    private static final String MAP = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=terrawatch:patches&STYLES=&CRS=CRS:84"
            + "&BBOX=113.2,37.6,114.1,38.35&WIDTH=512&HEIGHT=512&FORMAT=image/png&TRANSPARENT=TRUE";

    @TempDir
    static Path folder;
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))),
                "--terrawatch.confidentiality.record-features-from=50", "--terrawatch.confidentiality.record-map-pixels-from=250000",
                "--terrawatch.confidentiality.watermark-roles=DUTY_OFFICER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anonymousCallersReadOnlyWhatIsPublicAndAreAskedToSignInInEachProtocolsForm() throws Exception {
        HttpResponse<String> capabilities = server.getAnonymously("/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        assertThat(capabilities.body()).contains("terrawatch:admin_units").doesNotContain("terrawatch:patches", "terrawatch:alerts");
        HttpResponse<String> features = server.getAnonymously(PATCH_HITS);
        assertThat(features.statusCode()).isEqualTo(401);
        assertThat(features.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(features.body()).contains("ows:ExceptionReport", "Sign in to read terrawatch:patches");

        HttpResponse<String> map = server.getAnonymously(MAP);
        assertThat(map.statusCode()).isEqualTo(401);
        assertThat(map.body()).contains("ServiceExceptionReport");
        assertThat(server.getAnonymously("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body())
                .contains("terrawatch:admin_units").doesNotContain("terrawatch:patches", "terrawatch:imagery");

        JsonNode collections = JSON.readTree(server.getAnonymously("/ogc/collections").body());
        assertThat(collections.get("collections").findValuesAsString("id")).containsExactly("admin_units");
        HttpResponse<String> items = server.getAnonymously("/ogc/collections/patches/items");
        assertThat(items.statusCode()).isEqualTo(401);
        assertThat(items.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(server.getAnonymously("/ogc/collections/admin_units/items?limit=1").statusCode()).isEqualTo(200);
        assertThat(server.getAnonymously("/wps?service=WPS&request=GetCapabilities").statusCode()).isEqualTo(200);
    }

    @Test
    void aTownshipReadsItsTownshipsPatchesAndADepartmentWhatIsPushedToIt() throws Exception {
        long all = hits(PATCH_HITS, RunningServer.READER);
        long inTownship = hits(PATCH_HITS + "&CQL_FILTER=" + encode("township_code LIKE '" + TOWNSHIP + "%'"), RunningServer.READER);
        long pushedToGengdi = hits(PATCH_HITS + "&CQL_FILTER=" + encode("responsible_department = 'gengdi'"), RunningServer.READER);
        assertThat(inTownship).as("the demo has patches in the township").isPositive().isLessThan(all);
        assertThat(pushedToGengdi).isPositive().isLessThan(all);

        assertThat(hits(PATCH_HITS, "guanshan")).isEqualTo(inTownship);
        JsonNode township = JSON.readTree(as("guanshan", PATCHES_JSON).body());
        assertThat(township.get("features").findValuesAsString("township_code")).allMatch(code -> code.startsWith(TOWNSHIP));
        assertThat(hits(PATCH_HITS, "gengdi")).isEqualTo(pushedToGengdi);
        JsonNode ogc = JSON.readTree(as("gengdi", "/ogc/collections/patches/items?limit=1000").body());
        assertThat(ogc.get("numberMatched").asLong()).isEqualTo(pushedToGengdi);
        assertThat(ogc.get("features").findValuesAsString("responsible_department")).containsOnly("gengdi");

        // The township's map shows its own patches and nothing else: the same pixels as the leader's map filtered to it.
        BufferedImage townshipMap = image("guanshan", MAP);
        BufferedImage filtered = image(RunningServer.READER, MAP + "&CQL_FILTER=" + encode("township_code LIKE '" + TOWNSHIP + "%'"));
        BufferedImage everything = image(RunningServer.READER, MAP);
        assertThat(MapPixels.differing(townshipMap, filtered)).isZero();
        assertThat(MapPixels.differing(townshipMap, everything)).isPositive();

        // A viewer sees every layer in maps but not as features; a handler's capabilities leave out what it may not read.
        assertThat(as("leader", PATCH_HITS).statusCode()).isEqualTo(200);
        assertThat(as("guanshan", "/wfs?SERVICE=WFS&REQUEST=GetCapabilities").body()).contains("terrawatch:patches", "terrawatch:farmland");
    }

    @Test
    void theRestApiReadsRecordsByTheSameRules() throws Exception {
        JsonNode features = JSON.readTree(as(RunningServer.READER, PATCHES_JSON + "&COUNT=1000").body()).get("features");
        String own = null;
        String other = null;
        for (JsonNode feature : features) {
            boolean inside = feature.at("/properties/township_code").asString("").startsWith(TOWNSHIP);
            String id = feature.get("id").asString().substring("patches.".length());
            own = own == null && inside ? id : own;
            other = other == null && !inside && !feature.at("/properties/responsible_department").asString("").equals("guanshan") ? id : other;
        }
        assertThat(as("guanshan", "/api/patches/" + own).statusCode()).isEqualTo(200);
        assertThat(as("guanshan", "/api/patches/" + other).statusCode()).as("another township's patch is no such patch").isEqualTo(404);
        assertThat(as("guanshan", "/api/patches/" + other + "/history").statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = server.getAnonymously("/api/patches/" + own);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();

        JsonNode orders = JSON.readTree(as(RunningServer.READER, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:work_orders"
                + "&OUTPUTFORMAT=application/json&COUNT=200").body()).get("features");
        String gengdi = null;
        String elsewhere = null;
        for (JsonNode order : orders) {
            String id = order.get("id").asString().substring("work_orders.".length());
            boolean theirs = as("gengdi", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:work_orders&RESULTTYPE=hits"
                    + "&OUTPUTFORMAT=application/json&RESOURCEID=work_orders." + id).body().contains("\"numberMatched\":1");
            gengdi = gengdi == null && theirs ? id : gengdi;
            elsewhere = elsewhere == null && !theirs ? id : elsewhere;
            if (gengdi != null && elsewhere != null) {
                break;
            }
        }
        assertThat(as("gengdi", "/api/work-orders/" + gengdi).statusCode()).isEqualTo(200);
        assertThat(as("gengdi", "/api/work-orders/" + elsewhere).statusCode()).isEqualTo(404);
        assertThat(as(RunningServer.READER, "/api/work-orders/" + elsewhere).statusCode()).isEqualTo(200);
    }

    @Test
    void processesReadOnlyWhatTheirOwnerMayRead() throws Exception {
        long all = hits(PATCH_HITS, RunningServer.READER);
        long inTownship = hits(PATCH_HITS + "&CQL_FILTER=" + encode("township_code LIKE '" + TOWNSHIP + "%'"), RunningServer.READER);
        String statistics = "{\"inputs\":{\"level\":\"township\"}}";
        assertThat(countedBy(RunningServer.READER, statistics)).isEqualTo(all);
        assertThat(countedBy("guanshan", statistics)).isEqualTo(inTownship);
        assertThat(countedBy(null, statistics)).as("anonymous reads no patch").isZero();

        JsonNode features = JSON.readTree(as(RunningServer.READER, PATCHES_JSON + "&COUNT=1000").body()).get("features");
        String own = null;
        String other = null;
        for (JsonNode feature : features) {
            boolean inside = feature.at("/properties/township_code").asString("").startsWith(TOWNSHIP);
            own = own == null && inside ? feature.at("/properties/code").asString() : own;
            other = other == null && !inside ? feature.at("/properties/code").asString() : other;
        }
        String overlay = "{\"inputs\":{\"patch\":\"%s\"}}";
        HttpResponse<String> ownOverlay = execute("guanshan", "patch-overlay", overlay.formatted(own));
        assertThat(ownOverlay.statusCode()).as(ownOverlay.body()).isEqualTo(200);
        HttpResponse<String> otherOverlay = execute("guanshan", "patch-overlay", overlay.formatted(other));
        assertThat(otherOverlay.statusCode()).isEqualTo(400);
        assertThat(otherOverlay.body()).contains("No patch " + other);
        assertThat(execute(RunningServer.READER, "patch-overlay", overlay.formatted(other)).statusCode()).isEqualTo(200);
    }

    @Test
    void bulkReadsAreRecordedForAdministratorsAndTheMapsOfMarkedRolesCarryTheirReader() throws Exception {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        long all = hits(PATCH_HITS, "analyst");
        assertThat(all).isGreaterThanOrEqualTo(50);
        assertThat(as("analyst", PATCHES_JSON).statusCode()).isEqualTo(200);
        assertThat(as("analyst", PATCHES_JSON + "&COUNT=5").statusCode()).isEqualTo(200);
        assertThat(as("analyst", PATCHES_JSON.replace("application/json", "csv") + "&COUNT=5").statusCode()).isEqualTo(200);
        assertThat(as("analyst", "/ogc/collections/patches/items?limit=60").statusCode()).isEqualTo(200);
        image("analyst", MAP);

        HttpResponse<String> refused = as("gengdi", "/api/admin/exports");
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> listed = as("admin", "/api/admin/exports?user=analyst&since=" + since);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode records = JSON.readTree(listed.body());
        assertThat(records).hasSize(4);
        assertThat(records.findValuesAsString("interface")).containsExactlyInAnyOrder("WFS", "WFS", "OGC_API", "WMS");
        assertThat(records.findValues("features").stream().map(JsonNode::asLong)).containsExactlyInAnyOrder(all, 5L, 60L);
        assertThat(records.findValuesAsString("format")).contains("csv");
        assertThat(records.findValues("pixels").stream().map(JsonNode::asLong)).containsExactly(512L * 512);
        assertThat(records.findValuesAsString("address")).containsOnly("127.0.0.1");
        assertThat(as("admin", "/api/admin/exports?limit=100000").statusCode()).isEqualTo(400);

        // The duty officer's maps carry a watermark; the same map drawn for anybody else does not.
        String admin = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=terrawatch:admin_units&STYLES=&CRS=CRS:84"
                + "&BBOX=113.2,37.6,114.1,38.35&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE";
        BufferedImage marked = image("duty", admin);
        assertThat(MapPixels.differing(image("analyst", admin), image("leader", admin))).isZero();
        assertThat(MapPixels.differing(marked, image("analyst", admin))).isGreaterThan(300);
    }

    /** The patches an area-statistics run counts for the user (null: anonymous). */
    private static long countedBy(String user, String request) throws Exception {
        HttpResponse<String> answer = execute(user, "area-statistics", request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        long counted = 0;
        for (JsonNode row : JSON.readTree(answer.body()).get("rows")) {
            counted += row.get("patches").asLong();
        }
        return counted;
    }

    private static HttpResponse<String> execute(String user, String process, String request) throws Exception {
        return user == null ? server.exchange("POST", "/ogc/processes/" + process + "/execution", request, "Content-Type", "application/json")
                : server.exchange("POST", "/ogc/processes/" + process + "/execution", request, "Content-Type", "application/json",
                        "Authorization", RunningServer.basic(user));
    }

    @Test
    void wrongPasswordsAreRefusedAndRepeatedFailuresLockTheAccountForAWhile() throws Exception {
        HttpResponse<String> wrong = server.exchange("GET", PATCH_HITS, null, "Authorization", basic("field", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong user name or password");
        for (int i = 0; i < 5; i++) {
            server.exchange("GET", PATCH_HITS, null, "Authorization", basic("field", "nope" + i));
        }
        HttpResponse<String> locked = server.exchange("GET", PATCH_HITS, null, "Authorization", RunningServer.basic("field"));
        assertThat(locked.statusCode()).as("even the right password waits out the lock").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed sign-ins for field");
        assertThat(as("gengdi", PATCH_HITS).statusCode()).as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void aBrowserSessionNeedsItsCsrfTokenToWriteAndEndsWhenTheUserIsDisabled() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode before = JSON.readTree(send(browser, "GET", "/api/session", null).body());
        assertThat(before.get("signedIn").asBoolean()).isFalse();
        String header = before.get("csrf").get("header").asString();
        HttpResponse<String> forged = send(browser, "POST", "/api/session", "{\"username\":\"analyst\",\"password\":\"demo@2026\"}");
        assertThat(forged.statusCode()).as("signing in within a session needs its token too").isEqualTo(403);
        HttpResponse<String> signedIn = send(browser, "POST", "/api/session", "{\"username\":\"analyst\",\"password\":\"demo@2026\"}",
                header, before.get("csrf").get("token").asString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(signedIn.body());
        assertThat(session.get("user").get("roles").toString()).contains("ANALYST");
        String token = session.get("csrf").get("token").asString();

        assertThat(send(browser, "GET", PATCH_HITS, null).statusCode()).as("the session reads").isEqualTo(200);
        String patch = JSON.readTree(send(browser, "GET", PATCHES_JSON + "&COUNT=1&CQL_FILTER=" + encode("status = 'NEW'"), null).body()).get("features").get(0).get("id").asString();
        String change = "{\"precheck_note\":\"会话修改\"}";
        String path = "/api/patches/" + patch.substring(patch.indexOf('.') + 1);
        HttpResponse<String> withoutToken = send(browser, "PATCH", path, change);
        assertThat(withoutToken.statusCode()).as("a write without the token").isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF");
        HttpResponse<String> withToken = send(browser, "PATCH", path, change, header, token);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);

        SpatialStore store = server.bean(SpatialStore.class);
        OrganisationRepository organisation = new OrganisationRepository(store);
        User analyst = organisation.user("analyst").orElseThrow();
        organisation.save(new User(analyst.username(), analyst.displayName(), analyst.departmentCode(), analyst.passwordHash(), false,
                analyst.roles(), analyst.jurisdictions()));
        server.bean(UserDirectory.class).forget("analyst");
        try {
            assertThat(send(browser, "GET", PATCH_HITS, null).statusCode()).as("a disabled user's session ends at once").isEqualTo(401);
            assertThat(server.exchange("GET", PATCH_HITS, null, "Authorization", RunningServer.basic("analyst")).statusCode()).isEqualTo(401);
        } finally {
            organisation.save(analyst);
            server.bean(UserDirectory.class).forget("analyst");
        }
    }

    @Test
    void aBrowserMayNotWriteFromAnotherSiteEvenWithBasicCredentials() throws Exception {
        String transaction = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"/>";
        HttpResponse<String> fromElsewhere = server.exchange("POST", "/wfs", transaction, "Content-Type", "application/xml",
                "Authorization", RunningServer.basic("analyst"), "Origin", "http://evil.example");
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.body()).contains("ExceptionReport", "another site");
        assertThat(server.exchange("POST", "/wfs", transaction, "Content-Type", "application/xml", "Authorization",
                RunningServer.basic("analyst"), "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(server.exchange("POST", "/wfs", transaction, "Content-Type", "application/xml", "Authorization",
                RunningServer.basic("analyst")).statusCode()).as("a GIS client sends no Origin").isEqualTo(200);
    }

    @Test
    void aBrowserGetsTheWebUiAndItsNamesWhileOtherClientsGetTheLandingJson() throws Exception {
        HttpResponse<String> page = server.exchange("GET", "/", null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("assets/index-[\\w-]+\\.js").matcher(page.body());
        assertThat(script.find()).as("the page names its hashed entry script").isTrue();
        HttpResponse<String> asset = server.getAnonymously("/" + script.group());
        assertThat(asset.statusCode()).as("assets need no sign-in").isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
        assertThat(JSON.readTree(server.exchange("GET", "/", null, "Accept", "application/json").body()).get("links")).isNotEmpty();

        JsonNode zh = JSON.readTree(server.exchange("GET", "/api/labels?lang=zh", null, "Authorization", RunningServer.basic("field")).body());
        JsonNode en = JSON.readTree(server.exchange("GET", "/api/labels?lang=en", null, "Authorization", RunningServer.basic("field")).body());
        assertThat(zh.get("WorkOrderState.ACCEPTED").asString()).isEqualTo("已签收");
        assertThat(en.get("WorkOrderState.ACCEPTED").asString()).isNotEqualTo("已签收");
        JsonNode organisation = JSON.readTree(server.exchange("GET", "/api/organisation", null, "Authorization", RunningServer.basic("field")).body());
        assertThat(organisation.get("departments").findValuesAsString("code")).contains("zhifa", "gengdi");
        assertThat(organisation.get("workingGroups").findValuesAsString("code")).contains("ziranziyuan");
        assertThat(organisation.toString()).as("no telephone numbers").doesNotContain("phone");
    }

    @Test
    void apiKeysActOnlyOnTheirPathsAndLayersAndAreRefusedOnceRevoked() throws Exception {
        String demoKey = "Bearer tw_tietacam_demo-camera-platform-2026";
        HttpResponse<String> outside = server.exchange("GET", PATCH_HITS, null, "Authorization", demoKey);
        assertThat(outside.statusCode()).as("the camera platform's key may call only its paths").isEqualTo(403);
        assertThat(outside.body()).contains("may not call /wfs");
        assertThat(server.exchange("GET", PATCH_HITS, null, "Authorization", "Bearer tw_tietacam_wrong").statusCode()).isEqualTo(401);

        ApiKeys keys = server.bean(ApiKeys.class);
        ApiKeys.Created agency = keys.create(new ApiKey("template", "市应急局 / emergency bureau", "0".repeat(64), Set.of(Role.LEADER),
                null, null, Set.of("/wfs", "/ogc"), Set.of("cameras", "admin_units"), false, "admin", null, null, null, null));
        String bearer = "Bearer " + agency.token();
        assertThat(agency.key().secretDigest()).as("only a digest is kept").doesNotContain(agency.token().substring(20));
        assertThat(server.exchange("GET", "/ogc/collections/cameras/items", null, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(server.exchange("GET", PATCH_HITS, null, "Authorization", bearer).statusCode())
                .as("a leader's role, but not a layer of the key").isEqualTo(403);
        HttpResponse<String> write = server.exchange("PATCH", "/ogc/collections/cameras/items/1", "{\"properties\":{\"name\":\"x\"}}",
                "Authorization", bearer, "Content-Type", "application/merge-patch+json");
        assertThat(write.statusCode()).as("a read-only key writes nothing").isIn(403, 405);
        assertThat(keys.repository().find(agency.key().id()).orElseThrow().lastUsedAt()).isNotNull();
        keys.revoke(agency.key().id(), java.time.Instant.now());
        assertThat(server.exchange("GET", "/ogc/collections/cameras/items", null, "Authorization", bearer).statusCode()).isEqualTo(401);
    }

    @Test
    void administratorsOpenAndCloseAccountsAndKeysAtOnceAndEveryChangeIsAudited() throws Exception {
        String admin = RunningServer.basic("admin");
        assertThat(server.getAnonymously("/api/admin/users").statusCode()).isEqualTo(401);
        assertThat(as("leader", "/api/admin/users").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(as("admin", "/api/admin/users").body()).findValuesAsString("username")).contains("guanshan", "leader");
        assertThat(JSON.readTree(as("admin", "/api/admin/users").body()).toString()).doesNotContain("bcrypt");

        String account = "{\"username\":\"yixi\",\"displayName\":\"冶西镇核查员\",\"department\":\"gengdi\","
                + "\"roles\":[\"DEPARTMENT_HANDLER\"],\"jurisdictions\":[\"140321101\"],\"password\":\"%s\"}";
        HttpResponse<String> weak = server.exchange("POST", "/api/admin/users", account.formatted("short1!"), "Authorization", admin,
                "Content-Type", "application/json");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("at least 10");
        HttpResponse<String> created = server.exchange("POST", "/api/admin/users", account.formatted("Field-Check-2026"), "Authorization",
                admin, "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String yixi = basic("yixi", "Field-Check-2026");
        HttpResponse<String> reads = server.exchange("GET", PATCH_HITS, null, "Authorization", yixi);
        assertThat(reads.statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = server.exchange("PATCH", "/api/admin/users/yixi", "{\"enabled\":false}", "Authorization", admin,
                "Content-Type", "application/json");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(server.exchange("GET", PATCH_HITS, null, "Authorization", yixi).statusCode()).as("closed at once").isEqualTo(401);

        HttpResponse<String> key = server.exchange("POST", "/api/admin/api-keys", "{\"name\":\"省厅监管平台\",\"roles\":[\"LEADER\"],"
                + "\"paths\":[\"/ogc\"],\"layers\":[\"admin_units\"]}", "Authorization", admin, "Content-Type", "application/json");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        JsonNode shown = JSON.readTree(key.body());
        String bearer = "Bearer " + shown.get("token").asString();
        assertThat(server.exchange("GET", "/ogc/collections/admin_units/items?limit=1", null, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(as("admin", "/api/admin/api-keys").body()).contains(shown.get("id").asString()).doesNotContain(shown.get("token").asString());
        assertThat(server.exchange("DELETE", "/api/admin/api-keys/" + shown.get("id").asString(), null, "Authorization", admin).statusCode())
                .isEqualTo(204);
        assertThat(server.exchange("GET", "/ogc/collections/admin_units/items?limit=1", null, "Authorization", bearer).statusCode()).isEqualTo(401);

        var audit = new org.terrawatch.monitoring.audit.AuditLog(server.bean(SpatialStore.class));
        assertThat(audit.history("ACCOUNT", 0)).extracting(e -> e.action() + " " + e.after().get("username"))
                .contains("CREATE yixi", "UPDATE yixi");
        assertThat(audit.history("API_KEY", 0)).extracting(e -> e.action()).contains("CREATE", "REVOKE");
    }

    private static long hits(String path, String user) throws Exception {
        HttpResponse<String> response = as(user, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("numberMatched").asLong();
    }

    private static HttpResponse<String> as(String user, String path) throws Exception {
        return server.exchange("GET", path, null, "Authorization", RunningServer.basic(user));
    }

    private static BufferedImage image(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", RunningServer.basic(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
