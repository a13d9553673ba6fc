package org.terrawatch.submission.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The formats a department may hand in, told from the file's first bytes (and, for zips, what they hold). */
public enum FileFormat {
    SHAPEFILE,
    GEOPACKAGE,
    GEOJSON,
    KML,
    KMZ,
    CSV;

    /**
     * @param zippedKml whether a zip holds a {@code .kml} rather than a {@code .shp} (only asked for zips)
     */
    public static FileFormat of(byte[] head, String fileName, java.util.function.BooleanSupplier zippedKml) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return zippedKml.getAsBoolean() ? KMZ : SHAPEFILE;
        }
        if (head.length >= 16 && new String(head, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) {
            return GEOPACKAGE;
        }
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        if (text.startsWith("{")) {
            return GEOJSON;
        }
        if (text.startsWith("<")) {
            return KML;
        }
        if (name.endsWith(".zip") || name.endsWith(".shp") || name.endsWith(".gpkg") || name.endsWith(".kmz")) {
            throw new org.terrawatch.submission.SubmissionRefused("CORRUPT_FILE", "The file " + fileName + " is not the "
                    + name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) + " its name says: it cannot be read");
        }
        return CSV;
    }
}
