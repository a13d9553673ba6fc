package org.terrawatch.raster;

import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Where an image's pixels lie: the affine transform from pixel-corner coordinates to the CRS,
 * x = scaleX·column + shearX·row + translateX, y = shearY·column + scaleY·row + translateY.
 */
public record PixelGrid(double scaleX, double shearX, double translateX, double shearY, double scaleY, double translateY,
                        CoordinateReferenceSystem crs) {

    public double x(double column, double row) {
        return scaleX * column + shearX * row + translateX;
    }

    public double y(double column, double row) {
        return shearY * column + scaleY * row + translateY;
    }

    /** Ground area of one pixel in the CRS's units squared. */
    public double pixelArea() {
        return Math.abs(scaleX * scaleY - shearX * shearY);
    }

    /** The pixel (column, row) position of a CRS coordinate. */
    public double[] pixelOf(double x, double y) {
        double det = scaleX * scaleY - shearX * shearY;
        double dx = x - translateX;
        double dy = y - translateY;
        return new double[] {(scaleY * dx - shearX * dy) / det, (-shearY * dx + scaleX * dy) / det};
    }

    /** Whether another grid has the same pixels, within a hundredth of a pixel over the given extent. */
    public boolean sameAs(PixelGrid other, int width, int height) {
        if (crs != null && other.crs != null && !org.apache.sis.util.Utilities.equalsIgnoreMetadata(crs, other.crs)) {
            return false;
        }
        double tolerance = 0.01;
        for (int[] corner : new int[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
            double[] there = other.pixelOf(x(corner[0], corner[1]), y(corner[0], corner[1]));
            if (Math.abs(there[0] - corner[0]) > tolerance || Math.abs(there[1] - corner[1]) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
