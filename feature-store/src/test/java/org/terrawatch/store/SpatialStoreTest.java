package org.terrawatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.terrawatch.store.testing.TestStores;

/** The one SQL code path behaves the same on PostGIS and H2GIS. */
class SpatialStoreTest {

    private static final String MIGRATIONS = "db/storetest";

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void geometriesRoundTripAndBoundingBoxesSelect(StoreType type) throws Exception {
        try (SpatialStore store = TestStores.open(type, MIGRATIONS)) {
            assertThat(store.type()).isEqualTo(type);
            assertThat(store.describe()).contains(type == StoreType.POSTGIS ? "PostGIS" : "H2GIS");
            Geometry yangquan = new WKTReader(Wkb.factory()).read(
                    "MULTIPOLYGON(((113.5 37.8, 113.6 37.8, 113.6 37.9, 113.5 37.9, 113.5 37.8),"
                            + "(113.52 37.82, 113.52 37.84, 113.54 37.84, 113.54 37.82, 113.52 37.82)))");
            insert(store, "阳泉", yangquan);
            insert(store, "红寺堡", new WKTReader().read("MULTIPOLYGON(((106.1 37.3, 106.2 37.3, 106.2 37.4, 106.1 37.3)))"));

            List<String> inYangquanBox = store.jdbc()
                    .sql("SELECT name FROM sample_area WHERE geom && ST_MakeEnvelope(:w, :s, :e, :n, 4490) ORDER BY name")
                    .param("w", 113.0).param("s", 37.0).param("e", 114.0).param("n", 38.0)
                    .query(String.class).list();
            assertThat(inYangquanBox).containsExactly("阳泉");

            byte[] wkb = store.jdbc().sql("SELECT ST_AsBinary(geom) FROM sample_area WHERE name = '阳泉'")
                    .query(byte[].class).single();
            Geometry back = Wkb.read(wkb);
            assertThat(back.equalsExact(yangquan)).isTrue();
            assertThat(back.getSRID()).isEqualTo(4490);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aFailingTransactionLeavesNothingBehind(StoreType type) throws Exception {
        try (SpatialStore store = TestStores.open(type, MIGRATIONS)) {
            Geometry square = new WKTReader().read("MULTIPOLYGON(((113.5 37.8, 113.6 37.8, 113.6 37.9, 113.5 37.8)))");
            assertThatThrownBy(() -> store.inTransaction(() -> {
                insert(store, "first", square);
                insert(store, null, square); // NOT NULL violation
            })).isInstanceOf(RuntimeException.class);
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM sample_area").query(Long.class).single()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void geometryColumnsRefuseOtherTypesAndReferenceSystems(StoreType type) throws Exception {
        try (SpatialStore store = TestStores.open(type, MIGRATIONS)) {
            Geometry point = new WKTReader().read("POINT(113.5 37.8)");
            assertThatThrownBy(() -> insert(store, "point", point)).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> store.jdbc()
                    .sql("INSERT INTO sample_area(name, geom) VALUES ('wgs84', ST_GeomFromWKB(:g, 4326))")
                    .param("g", Wkb.write(new WKTReader().read("MULTIPOLYGON(((1 1, 2 1, 2 2, 1 1)))")))
                    .update()).isInstanceOf(RuntimeException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void reopeningAnEmbeddedStoreKeepsItsDataAndDoesNotMigrateTwice() throws Exception {
        StoreSettings settings = TestStores.freshDatabase(StoreType.H2GIS);
        Geometry square = new WKTReader().read("MULTIPOLYGON(((113.5 37.8, 113.6 37.8, 113.6 37.9, 113.5 37.8)))");
        try (SpatialStore store = SpatialStore.open(settings, MIGRATIONS)) {
            insert(store, "kept", square);
        }
        try (SpatialStore store = SpatialStore.open(settings, MIGRATIONS)) {
            assertThat(store.jdbc().sql("SELECT name FROM sample_area").query(String.class).list()).containsExactly("kept");
        }
    }

    @org.junit.jupiter.api.Test
    void theUrlChoosesTheStore() {
        assertThat(StoreType.forJdbcUrl("jdbc:postgresql://127.0.0.1/terrawatch")).isEqualTo(StoreType.POSTGIS);
        assertThat(StoreType.forJdbcUrl("jdbc:h2:file:/tmp/x")).isEqualTo(StoreType.H2GIS);
        assertThatThrownBy(() -> StoreType.forJdbcUrl("jdbc:mysql://x")).hasMessageContaining("Unsupported store URL");
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aLockHeldLongerThanTheWaitIsReportedBusyAndAnOwnTransactionCommitsAlone(StoreType type) throws Exception {
        try (SpatialStore store = SpatialStore.open(TestStores.freshDatabase(type).withLockWait(Duration.ofMillis(300)), MIGRATIONS)) {
            Geometry square = new WKTReader().read("MULTIPOLYGON(((113.5 37.8, 113.6 37.8, 113.6 37.9, 113.5 37.8)))");
            insert(store, "held", square);
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService editor = Executors.newSingleThreadExecutor();
            try {
                Future<?> longEdit = editor.submit(() -> store.inTransaction(() -> {
                    store.jdbc().sql("UPDATE sample_area SET name = 'held long' WHERE name = 'held'").update();
                    holding.countDown();
                    await(release);
                }));
                await(holding);
                Throwable waited = catchThrowable(() -> store.jdbc().sql("UPDATE sample_area SET name = 'other' WHERE name = 'held'").update());
                assertThat(waited).isNotNull();
                assertThat(StoreBusy.causedBy(waited)).as("%s", waited).isTrue();
                release.countDown();
                longEdit.get(30, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                editor.shutdownNow();
            }
            assertThat(StoreBusy.causedBy(new IllegalStateException("a plain failure"))).isFalse();

            // Work in a transaction of its own stays committed when the caller's transaction rolls back.
            assertThatThrownBy(() -> store.inTransaction(() -> {
                insert(store, "rolled back", square);
                store.inOwnTransaction(() -> {
                    insert(store, "kept", square);
                    return null;
                });
                throw new IllegalStateException("the caller fails");
            })).hasMessage("the caller fails");
            assertThat(store.jdbc().sql("SELECT name FROM sample_area ORDER BY name").query(String.class).list())
                    .containsExactly("held long", "kept");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 30 s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void insert(SpatialStore store, String name, Geometry geometry) {
        store.jdbc().sql("INSERT INTO sample_area(name, geom) VALUES (:name, ST_GeomFromWKB(:geom, 4490))")
                .param("name", name).param("geom", Wkb.write(geometry)).update();
    }
}
