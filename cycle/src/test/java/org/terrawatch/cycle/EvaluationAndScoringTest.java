package org.terrawatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.VerificationResult;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.MovableClock;
import org.terrawatch.submission.SubmissionRegister;
import org.terrawatch.submission.SubmissionRepository;
import org.terrawatch.submission.testing.Gdal;

/**
 * On the demo, both stores: a department's verification results handed back as a GBK CSV are applied through the
 * workflow patch by patch, refusals listed; the monthly evaluation and the yearly scoring count what the store recorded.
 */
class EvaluationAndScoringTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final Actor GENGDI = new Actor("gengdi", Set.of(Role.DEPARTMENT_HANDLER), "gengdi", Set.of());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void anOfflineFileIsVerifiedThroughTheWorkflowAndTheFiguresFollow(StoreType type) {
        try (SpatialStore store = DemoStore.open(type, dir)) {
            Deadlines deadlines = DemoStore.DEADLINES;
            MovableClock clock = new MovableClock(NOW);
            PatchEditor editor = new PatchEditor(store, new AuditLog(store), new ChangeEvents(), () -> deadlines, clock);
            MonitoringTask september = new MonitoringTaskRepository(store).findByCode("M2026-09").orElseThrow();
            List<ChangePatch> open = new PatchRepository(store).query(PatchQuery.all().ofTask(september.id())
                    .inStatuses(Set.of(PatchStatus.PUSHED, PatchStatus.VERIFYING))).stream().filter(p -> "gengdi".equals(p.responsibleDepartment()))
                    .toList();
            ChangePatch others = new PatchRepository(store).query(PatchQuery.all().inStatuses(Set.of(PatchStatus.PUSHED, PatchStatus.VERIFYING)))
                    .stream().filter(p -> p.responsibleDepartment() != null && !p.responsibleDepartment().equals("gengdi")).findFirst().orElseThrow();
            assertThat(open).hasSizeGreaterThanOrEqualTo(2);
            MonthlyEvaluation evaluation = new MonthlyEvaluation(store);
            MonthlyEvaluation.Evaluation before = evaluation.of(september, NOW);

            String csv = "图斑编号,核查结果,核查说明\n" + open.get(0).code() + ",违法,现场为新建厂房，未取得用地手续\n" + open.get(1).code()
                    + ",非真实变化,季节性耕作差异\nXX-0000,合法,\n" + others.code() + ",合法,\n" + open.get(0).code().replace("-", "_") + ",拆除,\n";
            OfflineVerification.Outcome outcome = new OfflineVerification(store, editor).apply(csv.getBytes(Charset.forName("GB18030")),
                    "核查成果.csv", GENGDI);
            assertThat(outcome.encoding()).contains("GB18030");
            assertThat(outcome.applied()).isEqualTo(2);
            assertThat(outcome.refused()).extracting(OfflineVerification.Line::number).containsExactly(3, 4, 5);
            assertThat(outcome.refused().get(0).reason()).contains("no patch XX-0000");
            assertThat(outcome.refused().get(1).reason()).contains(others.code());
            ChangePatch verified = new PatchRepository(store).findByCode(open.get(0).code()).orElseThrow();
            assertThat(verified.status()).isEqualTo(PatchStatus.VERIFIED);
            assertThat(verified.verification().result()).isEqualTo(VerificationResult.ILLEGAL);
            assertThat(verified.verification().note()).isEqualTo("现场为新建厂房，未取得用地手续");
            assertThat(new AuditLog(store).history("PATCH", verified.id())).last().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("gengdi");
                assertThat(e.action()).isEqualTo("verify");
            });

            // The evaluation: two more verified, one of them not a real change; the department's handling follows.
            MonthlyEvaluation.Evaluation after = evaluation.of(september, NOW);
            assertThat(after.total().pushed()).isEqualTo(before.total().pushed());
            assertThat(after.total().verified()).isEqualTo(before.total().verified() + 2);
            assertThat(after.total().real()).isEqualTo(before.total().real() + 1);
            assertThat(after.total().notReal()).isEqualTo(before.total().notReal() + 1);
            assertThat(after.accuracy().stream().mapToInt(MonthlyEvaluation.Accuracy::pushed).sum()).isEqualTo(after.total().pushed());
            MonthlyEvaluation.Handling gengdi = after.departments().stream().filter(d -> d.department().equals("gengdi")).findFirst().orElseThrow();
            MonthlyEvaluation.Handling gengdiBefore = before.departments().stream().filter(d -> d.department().equals("gengdi")).findFirst().orElseThrow();
            assertThat(gengdi.onTime() + gengdi.late()).isEqualTo(gengdiBefore.onTime() + gengdiBefore.late() + 2);
            assertThat(gengdi.pushed()).isEqualTo(gengdi.onTime() + gengdi.late() + gengdi.overdue() + gengdi.open());

            // The yearly scores: each is the base and its breakdown's points; the farmland section's verifications count.
            List<YearlyScoring.Score> scores = new YearlyScoring(store, new SubmissionRegister(new SubmissionRepository(store), List.of()))
                    .of(Year.of(2026), ScoringRules.DEFAULTS, deadlines, NOW);
            assertThat(scores).isNotEmpty();
            for (YearlyScoring.Score score : scores) {
                assertThat(score.score()).isCloseTo(100 + score.items().stream().mapToDouble(YearlyScoring.Item::points).sum(), within(1e-9));
            }
            YearlyScoring.Score farmland = scores.stream().filter(s -> s.department().equals("gengdi")).findFirst().orElseThrow();
            long onTime = new PatchRepository(store).query(PatchQuery.all()).stream().filter(p -> "gengdi".equals(p.responsibleDepartment())
                    && p.pushedAt() != null && p.verification().verifiedAt() != null && (p.verificationDue() == null
                    || !p.verification().verifiedAt().isAfter(Deadlines.endOf(p.verificationDue())))).count();
            assertThat(farmland.items()).filteredOn(i -> i.item().equals("patch-verified-on-time")).singleElement()
                    .satisfies(i -> assertThat(i.count()).isEqualTo(onTime));
            assertThat(farmland.items()).extracting(YearlyScoring.Item::item).containsExactlyElementsOf(ScoringRules.ITEMS.keySet());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aReturnedGeoPackageOfVerifiedPatchesIsAppliedToo(StoreType type) throws Exception {
        try (SpatialStore store = DemoStore.open(type, dir)) {
            PatchEditor editor = new PatchEditor(store, new AuditLog(store), new ChangeEvents(), () -> DemoStore.DEADLINES, new MovableClock(NOW));
            MonitoringTask september = new MonitoringTaskRepository(store).findByCode("M2026-09").orElseThrow();
            List<ChangePatch> open = new PatchRepository(store).query(PatchQuery.all().ofTask(september.id())
                    .inStatuses(Set.of(PatchStatus.PUSHED, PatchStatus.VERIFYING))).stream().filter(p -> "gengdi".equals(p.responsibleDepartment()))
                    .toList();
            // The department's GIS returns the pushed patches with their geometry and its result, as ogr2ogr writes them.
            StringBuilder features = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                org.locationtech.jts.geom.Point at = open.get(i).geometry().getInteriorPoint();
                features.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"JCBH\":\"").append(open.get(i).code())
                        .append("\",\"核查结果\":\"").append(i == 0 ? "合法" : "其他").append("\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                        .append(at.getX()).append(',').append(at.getY()).append("]}}");
            }
            Path geojson = java.nio.file.Files.writeString(dir.resolve("returned.geojson"),
                    "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
            Path gpkg = Gdal.ogr2ogr(dir.resolve("核查成果.gpkg"), geojson, "-f", "GPKG", "-a_srs", "EPSG:4490");
            OfflineVerification.Outcome outcome = new OfflineVerification(store, editor).apply(java.nio.file.Files.readAllBytes(gpkg),
                    "核查成果.gpkg", GENGDI);
            assertThat(outcome.applied()).as(outcome.toString()).isEqualTo(2);
            assertThat(outcome.refused()).isEmpty();
            assertThat(new PatchRepository(store).findByCode(open.get(0).code()).orElseThrow().verification().result())
                    .isEqualTo(VerificationResult.LEGAL);
            assertThat(new PatchRepository(store).findByCode(open.get(1).code()).orElseThrow().verification().result())
                    .isEqualTo(VerificationResult.OTHER);
        }
    }
}
