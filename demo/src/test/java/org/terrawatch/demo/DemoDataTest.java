package org.terrawatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.referencing.CRS;
import org.apache.sis.util.ComparisonMode;
import org.apache.sis.util.Utilities;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Aggregate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.calendar.WorkingCalendar;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.summary.MonitoringSummary;
import org.terrawatch.monitoring.summary.SummaryQuery;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;

class DemoDataTest {

    private static final Deadlines DEADLINES = new Deadlines(new WorkingCalendar(List.of()));

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void theDemoIsPlausibleAndTheSameEveryTime(StoreType type, @TempDir Path first, @TempDir Path second) throws Exception {
        try (SpatialStore a = openWithOrganisation(type); SpatialStore b = openWithOrganisation(StoreType.H2GIS)) {
            assertThat(DemoData.isEmpty(a)).isTrue();
            DemoReport report = DemoData.load(a, first, DEADLINES);
            DemoReport again = DemoData.load(b, second, DEADLINES);
            assertThat(DemoData.isEmpty(a)).isFalse();
            assertThat(again).isEqualTo(report);
            assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
            assertThat(sha256(first.resolve("imagery/demo-2026-10-18.tif"))).isEqualTo(sha256(second.resolve("imagery/demo-2026-10-18.tif")));

            MonitoringSummary summary = new SummaryQuery(a).read(DemoData.REFERENCE_DAY);
            assertThat(summary.patches()).isEqualTo(report.patches()).isBetween(250L, 400L);
            assertThat(summary.patchesByCategory().values()).allMatch(n -> n > 0);
            assertThat(summary.patchesByStatus().values().stream().filter(n -> n > 0).count()).isGreaterThanOrEqualTo(7);
            assertThat(summary.overduePatches()).isPositive();
            assertThat(summary.adminUnits()).isEqualTo(report.adminUnits()).isGreaterThan(100);
            assertThat(summary.cameras()).isEqualTo(38);
            assertThat(summary.camerasOnline()).isBetween(30L, 37L);
            assertThat(summary.alerts()).isEqualTo(160);
            assertThat(summary.alertsByScreening().values()).allMatch(n -> n > 0);
            assertThat(summary.workOrders()).isEqualTo(report.workOrders()).isPositive();
            assertThat(summary.workOrdersByState().get("CLOSED")).isPositive();
            assertThat(summary.baseLayerVersions()).isEqualTo(10);
            assertThat(summary.monitoringTasks()).isEqualTo(5);

            List<ChangePatch> patches = new PatchRepository(a).query(PatchQuery.all());
            AdminUnitRepository units = new AdminUnitRepository(a);
            long attributedWhereTheyLie = patches.stream()
                    .filter(p -> p.location().countyCode().equals(units.locate(p.centroid()).countyCode())).count();
            assertThat(attributedWhereTheyLie).isGreaterThan(patches.size() * 95L / 100);
            assertThat(patches).allMatch(p -> p.code().startsWith(p.location().countyCode() + "2026"));
            assertThat(patches).anyMatch(p -> p.overlay().onFarmlandM2() > 0);
            assertThat(patches).anyMatch(p -> p.overlay().outsideMiningLicenceM2() > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreType.class, names = "H2GIS")
    void theImageryEpochsAreGeoTiffsWithThePlantedChanges(StoreType type, @TempDir Path dataDir) throws Exception {
        try (SpatialStore store = openWithOrganisation(type)) {
            DemoData.load(store, dataDir, DEADLINES);
            var epochs = new ImageryEpochRepository(store).all();
            assertThat(epochs).hasSize(2);
            Raster before = read(dataDir.resolve(epochs.get(0).fileLocation()));
            Raster after = read(dataDir.resolve(epochs.get(1).fileLocation()));
            assertThat(before.getNumBands()).isEqualTo(4);
            assertThat(before.getWidth()).isEqualTo(DemoImagery.SIZE);
            // Inside the planted pond (col 150.., row 300..) NIR falls from crop to water.
            assertThat(before.getSample(170, 315, 3)).isGreaterThan(2500);
            assertThat(after.getSample(170, 315, 3)).isLessThan(800);
            // Outside the changes only the illumination differs.
            assertThat(after.getSample(20, 20, 3) / (double) before.getSample(20, 20, 3)).isBetween(1.0, 1.2);

            ChangePatch pond = new PatchRepository(store).query(PatchQuery.all()).stream()
                    .filter(p -> p.changeType() == org.terrawatch.monitoring.patch.ChangeType.POND_DIGGING
                            && epochs.get(1).footprint().contains(p.centroid()))
                    .findFirst().orElseThrow();
            assertThat(pond.area().squareMetres()).isCloseTo(45 * 35 * 16.0, org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    private static Raster read(Path file) throws Exception {
        try (DataStore store = DataStores.open(file)) {
            GridCoverageResource resource = (GridCoverageResource) ((Aggregate) store).components().iterator().next();
            GridCoverage coverage = resource.read(null);
            // GeoTIFF keeps the EPSG code; the reader gives the CRS in GeoTIFF's (easting, northing) axis order.
            assertThat(Utilities.deepEquals(CRS.forCode("EPSG:4547"), coverage.getCoordinateReferenceSystem(),
                    ComparisonMode.ALLOW_VARIANT)).isTrue();
            return coverage.render(null).getData();
        }
    }

    private static SpatialStore openWithOrganisation(StoreType type) {
        SpatialStore store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
        new OrganisationRepository(store).apply(DemoData.organisationSkeleton());
        return store;
    }

    /** Codes, areas and states of every patch: equal for two loads of the demo. */
    private static Map<String, String> fingerprint(SpatialStore store) {
        return new PatchRepository(store).query(PatchQuery.all()).stream().collect(Collectors.toMap(ChangePatch::code,
                p -> String.format("%.3f %s %s %s", p.area().squareMetres(), p.status(), p.changeType(), p.verificationDue())));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
