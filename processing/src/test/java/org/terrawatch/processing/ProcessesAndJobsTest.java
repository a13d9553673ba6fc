package org.terrawatch.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.sis.coverage.grid.GridCoverageBuilder;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.processing.job.Job;
import org.terrawatch.processing.job.JobStatus;
import org.terrawatch.processing.job.ResultForm;
import org.terrawatch.processing.processes.PolygonizeProcess;
import org.terrawatch.store.StoreType;
import tools.jackson.databind.JsonNode;

/** Echo, area statistics, overlay statistics and polygonize on the demo store; jobs dismissed and resumed after a restart. */
class ProcessesAndJobsTest {

    @TempDir
    static Path dataDir;
    static DemoProcessing demo;

    @BeforeAll
    static void demo() {
        demo = new DemoProcessing(StoreType.H2GIS, dataDir);
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void echoReturnsItsInputs() {
        BoundingBox box = new BoundingBox(new double[] {37.7, 113.5}, new double[] {37.8, 113.6}, "urn:ogc:def:crs:EPSG::4490");
        ProcessOutputs outputs = run("echo", Map.of("string_input", List.of("阳泉 patch"), "double_input", List.of("2.5"),
                "bbox_input", List.of(box), "complex_input", List.of(ComplexValue.text("application/json", "{\"a\":1}"))));
        assertThat(outputs.get("string_output")).isEqualTo("阳泉 patch");
        assertThat(outputs.get("double_output")).isEqualTo(2.5);
        assertThat(outputs.get("bbox_output")).isSameAs(box);
        assertThat(((ComplexValue) outputs.get("complex_output")).text()).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> run("echo", Map.of("complex_input", List.of(ComplexValue.text("image/png", "x")))))
                .hasMessageContaining("not image/png");
    }

    @Test
    void aDismissedJobStopsAndStaysDismissed() throws Exception {
        Process echo = demo.catalogue.find("echo").orElseThrow();
        Job job = demo.runner.submit(echo, ProcessInputs.validate(echo.description(), Map.of("pause_seconds", List.of("30"))),
                ChangeDetectionProcessTest.ANALYST, ResultForm.ALL);
        awaitStatus(job.id(), JobStatus.RUNNING);
        // A job is its owner's (and administrators'): another user neither sees nor dismisses it.
        org.terrawatch.monitoring.workflow.Actor other = new org.terrawatch.monitoring.workflow.Actor("gengdi",
                java.util.Set.of(org.terrawatch.monitoring.organisation.Role.DEPARTMENT_HANDLER), "gengdi");
        assertThat(demo.runner.job(job.id(), other)).isEmpty();
        assertThat(demo.runner.dismiss(job.id(), other)).isFalse();
        assertThat(demo.runner.jobs(other, 100)).extracting(Job::id).doesNotContain(job.id());
        assertThat(demo.runner.jobs(null, 100)).as("an anonymous caller lists no job").isEmpty();
        assertThat(demo.runner.job(job.id(), org.terrawatch.monitoring.workflow.Actor.SYSTEM)).as("an administrator sees it").isPresent();
        assertThat(demo.runner.jobs(ChangeDetectionProcessTest.ANALYST, 100)).extracting(Job::id).contains(job.id());
        assertThat(demo.runner.dismiss(job.id(), ChangeDetectionProcessTest.ANALYST)).isTrue();
        Thread.sleep(1500);
        Job after = demo.jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.DISMISSED);
        assertThat(after.outputs()).isNull();
        assertThat(demo.runner.dismiss("no-such-job", ChangeDetectionProcessTest.ANALYST)).isFalse();
    }

    @Test
    void jobsLeftRunningByAStoppedServerAreResumed() throws Exception {
        Process echo = demo.catalogue.find("echo").orElseThrow();
        ResultForm form = new ResultForm(List.of("string_output"), java.util.Set.of("string_output"), true);
        Job job = demo.runner.submit(echo, ProcessInputs.validate(echo.description(),
                Map.of("pause_seconds", List.of("3"), "string_input", List.of("kept"))), ChangeDetectionProcessTest.ANALYST, form);
        awaitStatus(job.id(), JobStatus.RUNNING);
        assertThat(demo.restart()).isGreaterThanOrEqualTo(1);
        Job resumed = ChangeDetectionProcessTest.awaitFinished(demo, job.id());
        assertThat(resumed.status()).isEqualTo(JobStatus.SUCCESSFUL);
        assertThat(resumed.outputs().get("string_output")).isEqualTo("kept");
        assertThat(resumed.owner().username()).isEqualTo("analyst");
        assertThat(resumed.resultForm()).as("how the client wants the results is kept with the job").isEqualTo(form);
    }

    @Test
    void areaStatisticsAddUpToThePatches() {
        JsonNode statistics = json(run("area-statistics", Map.of("level", List.of("township"))), "statistics");
        long patches = new PatchRepository(demo.store).count(PatchQuery.all());
        long counted = 0;
        for (JsonNode total : statistics.get("totals")) {
            counted += total.get("patches").asLong();
        }
        assertThat(counted).isEqualTo(patches);
        assertThat(statistics.get("rows").get(0).has("name")).isTrue();
        long construction = new PatchRepository(demo.store).count(PatchQuery.all().inCategories(java.util.Set.of(PatchCategory.CONSTRUCTION_LAND)));
        assertThat(statistics.get("totals").get("CONSTRUCTION_LAND").get("patches").asLong()).isEqualTo(construction);
        assertThatThrownBy(() -> run("area-statistics", Map.of("level", List.of("province")))).hasMessageContaining("one of");
    }

    @Test
    void overlayStatisticsOfAPatchAgreeWithWhatItStores() {
        ChangePatch patch = new PatchRepository(demo.store).query(PatchQuery.all()).stream()
                .filter(p -> p.overlay().onFarmlandM2() > 100).findFirst().orElseThrow();
        JsonNode result = json(run("patch-overlay", Map.of("patch", List.of(patch.code()))), "overlay").get("results").get(0);
        assertThat(result.get("base_layers").get("farmland").get("area_m2").asDouble()).isCloseTo(patch.overlay().onFarmlandM2(), within(1.0));
        assertThat(result.get("stored_overlay").get("onFarmlandM2").asDouble()).isCloseTo(patch.overlay().onFarmlandM2(), within(1.0));
        assertThat(result.get("area_m2").asDouble()).isCloseTo(patch.area().squareMetres(), within(1.0));
        assertThatThrownBy(() -> run("patch-overlay", Map.of("geometry", List.of(ComplexValue.text(GeoJson.MEDIA_TYPE, "{\"type\":\"Polygon\"}")))))
                .isInstanceOf(ProcessFailure.class).hasMessageContaining("empty geometry");
    }

    @Test
    void polygonizeTurnsAMaskIntoPolygonsWithTheirAreas() throws Exception {
        WritableRaster mask = Raster.createBandedRaster(DataBuffer.TYPE_BYTE, 50, 40, 1, null);
        for (int row = 5; row < 15; row++) {
            for (int column = 5; column < 25; column++) {
                mask.setSample(column, row, 0, row == 10 && column == 10 ? 0 : 1); // a one-pixel hole
            }
        }
        mask.setSample(40, 30, 0, 2);
        Path file = Files.createTempFile(dataDir, "mask", ".tif");
        Files.delete(file);
        GridGeometry grid = new GridGeometry(new GridExtent(50, 40), PixelInCell.CELL_CORNER,
                MathTransforms.linear(new Matrix3(0, -10, 4_180_000, 10, 0, 500_000, 0, 0, 1)), CRS.forCode("EPSG:4547"));
        try (DataStore store = DataStores.openWritable(file, "GeoTIFF")) {
            ((GeoTiffStore) store).append(new GridCoverageBuilder().setValues(mask).setDomain(grid).build(), null);
        }
        ComplexValue tiff = ComplexValue.binary("image/tiff", Files.readAllBytes(file));
        JsonNode all = json(run("polygonize", Map.of("mask", List.of(tiff))), "polygons").get("features");
        assertThat(all).hasSize(2);
        JsonNode field = all.get(0).get("properties").get("pixels").asLong() == 199 ? all.get(0) : all.get(1);
        assertThat(field.get("properties").get("area_m2").asDouble()).isCloseTo(199 * 100.0, within(5.0));
        assertThat(field.get("geometry").get("coordinates")).hasSize(2); // outline and hole
        assertThat(field.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble()).isBetween(113.0, 115.0); // lon/lat
        JsonNode twos = json(run("polygonize", Map.of("mask", List.of(tiff), "value", List.of("2"))), "polygons").get("features");
        assertThat(twos).hasSize(1);
        assertThat(json(run("polygonize", Map.of("mask", List.of(tiff), "minimum_pixels", List.of("2"))), "polygons").get("features")).hasSize(1);
        assertThatThrownBy(() -> run("polygonize", Map.of("mask", List.of(ComplexValue.binary("image/tiff", new byte[] {1, 2, 3})))))
                .isInstanceOf(ProcessFailure.class).hasMessageContaining("not a readable GeoTIFF");
        // A mask larger than the process reads is refused by its declared size, before a pixel is read.
        Process small = new PolygonizeProcess(1_999);
        assertThatThrownBy(() -> demo.runner.execute(small, ProcessInputs.validate(small.description(), Map.of("mask", List.of(tiff))),
                ChangeDetectionProcessTest.ANALYST)).isInstanceOf(ProcessFailure.class).hasMessageContaining("50 × 40 pixels; at most 1999");
    }

    static ProcessOutputs run(String id, Map<String, List<Object>> inputs) {
        Process process = demo.catalogue.find(id).orElseThrow();
        return demo.runner.execute(process, ProcessInputs.validate(process.description(), inputs), ChangeDetectionProcessTest.ANALYST);
    }

    static JsonNode json(ProcessOutputs outputs, String id) {
        return GeoJson.JSON.readTree(((ComplexValue) outputs.get(id)).text());
    }

    static void awaitStatus(String id, JobStatus status) throws InterruptedException {
        for (int i = 0; i < 100 && demo.jobs.find(id).orElseThrow().status() != status; i++) {
            Thread.sleep(50);
        }
        assertThat(demo.jobs.find(id).orElseThrow().status()).isEqualTo(status);
    }
}
