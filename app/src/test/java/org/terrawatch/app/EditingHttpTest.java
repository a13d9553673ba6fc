package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrawatch.app.RunningServer.basic;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;

/**
 * Editing over HTTP on the demo, every interface through the one workflow: WFS-T 2.0/1.1/1.0 (all or nothing,
 * answers valid against the WFS schemas), locks, OGC API Part 4 with ETags, REST history, who may write, eight
 * clients at once, and the after-commit events.
 */
class EditingHttpTest {

    private static final String WFS2 = "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
            + "xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:terrawatch=\"http://terrawatch.org/terrawatch\"";
    private static final String WFS1 = "xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\" "
            + "xmlns:gml=\"http://www.opengis.net/gml\" xmlns:terrawatch=\"http://terrawatch.org/terrawatch\"";

    private static RunningServer server;
    private static final List<ChangeEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createTempDirectory("terrawatch-editing-");
        // A short lock wait, so that a write held up by another edit's row lock is answered busy within a test's patience.
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(folder), "--terrawatch.store.lock-wait=1s");
        server.bean(ChangeEvents.class).subscribe(EVENTS::add);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTransactionIsAllOrNothingAndAnswersInItsVersion() throws Exception {
        List<JsonNode> verifying = patches("status = 'VERIFYING' AND responsible_department = 'gengdi'");
        JsonNode a = verifying.get(0);
        JsonNode b = verifying.get(1);
        int historyBefore = history(a).size();
        EVENTS.clear();

        HttpResponse<String> refused = wfsT("gengdi", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                + update("verify-a", a, "<wfs:Property><wfs:ValueReference>status</wfs:ValueReference><wfs:Value>VERIFIED</wfs:Value></wfs:Property>"
                        + "<wfs:Property><wfs:ValueReference>verification_result</wfs:ValueReference><wfs:Value>ILLEGAL</wfs:Value></wfs:Property>")
                + update("close-b", b, "<wfs:Property><wfs:ValueReference>status</wfs:ValueReference><wfs:Value>CLOSED</wfs:Value></wfs:Property>")
                + "</wfs:Transaction>");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("exceptionCode=\"InvalidValue\"", "locator=\"close-b\"",
                "Patch " + b.path("properties").path("code").asString(), "no transition from VERIFYING to CLOSED");
        assertThat(OgcSchemas.errors(OgcSchemas.schema("ows/1.1.0/owsExceptionReport.xsd"), refused.body())).isEmpty();
        JsonNode aAfter = patch(a);
        assertThat(aAfter.path("status").asString()).isEqualTo("VERIFYING");
        assertThat(aAfter.path("version").asLong()).isEqualTo(a.path("properties").path("version").asLong());
        assertThat(history(a)).hasSize(historyBefore);
        assertThat(EVENTS).isEmpty();

        HttpResponse<String> done = wfsT("admin", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                + "<wfs:Insert handle=\"digitised\"><terrawatch:patches><terrawatch:geom><gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:exterior><gml:LinearRing><gml:posList>37.85 113.60 37.85 113.602 37.8515 113.602 37.8515 113.60 37.85 113.60"
                + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></terrawatch:geom>"
                + "<terrawatch:change_type>NEW_BUILDING</terrawatch:change_type><terrawatch:after_date>2026-11-15</terrawatch:after_date>"
                + "<terrawatch:precheck_note>人工勾绘</terrawatch:precheck_note></terrawatch:patches></wfs:Insert>"
                + update("verify-a", a, "<wfs:Property><wfs:ValueReference>terrawatch:status</wfs:ValueReference><wfs:Value>VERIFIED</wfs:Value></wfs:Property>"
                        + "<wfs:Property><wfs:ValueReference>verification_result</wfs:ValueReference><wfs:Value>LEGAL</wfs:Value></wfs:Property>")
                + "</wfs:Transaction>");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/2.0/wfs.xsd"), done.body())).isEmpty();
        assertThat(done.body()).contains("<wfs:totalInserted>1</wfs:totalInserted>", "<wfs:totalUpdated>1</wfs:totalUpdated>",
                "handle=\"digitised\"");
        String inserted = match(done.body(), "rid=\"(patches\\.\\d+)\"");
        JsonNode created = server.getJson("/api/patches/" + inserted.substring("patches.".length()));
        assertThat(created.path("status").asString()).isEqualTo("NEW");
        assertThat(created.path("precheck_note").asString()).isEqualTo("人工勾绘");
        assertThat(created.path("code").asString()).matches("\\d{6}202611\\d{4}");
        assertThat(patch(a).path("status").asString()).isEqualTo("VERIFIED");
        assertThat(patch(a).path("verified_by").asString()).isEqualTo("admin");
        assertThat(EVENTS).extracting(ChangeEvent::action).containsExactly("CREATE", "UPDATE", "verify");

        HttpResponse<String> deleted = wfsT("admin", "<wfs:Transaction service=\"WFS\" version=\"1.1.0\" " + WFS1 + ">"
                + "<wfs:Delete typeName=\"terrawatch:patches\"><ogc:Filter><ogc:GmlObjectId gml:id=\"" + inserted + "\"/></ogc:Filter>"
                + "</wfs:Delete></wfs:Transaction>");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.1.0/wfs.xsd"), deleted.body())).isEmpty();
        assertThat(deleted.body()).contains("<wfs:totalDeleted>1</wfs:totalDeleted>");

        HttpResponse<String> legacy = wfsT("gengdi", "<wfs:Transaction service=\"WFS\" version=\"1.0.0\" " + WFS1 + ">"
                + "<wfs:Update typeName=\"terrawatch:patches\"><wfs:Property><wfs:Name>verification_note</wfs:Name>"
                + "<wfs:Value>1.0 客户端</wfs:Value></wfs:Property><ogc:Filter><ogc:FeatureId fid=\"" + b.path("id").asString() + "\"/>"
                + "</ogc:Filter></wfs:Update></wfs:Transaction>");
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/1.0.0/WFS-transaction.xsd"), legacy.body())).isEmpty();
        assertThat(legacy.body()).contains("SUCCESS");
        assertThat(patch(b).path("verification_note").asString()).isEqualTo("1.0 客户端");
    }

    @Test
    void writesNeedTheRightUserAndRoleAndAreRefusedInTheProtocolsForm() throws Exception {
        JsonNode patch = patches("status = 'NEW'").get(0);
        String transaction = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">" + update(null, patch,
                "<wfs:Property><wfs:ValueReference>precheck_note</wfs:ValueReference><wfs:Value>x</wfs:Value></wfs:Property>")
                + "</wfs:Transaction>";
        HttpResponse<String> anonymous = server.exchange("POST", "/wfs", transaction, "Content-Type", "application/xml");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).contains("ExceptionReport", "needs a signed-in user");
        HttpResponse<String> wrong = server.exchange("GET", "/wfs?SERVICE=WFS&REQUEST=GetCapabilities", null,
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("ExceptionReport", "Wrong user name or password");
        HttpResponse<String> leader = wfsT("leader", transaction);
        assertThat(leader.statusCode()).isEqualTo(403);
        assertThat(leader.body()).contains("OperationProcessingFailed", "may not write layer patches");
        HttpResponse<String> readOnly = wfsT("admin", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                + "<wfs:Delete typeName=\"terrawatch:farmland\"><fes:Filter><fes:ResourceId rid=\"farmland.1\"/></fes:Filter></wfs:Delete>"
                + "</wfs:Transaction>");
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(readOnly.body()).contains("Layer farmland is read-only");

        String item = "/ogc/collections/patches/items/" + key(patch);
        HttpResponse<String> ogcAnonymous = server.exchange("PATCH", item, "{\"properties\":{\"precheck_note\":\"x\"}}",
                "Content-Type", "application/merge-patch+json");
        assertThat(ogcAnonymous.statusCode()).isEqualTo(401);
        assertThat(ogcAnonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> ogcLeader = server.exchange("PATCH", item, "{\"properties\":{\"precheck_note\":\"x\"}}",
                "Content-Type", "application/merge-patch+json", "Authorization", basic("leader"));
        assertThat(ogcLeader.statusCode()).isEqualTo(403);
        HttpResponse<String> restAnonymous = server.exchange("PATCH", "/api/patches/" + key(patch), "{\"precheck_note\":\"x\"}",
                "Content-Type", "application/json");
        assertThat(restAnonymous.statusCode()).isEqualTo(401);
        assertThat(patch(patch).path("precheck_note").isString()).as("nothing written").isFalse();
    }

    @Test
    void aLockedPatchIsChangedOnlyUnderItsLock() throws Exception {
        JsonNode patch = patches("status = 'VERIFYING' AND responsible_department = 'gengdi'").get(2);
        HttpResponse<String> lock = server.exchange("GET", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=LockFeature&TYPENAMES=terrawatch:patches"
                + "&RESOURCEID=" + patch.path("id").asString() + "&EXPIRY=600", null, "Authorization", basic("gengdi"));
        assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
        assertThat(OgcSchemas.errors(OgcSchemas.schema("wfs/2.0/wfs.xsd"), lock.body())).isEmpty();
        String lockId = match(lock.body(), "lockId=\"([^\"]+)\"");
        assertThat(lock.body()).contains("FeaturesLocked", patch.path("id").asString());

        String note = "<wfs:Property><wfs:ValueReference>verification_note</wfs:ValueReference><wfs:Value>锁定中</wfs:Value></wfs:Property>";
        HttpResponse<String> other = wfsT("admin", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                + update(null, patch, note) + "</wfs:Transaction>");
        // a locked feature written without naming a lock: the lockId is missing (WFS 2.0, 15.2.3.1.2)
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("MissingParameterValue", "locator=\"lockId\"", "is locked");
        // a LockFeature naming the lock and nothing else starts its expiry again; an unknown lock is InvalidLockId
        HttpResponse<String> reset = wfsT("gengdi", "<wfs:LockFeature service=\"WFS\" version=\"2.0.0\" lockId=\"" + lockId + "\" expiry=\"600\" "
                + WFS2 + "/>");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(reset.body()).contains("lockId=\"" + lockId + "\"", patch.path("id").asString());
        HttpResponse<String> unknown = wfsT("gengdi", "<wfs:LockFeature service=\"WFS\" version=\"2.0.0\" lockId=\"no-such-lock\" " + WFS2 + "/>");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).contains("InvalidLockId");
        HttpResponse<String> viaOgc = server.exchange("PATCH", "/ogc/collections/patches/items/" + key(patch),
                "{\"properties\":{\"verification_note\":\"绕过锁\"}}", "Content-Type", "application/merge-patch+json",
                "Authorization", basic("admin"));
        assertThat(viaOgc.statusCode()).isEqualTo(423);

        HttpResponse<String> holder = wfsT("gengdi", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" lockId=\"" + lockId + "\" "
                + WFS2 + ">" + update(null, patch, note) + "</wfs:Transaction>");
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
        assertThat(holder.body()).contains("<wfs:UpdateResults>", "rid=\"" + patch.path("id").asString() + "\"");
        assertThat(patch(patch).path("verification_note").asString()).isEqualTo("锁定中");
        HttpResponse<String> released = wfsT("admin", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                + update(null, patch, note.replace("锁定中", "已解锁")) + "</wfs:Transaction>");
        assertThat(released.statusCode()).as("releaseAction ALL released the lock").isEqualTo(200);

        HttpResponse<String> withLock = server.exchange("GET", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeatureWithLock"
                + "&TYPENAMES=terrawatch:patches&RESOURCEID=" + patch.path("id").asString(), null, "Authorization", basic("gengdi"));
        assertThat(withLock.statusCode()).isEqualTo(200);
        assertThat(withLock.body()).contains("lockId=\"", "numberReturned=\"1\"");
        HttpResponse<String> hits = server.exchange("GET", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeatureWithLock&RESULTTYPE=hits"
                + "&TYPENAMES=terrawatch:patches", null, "Authorization", basic("gengdi"));
        assertThat(hits.statusCode()).as("nothing returned, nothing to lock").isEqualTo(400);
        assertThat(hits.body()).contains("resultType");
        HttpResponse<String> anonymousLock = server.getAnonymously("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=LockFeature&TYPENAMES=terrawatch:patches");
        assertThat(anonymousLock.statusCode()).isEqualTo(401);
    }

    @Test
    void concurrentLockRequestsGrantOneLockAndAnswerTheRestCannotLockAllFeatures() throws Exception {
        JsonNode patch = patches("status = 'VERIFYING' AND responsible_department = 'gengdi'").get(3);
        String lockFeature = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=LockFeature&TYPENAMES=terrawatch:patches&RESOURCEID="
                + patch.path("id").asString() + "&EXPIRY=600&LOCKACTION=ALL";
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<Integer> statuses = race(8, client -> {
            HttpResponse<String> answer = server.exchange("GET", lockFeature, null, "Authorization", basic(client % 2 == 0 ? "gengdi" : "admin"));
            bodies.add(answer.body());
            return answer.statusCode();
        });
        assertThat(statuses).as(String.join("\n", bodies)).containsOnly(200, 400).containsOnlyOnce(200);
        assertThat(bodies.stream().filter(b -> b.contains("ExceptionReport")))
                .hasSize(7).allSatisfy(b -> assertThat(b).contains("CannotLockAllFeatures"));
        String lockId = match(bodies.stream().filter(b -> b.contains("FeaturesLocked")).findFirst().orElseThrow(), "lockId=\"([^\"]+)\"");

        // Under the lock, no other interface writes the patch: REST and OGC API are refused with 423, and nothing changes.
        HttpResponse<String> viaRest = server.exchange("PATCH", "/api/patches/" + key(patch), "{\"verification_note\":\"绕过锁\"}",
                "Content-Type", "application/json", "Authorization", basic("gengdi"));
        assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(423);
        assertThat(patch(patch).path("verification_note").asString("")).isNotEqualTo("绕过锁");
        // ... and the holder's transaction, presenting the lock, writes and releases it.
        String note = "<wfs:Property><wfs:ValueReference>verification_note</wfs:ValueReference><wfs:Value>持锁修改</wfs:Value></wfs:Property>";
        HttpResponse<String> holder = wfsT(statuses.indexOf(200) % 2 == 0 ? "gengdi" : "admin", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" lockId=\""
                + lockId + "\" " + WFS2 + ">" + update(null, patch, note) + "</wfs:Transaction>");
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
        assertThat(holder.body()).contains("<wfs:UpdateResults>", "rid=\"" + patch.path("id").asString() + "\"");
        assertThat(patch(patch).path("verification_note").asString()).isEqualTo("持锁修改");
    }

    @Test
    void aWriteHeldUpLongerThanTheLockWaitIsA503WithRetryAfterInEachProtocolsForm() throws Exception {
        JsonNode patch = patches("status = 'VERIFYING' AND responsible_department = 'gengdi'").get(4);
        SpatialStore store = server.bean(SpatialStore.class);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService longEdit = Executors.newSingleThreadExecutor();
        try {
            // Another edit holds the patch's row (as a long WFS-T transaction would) ...
            Future<?> held = longEdit.submit(() -> store.inTransaction(() -> {
                store.jdbc().sql("SELECT id FROM change_patch WHERE id = :id FOR UPDATE").param("id", Long.parseLong(key(patch)))
                        .query(Long.class).list();
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            // ... so writes of it through REST and WFS-T give up after the lock wait: 503, Retry-After, nothing changed.
            HttpResponse<String> viaRest = server.exchange("PATCH", "/api/patches/" + key(patch), "{\"verification_note\":\"等不到锁\"}",
                    "Content-Type", "application/json", "Authorization", basic("gengdi"));
            assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(503);
            assertThat(viaRest.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(viaRest, 503).path("detail").asString()).contains("busy");
            String note = "<wfs:Property><wfs:ValueReference>verification_note</wfs:ValueReference><wfs:Value>等不到锁</wfs:Value></wfs:Property>";
            HttpResponse<String> viaWfs = wfsT("gengdi", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                    + update(null, patch, note) + "</wfs:Transaction>");
            assertThat(viaWfs.statusCode()).as(viaWfs.body()).isEqualTo(503);
            assertThat(viaWfs.headers().firstValue("Retry-After")).isPresent();
            assertThat(viaWfs.body()).contains("ExceptionReport", "busy");
            release.countDown();
            held.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            longEdit.shutdownNow();
        }
        assertThat(patch(patch).path("verification_note").asString("")).isNotEqualTo("等不到锁");
        HttpResponse<String> later = server.exchange("PATCH", "/api/patches/" + key(patch), "{\"verification_note\":\"锁已放开\"}",
                "Content-Type", "application/json", "Authorization", basic("gengdi"));
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    }

    @Test
    void aWorkOrderUnderAWfsLockIsChangedOverRestOnlyAfterTheLockEnds() throws Exception {
        String order = workOrder("state = 'ACCEPTED'");
        HttpResponse<String> lock = server.exchange("GET", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=LockFeature&TYPENAMES=terrawatch:work_orders"
                + "&RESOURCEID=work_orders." + order + "&EXPIRY=600", null, "Authorization", basic("admin"));
        assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
        String lockId = match(lock.body(), "lockId=\"([^\"]+)\"");
        String deadline = "{\"deadline\":\"2026-12-31T10:00:00Z\"}";
        HttpResponse<String> refused = server.exchange("PATCH", "/api/work-orders/" + order, deadline, "Content-Type", "application/json",
                "Authorization", basic("admin"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(423);
        HttpResponse<String> release = wfsT("admin", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" lockId=\"" + lockId + "\" " + WFS2
                + "><wfs:Update typeName=\"terrawatch:work_orders\"><wfs:Property><wfs:ValueReference>deadline</wfs:ValueReference>"
                + "<wfs:Value>2026-12-30T10:00:00Z</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"work_orders." + order + "\"/></fes:Filter>"
                + "</wfs:Update></wfs:Transaction>");
        assertThat(release.statusCode()).as(release.body()).isEqualTo(200);
        HttpResponse<String> after = server.exchange("PATCH", "/api/work-orders/" + order, deadline, "Content-Type", "application/json",
                "Authorization", basic("admin"));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(json(after, 200).path("deadline").asString()).startsWith("2026-12-31T10:00");
    }

    @Test
    void ogcApiPart4CreatesReplacesPatchesAndDeletesWithETags() throws Exception {
        assertThat(server.getJson("/ogc/conformance").path("conformsTo").toString())
                .contains("ogcapi-features-4/1.0/conf/create-replace-delete", "ogcapi-features-4/1.0/conf/optimistic-locking-etags");
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.60,37.86],[113.602,37.86],"
                + "[113.602,37.8615],[113.60,37.8615],[113.60,37.86]]]},\"properties\":{\"change_type\":\"LAND_LEVELLING\","
                + "\"after_date\":\"2026-11-10\",\"before_date\":\"2026-10-10\"}}";
        HttpResponse<String> created = server.exchange("POST", "/ogc/collections/patches/items", feature,
                "Content-Type", "application/geo+json", "Authorization", basic("analyst"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/ogc/"));
        HttpResponse<String> read = server.get(path);
        assertThat(read.statusCode()).isEqualTo(200);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");
        assertThat(read.body()).contains("\"LAND_LEVELLING\"", "\"NEW\"");

        HttpResponse<String> patched = server.exchange("PATCH", path, "{\"properties\":{\"status\":\"PRE_CHECKED\","
                + "\"precheck_result\":\"SUSPECTED_VIOLATION\"}}", "Content-Type", "application/merge-patch+json",
                "Authorization", basic("analyst"), "If-Match", etag);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> stale = server.exchange("PATCH", path, "{\"properties\":{\"precheck_note\":\"旧\"}}",
                "Content-Type", "application/merge-patch+json", "Authorization", basic("analyst"), "If-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        HttpResponse<String> illegal = server.exchange("PATCH", path, "{\"properties\":{\"status\":\"HANDLED\"}}",
                "Content-Type", "application/merge-patch+json", "Authorization", basic("analyst"));
        assertThat(illegal.statusCode()).isEqualTo(422);
        assertThat(illegal.body()).contains("no transition from PRE_CHECKED to HANDLED");
        HttpResponse<String> replaced = server.exchange("PUT", path, feature.replace("LAND_LEVELLING", "NEW_BUILDING")
                        .replace("\"before_date\"", "\"status\":\"PRE_CHECKED\",\"precheck_result\":\"SUSPECTED_VIOLATION\",\"before_date\""),
                "Content-Type", "application/geo+json", "Authorization", basic("analyst"), "If-Match", "\"1\"");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(204);
        assertThat(server.get(path).body()).contains("\"NEW_BUILDING\"");

        HttpResponse<String> refusedDelete = server.exchange("DELETE", path, null, "Authorization", basic("analyst"));
        assertThat(refusedDelete.statusCode()).as("analysts delete only NEW patches").isEqualTo(403);
        assertThat(server.exchange("DELETE", path, null, "Authorization", basic("admin"), "If-Match", "\"0\"").statusCode()).isEqualTo(412);
        assertThat(server.exchange("DELETE", path, null, "Authorization", basic("admin")).statusCode()).isEqualTo(204);
        assertThat(server.get(path).statusCode()).isEqualTo(404);
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonNode history = server.getJson("/api/patches/" + id + "/history");
        assertThat(history.findValuesAsString("action")).containsExactly("CREATE", "precheck", "UPDATE", "DELETE");
        assertThat(history.findValuesAsString("channel")).containsOnly("OGC_API");
    }

    @Test
    void eightClientsUpdatingOnePatchAtOnceLoseNothing() throws Exception {
        JsonNode patch = patches("status = 'VERIFYING' AND responsible_department = 'zhifa'").get(0);
        String path = "/ogc/collections/patches/items/" + key(patch);
        String etag = server.get(path).headers().firstValue("ETag").orElseThrow();
        List<Integer> statuses = race(8, i -> server.exchange("PATCH", path, "{\"properties\":{\"verification_note\":\"客户端 " + i + "\"}}",
                "Content-Type", "application/merge-patch+json", "Authorization", basic("field"), "If-Match", etag).statusCode());
        assertThat(statuses).containsOnly(204, 412);
        assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
        JsonNode after = patch(patch);
        assertThat(after.path("version").asLong()).isEqualTo(Long.parseLong(etag.replace("\"", "")) + 1);
        assertThat(after.path("verification_note").asString()).startsWith("客户端 ");

        // The same through WFS-T: each client names the version it read in fes:ResourceId.
        long version = after.path("version").asLong();
        List<Integer> wfs = race(8, i -> wfsT("field", "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">"
                + "<wfs:Update typeName=\"terrawatch:patches\"><wfs:Property><wfs:ValueReference>verification_note</wfs:ValueReference>"
                + "<wfs:Value>WFS " + i + "</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"" + patch.path("id").asString()
                + "\" version=\"" + version + "\"/></fes:Filter></wfs:Update></wfs:Transaction>").statusCode());
        assertThat(wfs.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(wfs).containsOnly(200, 409);
        assertThat(patch(patch).path("version").asLong()).isEqualTo(version + 1);
        assertThat(history(patch).findValuesAsString("action").stream().filter(a -> a.equals("UPDATE"))).hasSize(2);
    }

    @Test
    void historyIsReadablePerPatchAndAsAWfsLayer() throws Exception {
        JsonNode patch = patches("status = 'PRE_CHECKED'").get(0);
        HttpResponse<String> pushed = server.exchange("PATCH", "/api/patches/" + key(patch),
                "{\"status\":\"PUSHED\",\"responsible_department\":\"gengdi\"}", "Content-Type", "application/json",
                "Authorization", basic("duty"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        JsonNode read = server.getJson("/api/patches/" + key(patch));
        assertThat(read.path("status").asString()).isEqualTo("PUSHED");
        assertThat(read.path("verification_due").asString()).isNotEmpty();
        JsonNode history = history(patch);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("push");
        assertThat(last.path("actor").asString()).isEqualTo("duty");
        assertThat(last.path("channel").asString()).isEqualTo("REST");
        assertThat(last.path("before").path("status").asString()).isEqualTo("PRE_CHECKED");
        assertThat(last.path("after").path("responsible_department").asString()).isEqualTo("gengdi");

        JsonNode layer = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patch_history&OUTPUTFORMAT="
                + "application/json&CQL_FILTER=" + URLEncoder.encode("patch_id = " + key(patch), StandardCharsets.UTF_8));
        assertThat(layer.path("features")).hasSize(history.size());
        assertThat(layer.path("features").get(history.size() - 1).path("properties").path("after_values").asString()).contains("gengdi");
        assertThat(layer.path("features").get(0).path("geometry").path("type").asString()).isEqualTo("Point");
    }

    @Test
    void aWorkOrderIsAcceptedReportedAndClosedByItsWorkflow() throws Exception {
        String dispatched = workOrder("state = 'DISPATCHED' AND working_group_code = 'ziranziyuan'");
        String elsewhere = workOrder("working_group_code = 'lincao' AND state = 'FEEDBACK_SUBMITTED'");
        String path = "/api/work-orders/" + dispatched;
        assertThat(json(server.exchange("PATCH", "/api/work-orders/" + elsewhere, "{\"state\":\"RETURNED\"}", "Content-Type",
                "application/json", "Authorization", basic("gengdi")), 403).path("detail").asString()).contains("may act only on");
        assertThat(json(server.exchange("PATCH", path, "{\"state\":\"ACCEPTED\"}", "Content-Type", "application/json",
                "Authorization", basic("gengdi")), 200).path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(json(server.exchange("PATCH", path, "{\"state\":\"FEEDBACK_SUBMITTED\"}", "Content-Type", "application/json",
                "Authorization", basic("gengdi")), 422).path("detail").asString()).contains("a feedback report has been added");
        json(server.exchange("POST", path + "/feedback", "{\"body\":\"现场已停工，责令恢复原状\",\"outcome\":\"STOPPED\"}",
                "Content-Type", "application/json", "Authorization", basic("gengdi")), 201);
        json(server.exchange("PATCH", path, "{\"state\":\"FEEDBACK_SUBMITTED\"}", "Content-Type", "application/json",
                "Authorization", basic("gengdi")), 200);
        assertThat(json(server.exchange("PATCH", path, "{\"state\":\"CLOSED\"}", "Content-Type", "application/json",
                "Authorization", basic("gengdi")), 403).path("detail").asString()).contains("DUTY_OFFICER");
        JsonNode closed = json(server.exchange("PATCH", path, "{\"state\":\"CLOSED\"}", "Content-Type", "application/json",
                "Authorization", basic("duty")), 200);
        assertThat(closed.path("closedAt").asString()).isNotEmpty();
        assertThat(server.getJson(path + "/history").findValuesAsString("action")).containsExactly("accept", "FEEDBACK", "report", "close");
        JsonNode layer = server.getJson("/ogc/collections/work_orders/items/" + dispatched);
        assertThat(layer.path("properties").path("state").asString()).isEqualTo("CLOSED");
    }

    private static String workOrder(String filter) throws Exception {
        JsonNode features = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:work_orders&OUTPUTFORMAT="
                + "application/json&CQL_FILTER=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)).path("features");
        assertThat(features).as("demo work orders with " + filter).isNotEmpty();
        return features.get(0).path("id").asString().substring("work_orders.".length());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
    }

    private interface Attempt {
        int run(int client) throws Exception;
    }

    private static List<Integer> race(int clients, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            results.add(pool.submit(() -> {
                start.await();
                return attempt.run(client);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }

    private static String update(String handle, JsonNode patch, String properties) {
        return "<wfs:Update typeName=\"terrawatch:patches\"" + (handle == null ? "" : " handle=\"" + handle + "\"") + ">" + properties
                + "<fes:Filter><fes:ResourceId rid=\"" + patch.path("id").asString() + "\"/></fes:Filter></wfs:Update>";
    }

    private static HttpResponse<String> wfsT(String user, String body) throws Exception {
        return server.exchange("POST", "/wfs", body, "Content-Type", "application/xml", "Authorization", basic(user));
    }

    private static List<JsonNode> patches(String filter) throws Exception {
        JsonNode collection = server.getJson("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT=application/json"
                + "&CQL_FILTER=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        List<JsonNode> features = new ArrayList<>();
        collection.path("features").forEach(features::add);
        assertThat(features).as("demo patches with " + filter).isNotEmpty();
        return features;
    }

    private static String key(JsonNode feature) {
        return feature.path("id").asString().substring("patches.".length());
    }

    private static JsonNode patch(JsonNode feature) throws Exception {
        return server.getJson("/api/patches/" + key(feature));
    }

    private static JsonNode history(JsonNode feature) throws Exception {
        return server.getJson("/api/patches/" + key(feature) + "/history");
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }
}
