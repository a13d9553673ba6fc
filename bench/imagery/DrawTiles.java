import java.awt.geom.AffineTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.rendering.MapView;
import org.terrawatch.rendering.raster.Imagery;
import org.terrawatch.rendering.raster.ImageryReader;
import org.terrawatch.rendering.raster.ImageryRenderer;

/**
 * The imagery benchmark's TerraWatch side (bench/imagery/run.sh): opens an epoch as the WMS does (its pyramid built in
 * one pass), then draws the 256 x 256 true-colour tiles listed in TILES (level, column, row of the tile's corner in
 * full-resolution pixels; a tile covers 256 * 2^level pixels a side). Prints the build time (SIS already started, as
 * in a running server), the tiles' time and the heap the epoch holds afterwards.
 * Usage: java -cp ... DrawTiles EPOCH.tif EPSG TILES
 */
public final class DrawTiles {

    public static void main(String[] args) throws Exception {
        Crs crs = new Crs(Integer.parseInt(args[1]), true);
        try (EpochRaster warm = EpochRaster.open(Path.of(args[0]))) {
            warm.epsgCode(); // SIS and its EPSG database start once per server, not per epoch: not timed
        }
        long start = System.nanoTime();
        Imagery imagery = ImageryReader.read("bench", Path.of(args[0]), crs, List.of("BLUE", "GREEN", "RED", "NIR"));
        double build = (System.nanoTime() - start) / 1e9;
        List<String> tiles = Files.readAllLines(Path.of(args[2]));
        AffineTransform grid = imagery.gridToCrs();
        long drawing = System.nanoTime();
        long painted = 0;
        for (String line : tiles) {
            String[] t = line.trim().split("\\s+");
            int size = 256 << Integer.parseInt(t[0]);
            int column = Integer.parseInt(t[1]);
            int row = Integer.parseInt(t[2]);
            double[] corners = {column, row, column + size, row + size};
            grid.transform(corners, 0, corners, 0, 2);
            Envelope extent = new Envelope(corners[0], corners[2], corners[1], corners[3]);
            var image = ImageryRenderer.render(imagery, new MapView(extent, 256, 256, crs), ImageryRenderer.Mode.TRUE_COLOUR);
            painted += image.getRGB(128, 128) != 0 ? 1 : 0;
        }
        double draw = (System.nanoTime() - drawing) / 1e9;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("build %.2f%ntiles %.2f%ncount %d%npainted %d%nheap_mb %.0f%n", build, draw, tiles.size(), painted,
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
    }
}
