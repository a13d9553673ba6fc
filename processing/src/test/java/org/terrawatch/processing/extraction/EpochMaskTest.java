package org.terrawatch.processing.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.terrawatch.change.raster.CloudMask;
import org.terrawatch.monitoring.imagery.ImageryEpoch;

/** An epoch's mask band comes from its band layout and is no spectral band, or from the separate mask registered with it. */
class EpochMaskTest {

    @Test
    void aQaPixelOrCloudMaskBandInTheLayoutMasksTheEpoch() {
        ImageryEpoch landsat = epoch(List.of("BLUE", "GREEN", "RED", "NIR", "SWIR1", "SWIR2", "QA_PIXEL"));
        assertThat(ChangeExtraction.mask(landsat)).isEqualTo(CloudMask.inBand(6, CloudMask.LANDSAT_QA_PIXEL_CLOUDS));
        assertThat(ChangeExtraction.spectralLayout(landsat)).containsExactly("BLUE", "GREEN", "RED", "NIR", "SWIR1", "SWIR2");
        ImageryEpoch masked = epoch(List.of("CLOUD_MASK", "BLUE", "GREEN", "RED", "NIR"));
        assertThat(ChangeExtraction.mask(masked)).isEqualTo(CloudMask.inBand(0, CloudMask.ANY));
        assertThat(ChangeExtraction.spectralLayout(masked)).containsExactly("BLUE", "GREEN", "RED", "NIR");
        assertThat(ChangeExtraction.mask(epoch(List.of("BLUE", "GREEN", "RED", "NIR")))).isNull();
    }

    @Test
    void aSeparateCloudMaskRegisteredWithTheEpochMasksItsDetections(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("imagery/e-cloud.tif");
        Files.createDirectories(file.getParent());
        java.awt.image.WritableRaster values = java.awt.image.Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 8, 8, 1, null);
        var domain = new org.apache.sis.coverage.grid.GridGeometry(new org.apache.sis.coverage.grid.GridExtent(8, 8),
                org.apache.sis.coverage.grid.PixelInCell.CELL_CORNER, org.apache.sis.referencing.operation.transform.MathTransforms.linear(
                new org.apache.sis.referencing.operation.matrix.Matrix3(30, 0, 400_000, 0, -30, 3_500_000, 0, 0, 1)),
                org.apache.sis.referencing.CRS.forCode("EPSG:32650"));
        try (var written = org.apache.sis.storage.DataStores.openWritable(file, "GeoTIFF")) {
            ((org.apache.sis.storage.geotiff.GeoTiffStore) written).append(
                    new org.apache.sis.coverage.grid.GridCoverageBuilder().setValues(values).setDomain(domain).build(), null);
        }
        ImageryEpoch plain = epoch(List.of("BLUE", "GREEN", "RED", "NIR"));
        ImageryEpoch withMask = new ImageryEpoch(0, "E", "sensor", plain.acquiredOn(), 30, "EPSG:32650", plain.bandLayout(), 12.5, "e.tif",
                plain.footprint(), Instant.EPOCH, "imagery/e-cloud.tif");
        assertThat(ChangeExtraction.mask(plain, dataDir)).isNull();
        CloudMask mask = ChangeExtraction.mask(withMask, dataDir);
        try {
            assertThat(mask.raster().file()).isEqualTo(file);
            assertThat(mask.bits()).isEqualTo(CloudMask.ANY);
            assertThat(mask.spectralBands(4)).isEqualTo(4); // the epoch's bands are all spectral
        } finally {
            mask.raster().close();
        }
    }

    static ImageryEpoch epoch(List<String> layout) {
        GeometryFactory factory = new GeometryFactory();
        return new ImageryEpoch(0, "E", "sensor", LocalDate.of(2026, 10, 1), 30, "EPSG:32650", layout, 0.0, "e.tif",
                factory.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 0)}),
                Instant.EPOCH);
    }
}
