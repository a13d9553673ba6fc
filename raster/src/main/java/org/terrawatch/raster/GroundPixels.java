package org.terrawatch.raster;

import javax.measure.Unit;
import javax.measure.quantity.Length;
import org.apache.sis.geometry.GeneralDirectPosition;
import org.apache.sis.measure.Units;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.Matrix;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * The ground area of an image's pixels in square metres, row by row, whatever CRS the image is in: a pixel's area in
 * the CRS's units squared times the areal scale of the CRS there — the Jacobian of the map from the CRS to longitude
 * and latitude on its own ellipsoid, times the ellipsoid's area element M·N·cos φ. So a minimum area of 200 m² means
 * 200 m² on the ground for an image in Gauss-Krüger metres, in Web Mercator, and in EPSG:4490 or 4326 degrees, where a
 * pixel of 0.0001° is about 89 m² at 38° N and a square degree is not a square metre. Computed at each row's middle
 * pixel: across a row the area changes only with the latitude the row spans.
 */
public final class GroundPixels {

    private final double[] rowArea;

    private GroundPixels(double[] rowArea) {
        this.rowArea = rowArea;
    }

    /**
     * @throws RasterException when the grid has no CRS, or one without an ellipsoid (an engineering or image CRS):
     *                         square metres on the ground cannot be told then
     */
    public static GroundPixels of(PixelGrid grid, int width, int height) {
        CoordinateReferenceSystem crs = grid.crs();
        if (crs == null) {
            throw new RasterException("The image has no coordinate reference system, so its pixels' area on the ground is unknown");
        }
        GeographicCRS base = crs instanceof GeographicCRS geographic ? geographic
                : crs instanceof ProjectedCRS projected ? projected.getBaseCRS() : null;
        if (base == null) {
            throw new RasterException("The image's CRS " + crs.getName().getCode() + " is neither geographic nor projected, so its "
                    + "pixels' area on the ground is unknown");
        }
        GeographicCRS lonLat = (GeographicCRS) AbstractCRS.castOrCopy(base).forConvention(AxesConvention.NORMALIZED);
        Ellipsoid ellipsoid = DatumOrEnsemble.getEllipsoid(base).orElseThrow(() -> new RasterException("The image's CRS "
                + crs.getName().getCode() + " names no ellipsoid, so its pixels' area on the ground is unknown"));
        Unit<Length> unit = ellipsoid.getAxisUnit();
        double a = unit.getConverterTo(Units.METRE).convert(ellipsoid.getSemiMajorAxis());
        double b = unit.getConverterTo(Units.METRE).convert(ellipsoid.getSemiMinorAxis());
        double e2 = 1 - (b * b) / (a * a);
        try {
            MathTransform toLonLat = CRS.findOperation(crs, lonLat, null).getMathTransform();
            double[] areas = new double[height];
            GeneralDirectPosition position = new GeneralDirectPosition(2);
            double[] there = new double[2];
            double radians = Math.toRadians(1);
            for (int row = 0; row < height; row++) {
                position.setCoordinate(0, grid.x(width / 2.0, row + 0.5));
                position.setCoordinate(1, grid.y(width / 2.0, row + 0.5));
                Matrix jacobian = toLonLat.derivative(position);
                toLonLat.transform(position.getCoordinates(), 0, there, 0, 1);
                double scale = Math.abs(jacobian.getElement(0, 0) * jacobian.getElement(1, 1)
                        - jacobian.getElement(0, 1) * jacobian.getElement(1, 0));
                double phi = Math.toRadians(there[1]);
                double w = 1 - e2 * Math.sin(phi) * Math.sin(phi);
                double meridian = a * (1 - e2) / Math.pow(w, 1.5);
                double normal = a / Math.sqrt(w);
                areas[row] = grid.pixelArea() * scale * radians * radians * meridian * normal * Math.cos(phi);
            }
            return new GroundPixels(areas);
        } catch (FactoryException | TransformException e) {
            throw new RasterException("Cannot tell the ground area of the image's pixels in " + crs.getName().getCode() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The ground area of a pixel of that row, m². */
    public double area(int row) {
        return rowArea[Math.max(0, Math.min(rowArea.length - 1, row))];
    }

    /** The ground area of the image's middle row's pixels, m². */
    public double typical() {
        return area(rowArea.length / 2);
    }
}
