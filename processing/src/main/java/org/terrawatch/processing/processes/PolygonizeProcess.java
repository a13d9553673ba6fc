package org.terrawatch.processing.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.locationtech.jts.geom.Geometry;
import org.terrawatch.change.vector.MaskPolygonizer;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.GeoJson;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessContext;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.raster.RasterException;

/**
 * A mask raster (a GeoTIFF sent base64-encoded, or by reference) into polygons: the 4-connected areas of its
 * non-zero pixels, or of one class value, of at least the given pixels, with holes, in lon/lat (EPSG:4490) with
 * their geodesic areas.
 */
public final class PolygonizeProcess implements Process {

    static final int MAXIMUM_POLYGONS = 100_000;
    /**
     * The largest mask read by default: 400 million pixels (e.g. 20,000 × 20,000, a county at 2 m). A compressed
     * GeoTIFF of a few megabytes can declare far more, which would keep a worker busy for hours.
     */
    public static final long MAXIMUM_PIXELS = 400_000_000L;

    private final long maximumPixels;

    public PolygonizeProcess() {
        this(MAXIMUM_PIXELS);
    }

    /** @param maximumPixels the largest mask (width × height) read; larger ones are refused before a pixel is read */
    public PolygonizeProcess(long maximumPixels) {
        this.maximumPixels = maximumPixels;
    }

    private static final ProcessDescription DESCRIPTION = new ProcessDescription("polygonize", "1.0.0", "Polygonize a mask",
            "The areas of a GeoTIFF mask's non-zero pixels (or of one value) as polygons with holes in EPSG:4490, smallest size in pixels, "
                    + "optional simplification.",
            List.of(Parameter.complex("mask", "Mask", "A georeferenced GeoTIFF, base64-encoded, or a reference to one", true, "image/tiff"),
                    Parameter.literal("band", "Band", "The band to read, from 1", "integer", false).withDefault("1"),
                    Parameter.literal("value", "Value", "Only pixels of this value; any non-zero value when absent", "double", false),
                    Parameter.literal("minimum_pixels", "Minimum pixels", "Smaller areas are left out", "integer", false).withDefault("1"),
                    Parameter.literal("simplify_pixels", "Simplification", "Outline simplification in pixels (0: none)", "double", false)
                            .withDefault("0")),
            List.of(Parameter.complex("polygons", "Polygons", "One feature per area, with value, pixels and area", false, GeoJson.MEDIA_TYPE)));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        ComplexValue mask = inputs.complex("mask", context);
        long band = Math.round(inputs.number("band"));
        long minimum = Math.round(inputs.number("minimum_pixels"));
        double simplify = inputs.number("simplify_pixels");
        if (minimum < 1 || simplify < 0) {
            throw ProcessFailure.invalid(minimum < 1 ? "minimum_pixels" : "simplify_pixels", "Sizes are positive");
        }
        Double value = inputs.number("value");
        DoublePredicate inside = value == null ? v -> v != 0 : v -> v == value;
        Path file = null;
        try {
            file = Files.createTempFile("terrawatch-mask", ".tif");
            Files.write(file, mask.bytes());
            List<Map.Entry<Geometry, Map<String, Object>>> features = new ArrayList<>();
            try (EpochRaster raster = EpochRaster.open(file)) {
                if ((long) raster.width() * raster.height() > maximumPixels) {
                    throw ProcessFailure.invalid("mask", "The mask has " + raster.width() + " × " + raster.height() + " pixels; at most "
                            + maximumPixels + " are polygonised at once — cut it into tiles");
                }
                if (band < 1 || band > raster.bandCount()) {
                    throw ProcessFailure.invalid("band", "The mask has bands 1 to " + raster.bandCount() + ", not " + band);
                }
                if (raster.crs() == null) {
                    throw ProcessFailure.invalid("mask", "The mask has no coordinate reference system");
                }
                Reprojection toStorage = Reprojection.from(raster.pixelGrid().crs(), Crs.STORAGE);
                MaskPolygonizer.polygonize(raster, (int) band - 1, inside, minimum, simplify, (outline, pixels) -> {
                    if (features.size() >= MAXIMUM_POLYGONS) {
                        throw ProcessFailure.invalid("mask", "More than " + MAXIMUM_POLYGONS + " areas; raise minimum_pixels");
                    }
                    Geometry lonLat = toStorage.apply(outline);
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("value", value == null ? "non-zero" : value);
                    properties.put("pixels", pixels);
                    properties.put("area_m2", Math.round(GeodesicArea.of(lonLat).squareMetres() * 100) / 100.0);
                    features.add(new AbstractMap.SimpleEntry<>(lonLat, properties));
                });
            }
            return new ProcessOutputs().put("polygons", GeoJson.featureCollection(features));
        } catch (RasterException | IllegalArgumentException e) {
            throw ProcessFailure.invalid("mask", "The mask is not a readable GeoTIFF: " + e.getMessage());
        } catch (IOException e) {
            throw new ProcessFailure(ProcessFailure.FAILED, "mask", "Cannot keep the mask for reading: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }
}
