package org.terrawatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.change.DetectionProgress;
import org.terrawatch.change.DetectionSettings;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.task.MonitoringPeriod;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.processing.extraction.ExtractionResult;
import org.terrawatch.processing.extraction.MinimumMappingUnits;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.MovableClock;

/**
 * Closing October on the demo, both stores (article 14): the planted changes its departments verified as real go to the
 * working base map; a detection of the same change in a later task then takes them as known instead of reporting them
 * again.
 */
class MonthCloseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void verifiedChangesGoToTheWorkingBaseMapAndAreNotReportedAgain(StoreType type) {
        try (SpatialStore store = DemoStore.open(type, dir)) {
            MovableClock clock = new MovableClock(Instant.parse("2026-11-25T02:00:00Z"));
            PatchEditor editor = new PatchEditor(store, new AuditLog(store), new ChangeEvents(), () -> DemoStore.DEADLINES, clock);
            MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
            MonitoringTask october = tasks.findByCode("M2026-10").orElseThrow();
            // The detection of October's epochs as another task would report its changes.
            ChangeExtraction extraction = new ChangeExtraction(store, dir, editor, DetectionSettings.DEFAULTS, MinimumMappingUnits.DEFAULTS);
            MonitoringTask again = tasks.plan(MonitoringPeriod.instant(LocalDate.of(2026, 10, 19)), null, clock.instant());
            ImageryEpochRepository epochs = new ImageryEpochRepository(store);
            var before = epochs.find(october.beforeEpochId()).orElseThrow();
            var after = epochs.find(october.afterEpochId()).orElseThrow();
            ExtractionResult first = extraction.run(again, before, after, null, false, Actor.SYSTEM, DetectionProgress.NONE);
            assertThat(first.patches()).isNotEmpty();

            // October's detected patches are verified as real changes, and October is closed.
            int verified = 0;
            for (ChangePatch patch : new PatchRepository(store).query(PatchQuery.all().ofTask(october.id()))) {
                if (patch.precheckResult() != null || patch.status() != org.terrawatch.monitoring.patch.PatchStatus.NEW) {
                    continue;
                }
                editor.update(Actor.SYSTEM, Channel.REST, patch.id(), null, Map.of("precheck_result", "SUSPECTED_VIOLATION", "status", "PRE_CHECKED"));
                editor.update(Actor.SYSTEM, Channel.REST, patch.id(), null, Map.of("responsible_department", "gengdi", "status", "PUSHED"));
                editor.update(Actor.SYSTEM, Channel.REST, patch.id(), null, Map.of("verification_result", "ILLEGAL", "status", "VERIFIED"));
                verified++;
            }
            assertThat(verified).isPositive();
            MonthClose.Closed closed = new MonthClose(store, new ChangeEvents(), "weixing").close(october, "analyst", clock.instant());
            assertThat(closed.handedOn()).isGreaterThanOrEqualTo(verified);
            assertThat(tasks.findByCode("M2026-10").orElseThrow().state()).isEqualTo(TaskState.REPORTED);
            assertThat(new BaseLayerRepository(store).versionValidOn(BaseLayerKind.VERIFIED_CHANGE, LocalDate.of(2026, 11, 1)))
                    .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(closed.versionId()));

            // The same changes, detected after the close: known, not reported again.
            var later = new org.terrawatch.monitoring.imagery.ImageryEpoch(0, "LATER", after.sensor(), LocalDate.of(2026, 11, 20),
                    after.resolutionM(), after.crs(), after.bandLayout(), after.cloudPercent(), after.fileLocation(), after.footprint(),
                    clock.instant());
            ExtractionResult second = extraction.run(again, before, epochs.register(later), null, false, Actor.SYSTEM, DetectionProgress.NONE);
            assertThat(second.known()).isGreaterThan(first.known());
            assertThat(second.patches().size()).isLessThan(first.patches().size());
        }
    }
}
