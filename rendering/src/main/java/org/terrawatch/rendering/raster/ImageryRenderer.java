package org.terrawatch.rendering.raster;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.rendering.MapView;

/**
 * Draws imagery into a map: every map pixel's centre taken to the imagery's CRS in one batch, sampled (nearest)
 * at the pyramid level whose pixels best match the map's — only the window of it the map covers, read from the file
 * for the fine levels —, and coloured by the mode — true colour (red, green,
 * blue), false colour (NIR, red, green; vegetation red) with a 2 %–98 % stretch per band, or NDVI on a
 * brown–yellow–green ramp. Nodata and pixels outside the image stay transparent.
 */
public final class ImageryRenderer {

    /** How the bands become colours. */
    public enum Mode {
        TRUE_COLOUR,
        FALSE_COLOUR,
        NDVI
    }

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** NDVI ramp stops: value, colour. */
    private static final double[] NDVI_STOPS = {-0.2, 0.0, 0.2, 0.4, 0.6, 0.8};
    private static final int[] NDVI_COLOURS = {0x8C510A, 0xD8B365, 0xF6E8C3, 0xA6D96A, 0x66BD63, 0x1A9641};

    private ImageryRenderer() {
    }

    public static BufferedImage render(Imagery imagery, MapView view, Mode mode) {
        int width = view.width();
        int height = view.height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Coordinate[] centres = new Coordinate[width * height];
        double pixelWidth = view.extent().getWidth() / width;
        double pixelHeight = view.extent().getHeight() / height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                centres[y * width + x] = new Coordinate(view.extent().getMinX() + (x + 0.5) * pixelWidth,
                        view.extent().getMaxY() - (y + 0.5) * pixelHeight);
            }
        }
        LineString points = FACTORY.createLineString(centres);
        Coordinate[] inImagery = Reprojection.between(view.crs(), imagery.crs()).apply(points).getCoordinates();
        int[] argb = new int[width * height];
        AffineTransform toGrid;
        try {
            toGrid = imagery.gridToCrs().createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException("The imagery's grid cannot be inverted", e);
        }
        double mapPixel = Math.hypot(inImagery[Math.min(1, inImagery.length - 1)].x - inImagery[0].x,
                inImagery[Math.min(1, inImagery.length - 1)].y - inImagery[0].y);
        double imageryPixel = Math.abs(imagery.gridToCrs().getScaleX());
        int level = 0;
        while (level + 1 < imagery.levels() && mapPixel >= imageryPixel * (1 << (level + 1))) {
            level++;
        }
        int factor = 1 << level;
        int[] bands = bands(imagery, mode);
        int[] columns = new int[argb.length];
        int[] rows = new int[argb.length];
        int minColumn = Integer.MAX_VALUE;
        int minRow = Integer.MAX_VALUE;
        int maxColumn = Integer.MIN_VALUE;
        int maxRow = Integer.MIN_VALUE;
        double[] grid = new double[2];
        for (int i = 0; i < argb.length; i++) {
            grid[0] = inImagery[i].x;
            grid[1] = inImagery[i].y;
            toGrid.transform(grid, 0, grid, 0, 1);
            int column = (int) Math.floor(grid[0] / factor);
            int row = (int) Math.floor(grid[1] / factor);
            if (column < 0 || row < 0 || column >= imagery.width(level) || row >= imagery.height(level)) {
                columns[i] = -1;
                continue;
            }
            columns[i] = column;
            rows[i] = row;
            minColumn = Math.min(minColumn, column);
            minRow = Math.min(minRow, row);
            maxColumn = Math.max(maxColumn, column);
            maxRow = Math.max(maxRow, row);
        }
        if (minColumn <= maxColumn) {
            Imagery.Level drawn = imagery.window(level, minColumn, minRow, maxColumn - minColumn + 1, maxRow - minRow + 1);
            for (int i = 0; i < argb.length; i++) {
                if (columns[i] >= 0) {
                    argb[i] = colour(imagery, drawn, bands, mode, columns[i], rows[i]);
                }
            }
        }
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    private static int[] bands(Imagery imagery, Mode mode) {
        int[] bands = switch (mode) {
            case TRUE_COLOUR -> new int[] {imagery.band("RED"), imagery.band("GREEN"), imagery.band("BLUE")};
            case FALSE_COLOUR -> new int[] {imagery.band("NIR"), imagery.band("RED"), imagery.band("GREEN")};
            case NDVI -> new int[] {imagery.band("NIR"), imagery.band("RED")};
        };
        for (int band : bands) {
            if (band < 0) {
                throw new IllegalArgumentException("Imagery " + imagery.name() + " lacks a band for " + mode + ": it has " + imagery.bandRoles());
            }
        }
        return bands;
    }

    private static int colour(Imagery imagery, Imagery.Level level, int[] bands, Mode mode, int column, int row) {
        int[] values = new int[bands.length];
        for (int b = 0; b < bands.length; b++) {
            values[b] = level.sample(bands[b], column, row);
            if (values[b] == imagery.nodata()) {
                return 0;
            }
        }
        if (mode == Mode.NDVI) {
            double ndvi = (values[0] - values[1]) / (double) Math.max(1, values[0] + values[1]);
            return 0xff000000 | ramp(ndvi);
        }
        int rgb = 0;
        for (int b = 0; b < 3; b++) {
            double[] range = imagery.stretch(bands[b]);
            int value = (int) Math.round(255 * (values[b] - range[0]) / (range[1] - range[0]));
            rgb = rgb << 8 | Math.max(0, Math.min(255, value));
        }
        return 0xff000000 | rgb;
    }

    /** The NDVI ramp, linear between its stops. */
    public static int ramp(double ndvi) {
        if (ndvi <= NDVI_STOPS[0]) {
            return NDVI_COLOURS[0];
        }
        for (int i = 1; i < NDVI_STOPS.length; i++) {
            if (ndvi <= NDVI_STOPS[i]) {
                double t = (ndvi - NDVI_STOPS[i - 1]) / (NDVI_STOPS[i] - NDVI_STOPS[i - 1]);
                return blend(NDVI_COLOURS[i - 1], NDVI_COLOURS[i], t);
            }
        }
        return NDVI_COLOURS[NDVI_COLOURS.length - 1];
    }

    private static int blend(int a, int b, double t) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int from = (a >> shift) & 0xff;
            int to = (b >> shift) & 0xff;
            rgb |= ((int) Math.round(from + (to - from) * t)) << shift;
        }
        return rgb;
    }
}
