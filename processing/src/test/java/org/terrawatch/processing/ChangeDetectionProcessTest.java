package org.terrawatch.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.task.MonitoringPeriod;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.job.Job;
import org.terrawatch.processing.job.JobStatus;
import org.terrawatch.processing.job.ResultForm;
import org.terrawatch.store.StoreType;
import tools.jackson.databind.JsonNode;

/**
 * The change-detection process on the demo's two imagery epochs (seven planted changes, another illumination):
 * as a job, it stores the changes as NEW patches of the task, each where a change was planted; running it again
 * adds nothing; looking only stores nothing; bad inputs are refused by name.
 */
class ChangeDetectionProcessTest {

    static final Actor ANALYST = new Actor("analyst", java.util.Set.of(org.terrawatch.monitoring.organisation.Role.ANALYST), "weixing");

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void storesThePlantedChangesAsNewPatchesOfTheTaskOnce(StoreType type) throws Exception {
        try (DemoProcessing demo = new DemoProcessing(type, dataDir)) {
            MonitoringTaskRepository tasks = new MonitoringTaskRepository(demo.store);
            MonitoringTask october = tasks.all().stream().filter(t -> t.beforeEpochId() != null).findFirst().orElseThrow();
            // A new task on the same two epochs: the demo's October patches belong to another task.
            MonitoringTask task = tasks.plan(MonitoringPeriod.instant(LocalDate.of(2026, 10, 18)), LocalDate.of(2026, 10, 30), Instant.now());
            tasks.attachEpochs(task.id(), october.beforeEpochId(), october.afterEpochId());
            var footprint = new ImageryEpochRepository(demo.store).find(october.afterEpochId()).orElseThrow().footprint();
            List<ChangePatch> planted = new PatchRepository(demo.store).query(PatchQuery.all().ofTask(october.id())).stream()
                    .filter(p -> footprint.contains(p.geometry())).toList();
            assertThat(planted).hasSize(7);
            long patchesBefore = new PatchRepository(demo.store).count(PatchQuery.all());

            Job job = runJob(demo, Map.of("task", List.of(task.code())));
            assertThat(job.status()).as(job.message()).isEqualTo(JobStatus.SUCCESSFUL);
            JsonNode summary = GeoJson.JSON.readTree(((ComplexValue) job.outputs().get("summary")).text());
            System.out.println("Demo detection summary: " + summary);
            JsonNode features = GeoJson.JSON.readTree(((ComplexValue) job.outputs().get("patches")).text()).get("features");

            List<ChangePatch> found = new PatchRepository(demo.store).query(PatchQuery.all().ofTask(task.id()));
            assertThat(found).hasSize(features.size()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(new PatchRepository(demo.store).count(PatchQuery.all())).isEqualTo(patchesBefore + found.size());
            assertThat(found).allSatisfy(p -> {
                assertThat(p.status()).isEqualTo(PatchStatus.NEW);
                assertThat(p.code()).startsWith(p.location().countyCode());
                assertThat(p.afterDate()).isEqualTo(LocalDate.of(2026, 10, 18));
                assertThat(p.area().squareMetres()).isGreaterThanOrEqualTo(200);
            });
            // Each planted change the demo's own patches mark is found: most of it covered by one new patch.
            for (ChangePatch plantedPatch : planted) {
                double best = found.stream().mapToDouble(p -> p.geometry().intersection(plantedPatch.geometry()).getArea()
                        / plantedPatch.geometry().getArea()).max().orElse(0);
                assertThat(best).as("planted " + plantedPatch.changeType() + " " + plantedPatch.code()).isGreaterThan(0.8);
            }
            // Audited as created through WPS by the analyst.
            assertThat(new AuditLog(demo.store).history("PATCH", found.get(0).id())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("analyst");
                        assertThat(e.channel()).isEqualTo(Channel.WPS);
                    });

            // Again: everything is known now, nothing is added.
            Job again = runJob(demo, Map.of("task", List.of(task.code())));
            assertThat(again.status()).isEqualTo(JobStatus.SUCCESSFUL);
            JsonNode second = GeoJson.JSON.readTree(((ComplexValue) again.outputs().get("summary")).text());
            assertThat(second.get("patches").asInt()).isZero();
            assertThat(second.get("already_known").asInt()).isEqualTo(found.size());
            assertThat(new PatchRepository(demo.store).count(PatchQuery.all().ofTask(task.id()))).isEqualTo(found.size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreType.class, names = "H2GIS")
    void lookingOnlyStoresNothingAndBadInputsAreRefusedByName(StoreType type) {
        try (DemoProcessing demo = new DemoProcessing(type, dataDir)) {
            Process process = demo.catalogue.find("change-detection").orElseThrow();
            long before = new PatchRepository(demo.store).count(PatchQuery.all());
            ProcessOutputs outputs = demo.runner.execute(process, ProcessInputs.validate(process.description(), Map.of(
                    "before_epoch", List.of("DEMO-2026-09-20"), "after_epoch", List.of("urn:terrawatch:imagery:DEMO-2026-10-18"),
                    "insert", List.of("false"))), ANALYST);
            JsonNode features = GeoJson.JSON.readTree(((ComplexValue) outputs.get("patches")).text()).get("features");
            assertThat(features.size()).isGreaterThanOrEqualTo(6);
            assertThat(features.get(0).get("properties").has("code")).isFalse();
            assertThat(new PatchRepository(demo.store).count(PatchQuery.all())).isEqualTo(before);

            assertThatThrownBy(() -> ProcessInputs.validate(process.description(), Map.of("insert", List.of("perhaps"))))
                    .isInstanceOf(ProcessFailure.class).hasMessageContaining("boolean")
                    .extracting(e -> ((ProcessFailure) e).locator()).isEqualTo("insert");
            assertThatThrownBy(() -> ProcessInputs.validate(process.description(), Map.of("colour", List.of("red"))))
                    .extracting(e -> ((ProcessFailure) e).code()).isEqualTo(ProcessFailure.INVALID);
            assertThatThrownBy(() -> demo.runner.execute(process, ProcessInputs.validate(process.description(), Map.of()), ANALYST))
                    .isInstanceOf(ProcessFailure.class).extracting(e -> ((ProcessFailure) e).code()).isEqualTo(ProcessFailure.MISSING);
            assertThatThrownBy(() -> demo.runner.execute(process, ProcessInputs.validate(process.description(),
                    Map.of("before_epoch", List.of("NOPE"), "after_epoch", List.of("DEMO-2026-10-18"))), ANALYST))
                    .hasMessageContaining("No imagery epoch named NOPE");
            // The epochs the wrong way round.
            assertThatThrownBy(() -> demo.runner.execute(process, ProcessInputs.validate(process.description(),
                    Map.of("before_epoch", List.of("DEMO-2026-10-18"), "after_epoch", List.of("DEMO-2026-09-20"))), ANALYST))
                    .hasMessageContaining("must precede");
            // Field staff may not create patches: refused, nothing stored.
            Actor field = new Actor("field", java.util.Set.of(org.terrawatch.monitoring.organisation.Role.FIELD_STAFF), "zhifa");
            assertThatThrownBy(() -> demo.runner.execute(process, ProcessInputs.validate(process.description(),
                    Map.of("before_epoch", List.of("DEMO-2026-09-20"), "after_epoch", List.of("DEMO-2026-10-18"))), field))
                    .isInstanceOf(ProcessFailure.class).extracting(e -> ((ProcessFailure) e).code()).isEqualTo(ProcessFailure.FORBIDDEN);
            assertThat(new PatchRepository(demo.store).count(PatchQuery.all())).isEqualTo(before);
        }
    }

    static Job runJob(DemoProcessing demo, Map<String, List<Object>> inputs) throws InterruptedException {
        Process process = demo.catalogue.find("change-detection").orElseThrow();
        Job job = demo.runner.submit(process, ProcessInputs.validate(process.description(), inputs), ANALYST, ResultForm.ALL);
        return awaitFinished(demo, job.id());
    }

    static Job awaitFinished(DemoProcessing demo, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Job job = demo.jobs.find(id).orElseThrow();
            if (job.status().finished()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + id + " did not finish in two minutes");
    }
}
