package org.terrawatch.processing.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridCoverageBuilder;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.demo.DemoData;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.calendar.WorkingCalendar;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;

/**
 * Registering imagery epochs on the demo, both stores: a file of the imagery folder with a cloud mask band gets its
 * footprint, resolution, coverage of the jurisdiction and cloud cover there; bad files and bad declarations are
 * refused and leave nothing behind.
 */
class ImageryRegistrationTest {

    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), "weixing", Set.of());
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static SpatialStore h2;
    static SpatialStore postgis;

    @BeforeAll
    static void demo() throws Exception {
        h2 = store(StoreType.H2GIS);
        postgis = store(StoreType.POSTGIS);
        // The demo's October epoch with a fifth band, a cloud mask over the western 30 % of the image.
        Path october = dir.resolve("data-" + StoreType.H2GIS + "/imagery/demo-2026-10-18.tif");
        for (StoreType type : StoreType.values()) {
            withCloudMask(october, dir.resolve("data-" + type + "/imagery/gf2-2026-11-28.tif"), 0.3);
            cloudMaskOf(october, dir.resolve("data-" + type + "/imagery/s2-2026-11-25-cloud.tif"), 0.45, 0);
            cloudMaskOf(october, dir.resolve("data-" + type + "/imagery/cropped-cloud.tif"), 0.45, 10);
            Files.writeString(dir.resolve("data-" + type + "/imagery/notes.tif"), "not an image", StandardCharsets.UTF_8);
        }
    }

    private static SpatialStore store(StoreType type) {
        SpatialStore store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
        new OrganisationRepository(store).apply(DemoData.organisationSkeleton());
        DemoData.load(store, dir.resolve("data-" + type), new Deadlines(new WorkingCalendar(List.of())));
        return store;
    }

    @AfterAll
    static void close() {
        h2.close();
        postgis.close();
    }

    static ImageryRegistration registration(StoreType type) {
        Path data = dir.resolve("data-" + type);
        return new ImageryRegistration(type == StoreType.H2GIS ? h2 : postgis, data, data.resolve("imagery"), CLOCK, new org.terrawatch.monitoring.event.ChangeEvents());
    }

    static ImageryRegistration.Request request(String name, String bands, String path) {
        return new ImageryRegistration.Request(name, "GF-2 PMS", "2026-11-28", bands, path, null, null);
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void anEpochWithACloudMaskGetsItsFootprintCoverageAndCloudCover(StoreType type) {
        ImageryRegistration.Registered registered = registration(type).register(request("GF2-2026-11-28",
                "BLUE,GREEN,RED,NIR,CLOUD_MASK", "gf2-2026-11-28.tif"), ANALYST);
        var epoch = registered.epoch();
        assertThat(epoch.id()).isPositive();
        assertThat(epoch.crs()).isEqualTo("EPSG:4547");
        assertThat(epoch.resolutionM()).isCloseTo(4.0, within(0.01));
        assertThat(epoch.fileLocation()).isEqualTo("imagery/gf2-2026-11-28.tif");
        assertThat(epoch.cloudPercent()).isCloseTo(30.0, within(2.0));
        assertThat(registered.coveragePercent()).isBetween(0.01, 100.0);
        assertThat(registered.notes()).isEmpty();
        // 512 px of 4 m: about 2 km a side, in degrees near 37.9° N.
        assertThat(epoch.footprint().getEnvelopeInternal().getWidth()).isCloseTo(2048 / 88_000.0, within(0.002));
        assertThat(new ImageryEpochRepository(type == StoreType.H2GIS ? h2 : postgis).findByName("GF2-2026-11-28")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void badFilesAndDeclarationsAreRefusedAndLeaveNothingBehind(StoreType type) throws Exception {
        ImageryRegistration registration = registration(type);
        ImageryEpochRepository epochs = new ImageryEpochRepository(type == StoreType.H2GIS ? h2 : postgis);
        int before = epochs.all().size();
        assertRefused(() -> registration.register(request("X1", "BLUE,GREEN,RED", "demo-2026-10-18.tif"), ANALYST), "BANDS_MISMATCH");
        assertRefused(() -> registration.register(request("X2", "BLUE,GREEN,RED,NIRR", "demo-2026-10-18.tif"), ANALYST), "UNKNOWN_BAND_ROLE");
        assertRefused(() -> registration.register(request("X3", "BLUE,GREEN,RED,NIR", "notes.tif"), ANALYST), "UNREADABLE");
        assertRefused(() -> registration.register(request("X4", "BLUE,GREEN,RED,NIR", "../terrawatch.yml"), ANALYST), "OUTSIDE_FOLDER");
        assertRefused(() -> registration.register(request("X5", "BLUE,GREEN,RED,NIR", "missing.tif"), ANALYST), "NOT_FOUND");
        assertRefused(() -> registration.register(request("DEMO-2026-10-18", "BLUE,GREEN,RED,NIR", "demo-2026-10-18.tif"), ANALYST), "NAME_TAKEN");
        assertRefused(() -> registration.register(new ImageryRegistration.Request("X6", "GF-2", "2026-12-24", "BLUE,GREEN,RED,NIR",
                "demo-2026-10-18.tif", null, null), ANALYST), "BAD_DATE");
        // An upload that is no image: refused, and not left in the imagery folder.
        assertRefused(() -> registration.register(new ImageryRegistration.Request("X7", "GF-2", "2026-11-28", "BLUE,GREEN,RED,NIR", null,
                "x.tif", "GIF89a not a tiff".getBytes(StandardCharsets.US_ASCII)), ANALYST), "UNREADABLE");
        Path uploads = dir.resolve("data-" + type + "/imagery/uploads");
        if (Files.isDirectory(uploads)) {
            try (var files = Files.list(uploads)) {
                assertThat(files.toList()).isEmpty();
            }
        }
        assertThatThrownBy(() -> registration.register(request("X8", "BLUE,GREEN,RED,NIR", "demo-2026-10-18.tif"),
                new Actor("gengdi", Set.of(Role.DEPARTMENT_HANDLER), "gengdi", Set.of()))).isInstanceOf(RuleViolation.class);
        assertThat(epochs.all()).hasSize(before);
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void anUploadedRgbEpochSaysWhatItLacks(StoreType type) throws Exception {
        byte[] content = Files.readAllBytes(dir.resolve("data-" + type + "/imagery/demo-2026-09-20.tif"));
        ImageryRegistration.Registered registered = registration(type).register(new ImageryRegistration.Request("UAV-2026-11-20", "UAV RGB",
                "2026-11-20", "RED,GREEN,BLUE,OTHER", null, "uav.tif", content), ANALYST);
        assertThat(registered.epoch().fileLocation()).isEqualTo("imagery/uploads/UAV-2026-11-20.tif");
        assertThat(registered.notes()).anyMatch(n -> n.startsWith("No mask band")).anyMatch(n -> n.startsWith("No near-infrared band"));
        assertThat(registered.epoch().cloudPercent()).isNull();
        assertThat(registered.epoch().acquiredOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aSeparateCloudMaskGivesTheCloudCoverAndStaysWithTheEpoch(StoreType type) throws Exception {
        ImageryRegistration registration = registration(type);
        Path imagery = dir.resolve("data-" + type + "/imagery");
        Files.copy(imagery.resolve("demo-2026-10-18.tif"), imagery.resolve("s2-2026-11-25.tif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ImageryRegistration.Registered registered = registration.register(new ImageryRegistration.Request("S2-2026-11-25", "Sentinel-2 MSI",
                "2026-11-25", "BLUE,GREEN,RED,NIR", "s2-2026-11-25.tif", null, null, "s2-2026-11-25-cloud.tif", null), ANALYST);
        assertThat(registered.epoch().cloudPercent()).isCloseTo(45.0, within(2.0));
        assertThat(registered.epoch().maskLocation()).isEqualTo("imagery/s2-2026-11-25-cloud.tif");
        assertThat(new ImageryEpochRepository(type == StoreType.H2GIS ? h2 : postgis).findByName("S2-2026-11-25").orElseThrow().maskLocation())
                .isEqualTo("imagery/s2-2026-11-25-cloud.tif");
        assertThat(registered.notes()).noneMatch(n -> n.startsWith("No mask band"));

        // Uploaded with its mask; a mask off the image's grid, or a second mask, is refused and neither upload stays.
        byte[] image = Files.readAllBytes(imagery.resolve("demo-2026-10-18.tif"));
        assertRefused(() -> registration.register(new ImageryRegistration.Request("S2-CROPPED", "Sentinel-2 MSI", "2026-11-25",
                "BLUE,GREEN,RED,NIR", null, "s2.tif", image, null, Files.readAllBytes(imagery.resolve("cropped-cloud.tif"))), ANALYST), "MASK_GRID");
        assertRefused(() -> registration.register(new ImageryRegistration.Request("S2-TWICE", "GF-2", "2026-11-28",
                "BLUE,GREEN,RED,NIR,CLOUD_MASK", "gf2-2026-11-28.tif", null, null, "s2-2026-11-25-cloud.tif", null), ANALYST), "TWO_MASKS");
        try (var files = Files.list(imagery.resolve("uploads"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("S2-"));
        }
        ImageryRegistration.Registered uploaded = registration.register(new ImageryRegistration.Request("S2-UPLOADED", "Sentinel-2 MSI",
                "2026-11-25", "BLUE,GREEN,RED,NIR", null, "s2.tif", image, null, Files.readAllBytes(imagery.resolve("s2-2026-11-25-cloud.tif"))),
                ANALYST);
        assertThat(uploaded.epoch().maskLocation()).isEqualTo("imagery/uploads/S2-UPLOADED.cloud-mask.tif");
        assertThat(uploaded.epoch().cloudPercent()).isCloseTo(45.0, within(2.0));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ImageryRefused.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** A copy of the epoch with a mask band (1 = cloud) over the western share of its columns. */
    private static void withCloudMask(Path source, Path target, double share) throws Exception {
        write(source, target, share, false, 0);
    }

    /** A separate cloud mask for the epoch (1 = cloud) over the western share of its columns, {@code narrower} columns short. */
    private static void cloudMaskOf(Path source, Path target, double share, int narrower) throws Exception {
        write(source, target, share, true, narrower);
    }

    private static void write(Path source, Path target, double share, boolean maskOnly, int narrower) throws Exception {
        GridCoverage coverage;
        try (DataStore store = DataStores.open(source)) {
            GridCoverageResource resource = (GridCoverageResource) ((org.apache.sis.storage.Aggregate) store).components().iterator().next();
            coverage = resource.read(null);
            RenderedImage image = coverage.render(null);
            Raster data = image.getData();
            int width = data.getWidth() - narrower;
            int bands = maskOnly ? 1 : 5;
            WritableRaster out = Raster.createBandedRaster(DataBuffer.TYPE_USHORT, width, data.getHeight(), bands, null);
            for (int b = 0; b < bands - 1; b++) {
                out.setSamples(0, 0, width, data.getHeight(), b, data.getSamples(0, 0, width, data.getHeight(), b, (int[]) null));
            }
            for (int row = 0; row < data.getHeight(); row++) {
                for (int column = 0; column < data.getWidth() * share; column++) {
                    out.setSample(column, row, bands - 1, 1);
                }
            }
            // Written in EPSG:4547 as EPSG defines it (northing, easting), so that the GeoTIFF records its code.
            var grid = coverage.getGridGeometry();
            var m = ((org.apache.sis.referencing.operation.transform.LinearTransform) grid.getGridToCRS(
                    org.apache.sis.coverage.grid.PixelInCell.CELL_CORNER)).getMatrix();
            boolean eastFirst = grid.getCoordinateReferenceSystem().getCoordinateSystem().getAxis(0).getDirection()
                    == org.opengis.referencing.cs.AxisDirection.EAST;
            int north = eastFirst ? 1 : 0;
            int east = eastFirst ? 0 : 1;
            var matrix = new org.apache.sis.referencing.operation.matrix.Matrix3(m.getElement(north, 0), m.getElement(north, 1),
                    m.getElement(north, 2), m.getElement(east, 0), m.getElement(east, 1), m.getElement(east, 2), 0, 0, 1);
            var domain = new org.apache.sis.coverage.grid.GridGeometry(new org.apache.sis.coverage.grid.GridExtent(width, data.getHeight()),
                    org.apache.sis.coverage.grid.PixelInCell.CELL_CORNER, org.apache.sis.referencing.operation.transform.MathTransforms.linear(matrix),
                    org.apache.sis.referencing.CRS.forCode("EPSG:4547"));
            GridCoverage masked = new GridCoverageBuilder().setValues(out).setDomain(domain).build();
            Files.deleteIfExists(target);
            try (DataStore written = DataStores.openWritable(target, "GeoTIFF")) {
                ((GeoTiffStore) written).append(masked, null);
            }
        }
    }
}
