package org.terrawatch.processing.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.terrawatch.change.raster.CloudMask;
import org.terrawatch.monitoring.imagery.ImageryEpoch;

/** An epoch's mask band comes from its band layout and is no spectral band. */
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

    static ImageryEpoch epoch(List<String> layout) {
        GeometryFactory factory = new GeometryFactory();
        return new ImageryEpoch(0, "E", "sensor", LocalDate.of(2026, 10, 1), 30, "EPSG:32650", layout, 0.0, "e.tif",
                factory.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 0)}),
                Instant.EPOCH);
    }
}
