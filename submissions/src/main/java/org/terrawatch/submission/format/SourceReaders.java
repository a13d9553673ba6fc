package org.terrawatch.submission.format;

import java.util.Arrays;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** Reads a submitted file of any of the {@link FileFormat}s: the one entry the intake calls. */
public final class SourceReaders {

    private SourceReaders() {
    }

    /**
     * @param declaredCrs the CRS the request names (its {@code crs} part), or null: needed for CSV, and overriding
     *                    nothing a file declares itself (a file's own CRS wins; a disagreement is refused by the caller)
     * @param layerName   the base layer handed in, to pick its table out of a GeoPackage of several
     */
    public static SourceLayer read(byte[] content, String fileName, CoordinateReferenceSystem declaredCrs, String layerName) {
        return read(content, fileName, declaredCrs, layerName, false);
    }

    /**
     * A table whose rows are read for their attributes (a department's returned verification results): as {@link #read},
     * but a CSV without coordinates is read too, and no CRS is asked of it.
     */
    public static SourceLayer readAttributes(byte[] content, String fileName) {
        return read(content, fileName, null, "patches", true);
    }

    private static SourceLayer read(byte[] content, String fileName, CoordinateReferenceSystem declaredCrs, String layerName,
                                    boolean attributesOnly) {
        if (content.length == 0) {
            throw new org.terrawatch.submission.SubmissionRefused("CORRUPT_FILE", "The file is empty");
        }
        byte[] head = Arrays.copyOf(content, Math.min(content.length, 1024));
        FileFormat format = FileFormat.of(head, fileName, () -> ZipEntries.holds(content, ".kml") && !ZipEntries.holds(content, ".shp"));
        return switch (format) {
            case SHAPEFILE -> ShapefileReader.read(content);
            case GEOPACKAGE -> GeoPackageReader.read(content, layerName);
            case GEOJSON -> GeoJsonSource.read(content);
            case KML -> KmlReader.read(content);
            case KMZ -> KmlReader.readKmz(content);
            case CSV -> CsvReader.read(content, declaredCrs, declaredCrs == null ? "none" : "the request's crs part", attributesOnly);
        };
    }
}
