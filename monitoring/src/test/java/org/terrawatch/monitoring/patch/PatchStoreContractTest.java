package org.terrawatch.monitoring.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.terrawatch.monitoring.StoreFixture.GUANSHAN;
import static org.terrawatch.monitoring.StoreFixture.NOW;
import static org.terrawatch.monitoring.StoreFixture.PINGDING;
import static org.terrawatch.monitoring.StoreFixture.YU_COUNTY;
import static org.terrawatch.monitoring.StoreFixture.box;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.StoreFixture;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;

/**
 * The store contract for change patches — insert, query by bbox, attributes and time, update, delete,
 * rollback, concurrent writers — on PostGIS and on H2GIS alike.
 */
class PatchStoreContractTest {

    private static final AdminLocation GUANSHAN_TOWN = new AdminLocation(PINGDING, "平定县", GUANSHAN, "冠山镇", null, null);

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void createdPatchesAreNumberedMeasuredAndReadBack(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            MultiPolygon outline = box(113.600, 37.800, 113.602, 37.8015);
            ChangePatch created = patches.create(newPatch(outline, LocalDate.of(2026, 10, 20), ChangeType.BUILDING_ON_FARMLAND), NOW);

            assertThat(created.code()).isEqualTo("1403212026100001");
            assertThat(created.status()).isEqualTo(PatchStatus.NEW);
            assertThat(created.category()).isEqualTo(PatchCategory.FARMLAND_CONVERSION);
            assertThat(created.version()).isZero();
            assertThat(created.area().squareMetres()).isCloseTo(GeodesicArea.of(outline).squareMetres(), withinPercentage(1e-9));
            assertThat(created.area().squareMetres()).isCloseTo(176.1 * 166.8, withinPercentage(1)); // ~176 m x ~167 m at 37.8N
            assertThat(created.area().mu()).isCloseTo(created.area().squareMetres() * 15 / 10_000, withinPercentage(1e-9));
            assertThat(outline.contains(created.centroid())).isTrue();
            assertThat(created.geometry().equalsExact(outline)).isTrue();
            assertThat(created.location()).isEqualTo(GUANSHAN_TOWN);
            assertThat(created.overlay().onFarmlandM2()).isEqualTo(1200.0);
            assertThat(created.createdAt()).isEqualTo(NOW);
            assertThat(patches.findByCode("1403212026100001")).contains(created);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void sequencesRestartPerCountyAndMonthAndUnknownCountiesAreRefused(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            LocalDate october = LocalDate.of(2026, 10, 5);
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                codes.add(patches.create(newPatch(box(113.6, 37.8, 113.601, 37.801), october, ChangeType.NEW_BUILDING), NOW).code());
            }
            codes.add(smallPatch(patches, LocalDate.of(2026, 11, 1)).code());
            NewPatch inYu = new NewPatch(null, null, october, ChangeType.NEW_BUILDING, box(113.3, 38.1, 113.301, 38.101),
                    AdminLocation.ofCounty(YU_COUNTY, "盂县"), null);
            codes.add(patches.create(inYu, NOW).code());
            assertThat(codes).containsExactly("1403212026100001", "1403212026100002", "1403212026100003",
                    "1403212026110001", "1403222026100001");

            NewPatch nowhere = new NewPatch(null, null, october, ChangeType.NEW_BUILDING, box(1, 1, 2, 2),
                    AdminLocation.ofCounty("999999", null), null);
            assertThatThrownBy(() -> patches.create(nowhere, NOW)).hasMessageContaining("Unknown county 999999");
            assertThat(patches.count(PatchQuery.all())).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void queriesSelectByBoundingBoxAttributesAndTime(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            ChangePatch west = patches.create(newPatch(box(113.50, 37.80, 113.51, 37.81), LocalDate.of(2026, 9, 12), ChangeType.NEW_BUILDING), NOW);
            ChangePatch east = patches.create(newPatch(box(113.80, 37.80, 113.81, 37.81), LocalDate.of(2026, 10, 3), ChangeType.OPEN_PIT_EXCAVATION), NOW);
            ChangePatch north = patches.create(new NewPatch(null, null, LocalDate.of(2026, 10, 28), ChangeType.BURNED_AREA,
                    box(113.30, 38.20, 113.32, 38.21), AdminLocation.ofCounty(YU_COUNTY, "盂县"), null), NOW);
            patches.update(east.edit(d -> d.status = PatchStatus.PUSHED), NOW);

            assertThat(codes(patches.query(PatchQuery.all().within(new Envelope(113.45, 113.55, 37.75, 37.85)))))
                    .containsExactly(west.code());
            assertThat(codes(patches.query(PatchQuery.all().within(new Envelope(113.0, 114.0, 37.0, 39.0)))))
                    .containsExactly(west.code(), east.code(), north.code());
            assertThat(codes(patches.query(PatchQuery.all().inCategories(Set.of(PatchCategory.NON_COAL_MINE, PatchCategory.FIRE_WARNING)))))
                    .containsExactly(east.code(), north.code());
            assertThat(codes(patches.query(PatchQuery.all().inStatuses(Set.of(PatchStatus.PUSHED))))).containsExactly(east.code());
            assertThat(codes(patches.query(PatchQuery.all().inCounty(YU_COUNTY)))).containsExactly(north.code());
            assertThat(codes(patches.query(PatchQuery.all().changedBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)))))
                    .containsExactly(east.code(), north.code());
            assertThat(codes(patches.query(PatchQuery.all().changedBetween(LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 12)))))
                    .containsExactly(west.code());
            assertThat(codes(patches.query(PatchQuery.all().page(2, 1)))).containsExactly(east.code(), north.code());
            assertThat(patches.count(PatchQuery.all().page(1, 0))).isEqualTo(3);
            assertThat(patches.count(PatchQuery.all().within(new Envelope(100, 101, 30, 31)))).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void updatesWriteEveryEditableFieldAndRefuseStaleVersions(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            ChangePatch original = smallPatch(patches, LocalDate.of(2026, 10, 5));
            MultiPolygon redrawn = box(113.6, 37.8, 113.602, 37.801);
            java.time.Instant later = NOW.plusSeconds(3600);
            ChangePatch edited = patches.update(original.edit(d -> {
                d.changeType = ChangeType.POND_DIGGING;
                d.geometry = redrawn;
                d.precheckResult = PrecheckResult.SUSPECTED_VIOLATION;
                d.precheckNote = "占用耕地挖塘";
                d.responsibleDepartment = "gengdi";
                d.status = PatchStatus.VERIFIED;
                d.pushedAt = NOW;
                d.verificationDue = LocalDate.of(2026, 12, 3);
                d.verification = new Verification(VerificationResult.ILLEGAL, "现场核实为违法挖塘", "duty", later);
                d.handling = new Handling(HandlingMeasure.CASE_FILED, "已立案", later);
            }), later);

            assertThat(edited.version()).isEqualTo(1);
            assertThat(edited.category()).isEqualTo(PatchCategory.FARMLAND_CONVERSION);
            assertThat(edited.changeType()).isEqualTo(ChangeType.POND_DIGGING);
            assertThat(edited.area().squareMetres()).isCloseTo(2 * original.area().squareMetres(), withinPercentage(0.1));
            assertThat(edited.verification().result()).isEqualTo(VerificationResult.ILLEGAL);
            assertThat(edited.verification().note()).isEqualTo("现场核实为违法挖塘");
            assertThat(edited.handling().measure()).isEqualTo(HandlingMeasure.CASE_FILED);
            assertThat(edited.responsibleDepartment()).isEqualTo("gengdi");
            assertThat(edited.updatedAt()).isEqualTo(later);
            assertThat(edited.code()).isEqualTo(original.code());

            assertThatThrownBy(() -> patches.update(original.edit(d -> d.status = PatchStatus.CLOSED), later))
                    .isInstanceOf(ConcurrentEditException.class);
            assertThat(patches.find(original.id())).contains(edited);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void deletedPatchesAreGone(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            ChangePatch patch = smallPatch(patches, LocalDate.of(2026, 10, 5));
            assertThat(patches.delete(patch.id())).isTrue();
            assertThat(patches.find(patch.id())).isEmpty();
            assertThat(patches.delete(patch.id())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aFailedTransactionRollsBackEveryChange(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            ChangePatch kept = smallPatch(patches, LocalDate.of(2026, 10, 5));
            assertThatThrownBy(() -> store.inTransaction(() -> {
                patches.create(newPatch(box(113.61, 37.8, 113.611, 37.801), LocalDate.of(2026, 10, 5), ChangeType.NEW_BUILDING), NOW);
                patches.update(kept.edit(d -> d.status = PatchStatus.PRE_CHECKED), NOW);
                patches.delete(kept.id());
                patches.create(new NewPatch(null, null, LocalDate.of(2026, 10, 5), ChangeType.NEW_BUILDING, box(1, 1, 2, 2),
                        AdminLocation.ofCounty("999999", null), null), NOW);
            })).hasMessageContaining("Unknown county");

            assertThat(patches.count(PatchQuery.all())).isEqualTo(1);
            assertThat(patches.find(kept.id())).contains(kept);
            // The sequence number the failed transaction took stays used: codes may have gaps, never repeats.
            assertThat(smallPatch(patches, LocalDate.of(2026, 10, 6)).code())
                    .isEqualTo("1403212026100003");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void concurrentWritersGetUniqueGaplessCodes(StoreType type) throws Exception {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            int writers = 8;
            int each = 10;
            List<String> codes = runConcurrently(writers, () -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(smallPatch(patches, LocalDate.of(2026, 10, 5)).code());
                }
                return mine;
            }).stream().flatMap(List::stream).toList();

            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= writers * each; i++) {
                expected.add(PatchCodes.code(PINGDING, java.time.YearMonth.of(2026, 10), i));
            }
            assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aLongEditDoesNotHoldBackAnotherWriterOfItsCounty(StoreType type) throws Exception {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            CountDownLatch created = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService analyst = Executors.newSingleThreadExecutor();
            try {
                Future<String> longEdit = analyst.submit(() -> store.inTransaction(() -> {
                    String code = smallPatch(patches, LocalDate.of(2026, 10, 5)).code();
                    created.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return code;
                }));
                assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();
                // While that edit is open, another writer of the same county and month stores its patch at once
                // (well within the store's lock wait: it does not wait for the open edit at all).
                ExecutorService other = Executors.newSingleThreadExecutor();
                String second;
                try {
                    second = other.submit(() -> smallPatch(patches, LocalDate.of(2026, 10, 6)).code()).get(5, TimeUnit.SECONDS);
                } finally {
                    other.shutdownNow();
                }
                release.countDown();
                String first = longEdit.get(30, TimeUnit.SECONDS);
                assertThat(List.of(first, second)).containsExactlyInAnyOrder("1403212026100001", "1403212026100002");
            } finally {
                release.countDown();
                analyst.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void concurrentUpdatesOfOnePatchLoseNothing(StoreType type) throws Exception {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchRepository patches = new PatchRepository(store);
            ChangePatch patch = smallPatch(patches, LocalDate.of(2026, 10, 5));
            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch allRead = new CountDownLatch(8);
            List<String> winners = runConcurrently(8, () -> {
                String note = "note of " + Thread.currentThread().getName();
                ChangePatch seen = patches.find(patch.id()).orElseThrow();
                allRead.countDown();
                allRead.await(30, TimeUnit.SECONDS);
                try {
                    patches.update(seen.edit(d -> d.precheckNote = note), NOW);
                    return List.of(note);
                } catch (ConcurrentEditException lost) {
                    conflicts.incrementAndGet();
                    return List.<String>of();
                }
            }).stream().flatMap(List::stream).toList();

            assertThat(winners).hasSize(1);
            assertThat(conflicts.get()).isEqualTo(7);
            ChangePatch stored = patches.find(patch.id()).orElseThrow();
            assertThat(stored.precheckNote()).isEqualTo(winners.get(0));
            assertThat(stored.version()).isEqualTo(1);
        }
    }

    private static <T> List<T> runConcurrently(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static NewPatch newPatch(MultiPolygon outline, LocalDate afterDate, ChangeType type) {
        return new NewPatch(null, afterDate.minusMonths(1), afterDate, type, outline, GUANSHAN_TOWN,
                new OverlayAreas(1200, 800, 1500, 0, 0, 0));
    }

    /** A new building of about 88 m x 111 m in Guanshan town, changed on the given day. */
    private static ChangePatch smallPatch(PatchRepository patches, LocalDate afterDate) {
        return patches.create(newPatch(box(113.6, 37.8, 113.601, 37.801), afterDate, ChangeType.NEW_BUILDING), NOW);
    }

    private static List<String> codes(List<ChangePatch> patches) {
        return patches.stream().map(ChangePatch::code).toList();
    }
}
