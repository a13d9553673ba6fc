package org.terrawatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.MovableClock;
import org.terrawatch.submission.FeatureOutcome;
import org.terrawatch.submission.testing.Gdal;

/**
 * The ministry's patches of a month, as a GeoPackage in Gauss-Krüger metres made by GDAL, imported as task M2026-10's on
 * the demo of both stores: attributed, typed from their Chinese change type, compared and created NEW; a file with a
 * patch outside the jurisdiction is refused whole.
 */
class PatchImportTest {

    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), "weixing", Set.of());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void theMinistrysPatchesBecomeTheTasksOwn(StoreType type) throws Exception {
        try (SpatialStore store = DemoStore.open(type, dir.resolve("demo"))) {
            Deadlines deadlines = DemoStore.DEADLINES;
            PatchEditor editor = new PatchEditor(store, new AuditLog(store), new ChangeEvents(), () -> deadlines,
                    new MovableClock(Instant.parse("2026-11-25T02:00:00Z")));
            MonitoringTask october = new MonitoringTaskRepository(store).findByCode("M2026-10").orElseThrow();
            ChangePatch known = new PatchRepository(store).query(PatchQuery.all().ofTask(october.id())).get(0);
            double lon = known.centroid().getX() + 0.01;
            double lat = known.centroid().getY() + 0.01;
            Path ministry = Files.writeString(dir.resolve("ministry.geojson"), String.format(java.util.Locale.ROOT, """
                    {"type":"FeatureCollection","features":[
                    {"type":"Feature","properties":{"JCBH":"140321-2026-10-001","变化类型":"新增建筑"},"geometry":{"type":"Polygon",
                     "coordinates":[[[%1$f,%2$f],[%3$f,%2$f],[%3$f,%4$f],[%1$f,%4$f],[%1$f,%2$f]]]}},
                    {"type":"Feature","properties":{"JCBH":"140321-2026-10-002","变化类型":"POND_DIGGING"},"geometry":{"type":"Polygon",
                     "coordinates":[[[%5$f,%2$f],[%6$f,%2$f],[%6$f,%4$f],[%5$f,%4$f],[%5$f,%2$f]]]}}]}
                    """, lon, lat, lon + 0.002, lat + 0.0015, lon + 0.004, lon + 0.006));
            byte[] gpkg = Files.readAllBytes(Gdal.ogr2ogr(dir.resolve("ministry.gpkg"), ministry, "-f", "GPKG", "-s_srs", "EPSG:4490",
                    "-t_srs", "EPSG:4547"));
            int before = new PatchRepository(store).query(PatchQuery.all().ofTask(october.id())).size();
            PatchImport.Outcome outcome = new PatchImport(store, editor).run(october, gpkg, "部下发图斑.gpkg", null, ANALYST);
            assertThat(outcome.crs()).contains("EPSG:4547");
            assertThat(outcome.features()).extracting(FeatureOutcome::status).containsOnly(FeatureOutcome.Status.ACCEPTED);
            assertThat(outcome.created()).hasSize(2);
            ChangePatch building = outcome.created().get(0);
            assertThat(building.changeType()).isEqualTo(ChangeType.NEW_BUILDING);
            assertThat(building.status()).isEqualTo(PatchStatus.NEW);
            assertThat(building.location().countyCode()).isNotNull();
            assertThat(building.area().squareMetres()).isBetween(20_000.0, 40_000.0); // 0.002° × 0.0015° near 37.9° N
            assertThat(outcome.created().get(1).changeType()).isEqualTo(ChangeType.POND_DIGGING);
            assertThat(new PatchRepository(store).query(PatchQuery.all().ofTask(october.id()))).hasSize(before + 2);

            // One patch 100 km off (its CRS declared wrongly, say): the whole file is refused.
            Path astray = Files.writeString(dir.resolve("astray.geojson"), Files.readString(ministry)
                    .replace(String.format(java.util.Locale.ROOT, "%f", lon + 0.004), String.format(java.util.Locale.ROOT, "%f", lon + 1.5))
                    .replace(String.format(java.util.Locale.ROOT, "%f", lon + 0.006), String.format(java.util.Locale.ROOT, "%f", lon + 1.502)));
            PatchImport.Outcome refused = new PatchImport(store, editor).run(october, Files.readAllBytes(astray), "astray.geojson", null, ANALYST);
            assertThat(refused.created()).isEmpty();
            assertThat(refused.features().get(1).code()).isEqualTo("OUTSIDE_JURISDICTION");
            assertThat(new PatchRepository(store).query(PatchQuery.all().ofTask(october.id()))).hasSize(before + 2);
        }
    }
}
