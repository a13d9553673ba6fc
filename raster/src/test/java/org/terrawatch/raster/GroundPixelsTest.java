package org.terrawatch.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.terrawatch.geodesy.GeodesicArea;

/** Pixels' ground areas in m², whatever the CRS: checked against Karney's geodesic areas and known scale factors. */
class GroundPixelsTest {

    @Test
    void gaussKruegerMetresOnTheCentralMeridianAreTheirOwnArea() throws Exception {
        // EPSG:4547 (CGCS2000 3-degree Gauss-Krüger CM 114° E): scale 1 on the central meridian (easting 500,000).
        PixelGrid grid = new PixelGrid(2, 0, 500_000, 0, -2, 4_180_000, lonFirst("EPSG:4547"));
        assertThat(GroundPixels.of(grid, 100, 100).area(50)).isCloseTo(4.0, within(1e-4));
    }

    @Test
    void degreesAreMeasuredOnTheEllipsoid() throws Exception {
        double degrees = 0.0001;
        PixelGrid grid = new PixelGrid(degrees, 0, 113.5, 0, -degrees, 38.1, lonFirst("EPSG:4490"));
        GroundPixels ground = GroundPixels.of(grid, 1000, 1000);
        for (int row : new int[] {0, 500, 999}) {
            double north = 38.1 - row * degrees;
            double expected = GeodesicArea.of(new GeometryFactory().createPolygon(new Coordinate[] {
                    new Coordinate(113.55, north), new Coordinate(113.55 + degrees, north), new Coordinate(113.55 + degrees, north - degrees),
                    new Coordinate(113.55, north - degrees), new Coordinate(113.55, north)})).squareMetres();
            assertThat(ground.area(row)).as("row %d", row).isCloseTo(expected, within(expected * 1e-6));
        }
        assertThat(ground.typical()).isBetween(95.0, 100.0); // about 8.8 m × 11.1 m at 38° N
    }

    @Test
    void webMercatorMetresShrinkWithTheLatitude() throws Exception {
        // At 38° N a Web Mercator metre is cos(38°) of a metre on the ground, each way.
        double y = 6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(38) / 2));
        PixelGrid grid = new PixelGrid(10, 0, 12_600_000, 0, -10, y + 5, CRS.forCode("EPSG:3857"));
        double cos = Math.cos(Math.toRadians(38));
        assertThat(GroundPixels.of(grid, 1, 1).area(0)).isCloseTo(100 * cos * cos, within(100 * cos * cos * 0.01));
    }

    @Test
    void withoutACrsTheGroundAreaIsUnknown() {
        PixelGrid grid = new PixelGrid(2, 0, 0, 0, -2, 0, null);
        assertThatThrownBy(() -> GroundPixels.of(grid, 10, 10)).isInstanceOf(RasterException.class)
                .hasMessageContaining("no coordinate reference system");
    }

    private static CoordinateReferenceSystem lonFirst(String code) throws Exception {
        return AbstractCRS.castOrCopy(CRS.forCode(code)).forConvention(AxesConvention.RIGHT_HANDED);
    }
}
