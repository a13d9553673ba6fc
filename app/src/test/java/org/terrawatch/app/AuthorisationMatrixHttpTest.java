package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation matrix over every interface — WFS, WFS-T, WMS, OGC API Features and Processes, REST and the admin
 * API — for every demo role and for anonymous callers: each check names who is allowed, everybody else must be refused
 * (401 anonymous, 403 or 404 signed in, or the workflow's 422), and a refused write must leave the store exactly as
 * it was (every patch, work order, user and audit entry compared before and after).
 */
class AuthorisationMatrixHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ANONYMOUS = "anonymous";
    /** The demo's users and, for reading the matrix, their roles. */
    private static final Map<String, String> USERS = users();
    private static final String TOWNSHIP = "140321100";
    private static final String WFS2 = "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
            + "xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:terrawatch=\"http://terrawatch.org/terrawatch\"";

    @TempDir
    static Path folder;
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(ANONYMOUS, "nobody signed in");
        users.put("admin", "ADMIN");
        users.put("duty", "DUTY_OFFICER");
        users.put("analyst", "ANALYST");
        users.put("leader", "LEADER, VIEWER");
        users.put("gengdi", "DEPARTMENT_HANDLER of the farmland section");
        users.put("field", "FIELD_STAFF of the enforcement team");
        users.put("guanshan", "DEPARTMENT_HANDLER of Guanshan town");
        return users;
    }

    @Test
    void readsAreGrantedByRoleAndScopedByJurisdictionAndDepartment() throws Exception {
        Set<String> signedIn = Set.of("admin", "duty", "analyst", "leader", "gengdi", "field", "guanshan");
        Set<String> wholeReaders = Set.of("admin", "duty", "analyst");
        String hits = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESULTTYPE=hits&OUTPUTFORMAT=application/json&TYPENAMES=terrawatch:";
        read("WFS patches", hits + "patches", Set.of("admin", "duty", "analyst", "leader", "gengdi", "field", "guanshan"));
        read("WFS work orders", hits + "work_orders", Set.of("admin", "duty", "analyst", "leader", "gengdi", "field", "guanshan"));
        read("WFS farmland (base data)", hits + "farmland", signedIn);
        read("WFS admin units (public)", hits + "admin_units", USERS.keySet());
        read("OGC API patches", "/ogc/collections/patches/items?limit=1", Set.of("admin", "duty", "analyst", "leader", "gengdi", "field", "guanshan"));
        read("OGC API admin units", "/ogc/collections/admin_units/items?limit=1", USERS.keySet());
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=CRS:84&BBOX=113.2,37.6,114.1,38.35&WIDTH=64&HEIGHT=64"
                + "&FORMAT=image/png&LAYERS=terrawatch:";
        read("WMS patches", map + "patches", signedIn);
        read("WMS imagery", map + "imagery", signedIn);
        read("WMS admin units", map + "admin_units", USERS.keySet());
        read("admin API: users", "/api/admin/users", Set.of("admin"));
        read("admin API: exports", "/api/admin/exports", Set.of("admin"));

        // What is granted in part is scoped: the township its township, the department what was pushed to it.
        long all = count(hits + "patches", "admin");
        for (String user : wholeReaders) {
            assertThat(count(hits + "patches", user)).as(user).isEqualTo(all);
        }
        assertThat(count(hits + "patches", "guanshan")).isPositive().isLessThan(all)
                .isEqualTo(count(hits + "patches&CQL_FILTER=" + encode("township_code LIKE '" + TOWNSHIP + "%'"), "admin"));
        assertThat(count(hits + "patches", "gengdi")).isPositive().isLessThan(all)
                .isEqualTo(count(hits + "patches&CQL_FILTER=" + encode("responsible_department = 'gengdi'"), "admin"));
        // A viewer (the leader) sees patches drawn in maps and, as features, only what another rule grants it: here all.
        assertThat(count(hits + "patches", "leader")).isEqualTo(all);
    }

    @Test
    void writesAreGrantedByLayerRoleAndWorkflowAndARefusedWriteChangesNothing() throws Exception {
        // Creating a patch is the satellite centre's (analysts, administrators), through every interface.
        write("WFS-T Insert of a patch", Set.of("admin", "analyst"), user -> wfsT(user, "<wfs:Insert><terrawatch:patches><terrawatch:geom>"
                + "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:exterior><gml:LinearRing><gml:posList>37.85 113.60 37.85 113.602 "
                + "37.8515 113.602 37.8515 113.60 37.85 113.60</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></terrawatch:geom>"
                + "<terrawatch:change_type>NEW_BUILDING</terrawatch:change_type><terrawatch:after_date>2026-11-15</terrawatch:after_date>"
                + "</terrawatch:patches></wfs:Insert>"));
        write("OGC API POST of a patch", Set.of("admin", "analyst"), user -> send(user, "POST", "/ogc/collections/patches/items",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.60,37.86],[113.602,37.86],[113.602,37.8615],"
                        + "[113.60,37.8615],[113.60,37.86]]]},\"properties\":{\"change_type\":\"LAND_LEVELLING\",\"after_date\":\"2026-11-10\"}}",
                "application/geo+json"));

        // The office pre-check note of a new patch: the satellite centre's.
        String fresh = key(patches("status = 'NEW'").get(0));
        write("WFS-T Update of a new patch's pre-check note", Set.of("admin", "analyst"),
                user -> wfsT(user, update("patches." + fresh, "precheck_note", "初核 " + user)));
        write("OGC API PATCH of a new patch's pre-check note", Set.of("admin", "analyst"),
                user -> send(user, "PATCH", "/ogc/collections/patches/items/" + fresh, "{\"properties\":{\"precheck_note\":\"初核 " + user + "\"}}",
                        "application/merge-patch+json"));
        write("REST PATCH of a new patch's pre-check note", Set.of("admin", "analyst"),
                user -> send(user, "PATCH", "/api/patches/" + fresh, "{\"precheck_note\":\"初核 " + user + "\"}", "application/json"));

        // The verification of a patch pushed to the farmland section (outside Guanshan town): that section's, and administrators'.
        String pushed = key(patches("status = 'VERIFYING' AND responsible_department = 'gengdi'").stream()
                .filter(p -> !p.at("/properties/township_code").asString("").startsWith(TOWNSHIP)).findFirst().orElseThrow());
        write("WFS-T Update of a verification note", Set.of("admin", "gengdi"),
                user -> wfsT(user, update("patches." + pushed, "verification_note", "核查 " + user)));
        write("OGC API PATCH of a verification note", Set.of("admin", "gengdi"),
                user -> send(user, "PATCH", "/ogc/collections/patches/items/" + pushed, "{\"properties\":{\"verification_note\":\"核查 " + user
                        + "\"}}", "application/merge-patch+json"));
        write("REST PATCH of a verification note", Set.of("admin", "gengdi"),
                user -> send(user, "PATCH", "/api/patches/" + pushed, "{\"verification_note\":\"核查 " + user + "\"}", "application/json"));
        write("WFS-T Delete of a patch", Set.of("admin"), user -> wfsT(user, "<wfs:Delete typeName=\"terrawatch:patches\"><fes:Filter>"
                + "<fes:ResourceId rid=\"patches." + pushed + "\"/></fes:Filter></wfs:Delete>"));

        // A work order's deadline while it is being handled: the duty desk's.
        String order = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:work_orders&OUTPUTFORMAT=application/json"
                + "&CQL_FILTER=" + encode("state = 'ACCEPTED'")).at("/features/0/id").asString().substring("work_orders.".length());
        write("WFS-T Update of a work order's deadline", Set.of("admin", "duty"), user -> wfsT(user, "<wfs:Update typeName=\"terrawatch:work_orders\">"
                + "<wfs:Property><wfs:ValueReference>deadline</wfs:ValueReference><wfs:Value>2026-12-2" + (user.length() % 9) + "T10:00:00Z</wfs:Value>"
                + "</wfs:Property><fes:Filter><fes:ResourceId rid=\"work_orders." + order + "\"/></fes:Filter></wfs:Update>"));
        write("REST PATCH of a work order's deadline", Set.of("admin", "duty"), user -> send(user, "PATCH", "/api/work-orders/" + order,
                "{\"deadline\":\"2026-12-1" + (user.length() % 9) + "T10:00:00Z\"}", "application/json"));

        // Accounts are the administrators'.
        write("admin API: create a user", Set.of("admin"), user -> send(user, "POST", "/api/admin/users",
                "{\"username\":\"new-" + user + "\",\"displayName\":\"新用户\",\"password\":\"Matrix#2026-strong\",\"roles\":[\"VIEWER\"]}",
                "application/json"));

        // A process that stores patches needs the right to create them, checked before it runs.
        write("WPS change detection storing patches", Set.of("admin", "analyst"), user -> send(user, "GET",
                "/wps?service=WPS&version=1.0.0&request=Execute&identifier=change-detection&DataInputs=before_epoch=DEMO-2026-09-20;"
                        + "after_epoch=DEMO-2026-10-18;insert=true&RawDataOutput=summary", null, null));
    }

    @Test
    void jobsAreTheirOwnersAndAdministrators() throws Exception {
        HttpResponse<String> created = send("analyst", "POST", "/ogc/processes/echo/execution", "{\"inputs\":{\"pause_seconds\":30}}",
                "application/json", "Prefer", "respond-async");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String job = created.headers().firstValue("Location").orElseThrow().replaceAll(".*(/ogc/jobs/.*)", "$1");
        for (int i = 0; i < 100 && !JSON.readTree(send("analyst", "GET", job, null, null).body()).path("status").asString().equals("running"); i++) {
            Thread.sleep(50); // until the job runs, so that its state stays put while the matrix is checked
        }
        // To anybody else a job is no such job, signed in or not.
        read("a running job's status", job, Set.of("analyst", "admin"), Set.of(404));
        for (String user : USERS.keySet()) {
            boolean listed = send(user, "GET", "/ogc/jobs", null, null).body().contains(job.substring("/ogc/jobs/".length()));
            assertThat(listed).as(user + " lists the job").isEqualTo(Set.of("analyst", "admin").contains(user));
        }
        write("dismissing a job", Set.of("analyst", "admin"), Set.of(404), user -> send(user, "DELETE", job, null, null));
    }

    /** A read: the allowed get 200, the others 401 (anonymous) or 403/404. */
    private static void read(String what, String path, Set<String> allowed) throws Exception {
        read(what, path, allowed, Set.of(401));
    }

    private static void read(String what, String path, Set<String> allowed, Set<Integer> refusedAnonymously) throws Exception {
        for (String user : USERS.keySet()) {
            int status = send(user, "GET", path, null, null).statusCode();
            if (allowed.contains(user)) {
                assertThat(status).as("%s by %s (%s)", what, user, USERS.get(user)).isEqualTo(200);
            } else {
                assertThat(status).as("%s by %s (%s) is refused", what, user, USERS.get(user)).isIn(user.equals(ANONYMOUS) ? refusedAnonymously : Set.of(403, 404));
            }
        }
    }

    private interface Attempt {
        HttpResponse<String> by(String user) throws Exception;
    }

    /** A write: everybody not allowed first, each refused with the store unchanged; then the allowed, each accepted. */
    private static void write(String what, Set<String> allowed, Attempt attempt) throws Exception {
        write(what, allowed, Set.of(401), attempt);
    }

    private static void write(String what, Set<String> allowed, Set<Integer> refusedAnonymously, Attempt attempt) throws Exception {
        String before = state();
        for (String user : USERS.keySet()) {
            if (allowed.contains(user)) {
                continue;
            }
            HttpResponse<String> answer = attempt.by(user);
            assertThat(answer.statusCode()).as("%s by %s (%s) is refused: %s", what, user, USERS.get(user), answer.body())
                    .isIn(user.equals(ANONYMOUS) ? refusedAnonymously : Set.of(403, 404, 422));
            assertThat(state()).as("%s by %s changed nothing", what, user).isEqualTo(before);
        }
        for (String user : allowed) {
            HttpResponse<String> answer = attempt.by(user);
            assertThat(answer.statusCode()).as("%s by %s (%s): %s", what, user, USERS.get(user), answer.body()).isBetween(200, 299);
        }
    }

    /** Everything a write could change: patches, work orders, users, the audit trail, and the jobs' owners and states. */
    private static String state() throws Exception {
        SpatialStore store = server.bean(SpatialStore.class);
        List<String> parts = new ArrayList<>();
        for (String query : new String[] {"SELECT * FROM change_patch ORDER BY id", "SELECT * FROM work_order ORDER BY id",
                "SELECT * FROM app_user ORDER BY username", "SELECT * FROM app_user_role ORDER BY 1, 2", "SELECT * FROM audit_event ORDER BY id",
                "SELECT id, process_id, owner, status FROM process_job ORDER BY id"}) {
            parts.add(query + " = " + store.jdbc().sql(query).query().listOfRows().stream().map(AuthorisationMatrixHttpTest::text).toList());
        }
        return String.join("\n", parts);
    }

    /** A row as text, binary values (geometries) in hex. */
    private static String text(Map<String, Object> row) {
        StringBuilder text = new StringBuilder();
        row.forEach((column, value) -> text.append(column).append('=')
                .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append(' '));
        return text.toString();
    }

    private static long count(String hitsPath, String user) throws Exception {
        return JSON.readTree(send(user, "GET", hitsPath, null, null).body()).get("numberMatched").asLong();
    }

    private static List<JsonNode> patches(String filter) throws Exception {
        List<JsonNode> features = new ArrayList<>();
        server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=application/json&CQL_FILTER="
                + encode(filter)).path("features").forEach(features::add);
        assertThat(features).as("demo patches with " + filter).isNotEmpty();
        return features;
    }

    private static String key(JsonNode feature) {
        return feature.path("id").asString().substring("patches.".length());
    }

    private static String update(String rid, String property, String value) {
        String type = rid.substring(0, rid.indexOf('.'));
        return "<wfs:Update typeName=\"terrawatch:" + type + "\"><wfs:Property><wfs:ValueReference>" + property + "</wfs:ValueReference><wfs:Value>"
                + value + "</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"" + rid + "\"/></fes:Filter></wfs:Update>";
    }

    private static HttpResponse<String> wfsT(String user, String actions) throws Exception {
        return send(user, "POST", "/wfs", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">" + actions + "</wfs:Transaction>",
                "application/xml");
    }

    private static HttpResponse<String> send(String user, String method, String path, String body, String type, String... headers)
            throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        if (type != null) {
            all.addAll(List.of("Content-Type", type));
        }
        if (!user.equals(ANONYMOUS)) {
            all.addAll(List.of("Authorization", RunningServer.basic(user)));
        }
        return server.exchange(method, path, body, all.toArray(String[]::new));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
