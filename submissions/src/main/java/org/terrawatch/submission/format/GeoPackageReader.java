package org.terrawatch.submission.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.terrawatch.submission.SubmissionRefused;

/**
 * An OGC GeoPackage, read with NGA's library: its one feature table (or the one named after the layer), each row's
 * geometry from its standard WKB and its columns as attributes, and the table's spatial reference system — by its
 * EPSG code, else by its WKT definition.
 */
final class GeoPackageReader {

    private GeoPackageReader() {
    }

    static SourceLayer read(byte[] content, String layerName) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("terrawatch-submission-");
            Path file = folder.resolve("submission.gpkg");
            Files.write(file, content);
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile(), false)) {
                FeatureDao dao = geoPackage.getFeatureDao(table(geoPackage.getFeatureTables(), layerName));
                CoordinateReferenceSystem crs = crs(dao.getSrs());
                List<String> fields = new ArrayList<>();
                for (String column : dao.getColumnNames()) {
                    if (!column.equals(dao.getGeometryColumnName()) && !column.equals(dao.getPkColumnName())) {
                        fields.add(column);
                    }
                }
                List<SourceFeature> features = new ArrayList<>();
                WKBReader wkb = new WKBReader();
                FeatureResultSet rows = dao.queryForAll();
                try {
                    while (rows.moveToNext()) {
                        FeatureRow row = rows.getRow();
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (String field : fields) {
                            Object value = row.getValue(field);
                            attributes.put(field, text(value));
                        }
                        int number = features.size() + 1;
                        GeoPackageGeometryData geometry = row.getGeometry();
                        if (geometry == null || geometry.isEmpty() || geometry.getWkb() == null) {
                            features.add(SourceFeature.of(number, null, attributes));
                            continue;
                        }
                        try {
                            features.add(SourceFeature.of(number, wkb.read(geometry.getWkb()), attributes));
                        } catch (ParseException e) {
                            features.add(new SourceFeature(number, null, attributes, null, "its geometry cannot be read: " + e.getMessage()));
                        }
                    }
                } finally {
                    rows.close();
                }
                String srsName = dao.getSrs().getOrganization() + ":" + dao.getSrs().getOrganizationCoordsysId();
                return new SourceLayer(FileFormat.GEOPACKAGE, null, crs, "the GeoPackage's spatial reference system (" + srsName + ")",
                        List.copyOf(fields), features);
            }
        } catch (SubmissionRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SubmissionRefused("CORRUPT_FILE", "The GeoPackage cannot be read: " + e.getMessage());
        } finally {
            if (folder != null) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder left behind is cleaned with the others
                }
            }
        }
    }

    /** A column's value as text; DATE and DATETIME columns, which NGA gives as {@link java.util.Date}, in ISO 8601. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Date date) {
            java.time.Instant instant = date.toInstant();
            java.time.LocalDateTime utc = java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
            return utc.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : instant.toString();
        }
        return value.toString();
    }

    private static String table(List<String> tables, String layerName) {
        if (tables.size() == 1) {
            return tables.get(0);
        }
        for (String table : tables) {
            if (table.toLowerCase(Locale.ROOT).equals(layerName)) {
                return table;
            }
        }
        throw new SubmissionRefused("SEVERAL_LAYERS", tables.isEmpty() ? "The GeoPackage holds no feature table"
                : "The GeoPackage holds " + tables.size() + " feature tables (" + String.join(", ", tables) + ") and none is named "
                + layerName + ": hand in one layer per file, or name its table after the layer");
    }

    private static CoordinateReferenceSystem crs(SpatialReferenceSystem srs) {
        if (srs == null) {
            return null;
        }
        if ("EPSG".equalsIgnoreCase(srs.getOrganization()) && srs.getOrganizationCoordsysId() > 0) {
            return CrsDefinitions.fromCode("EPSG:" + srs.getOrganizationCoordsysId(), "the GeoPackage's spatial reference system");
        }
        String definition = srs.getDefinition();
        if (definition == null || definition.isBlank() || definition.strip().equalsIgnoreCase("undefined")) {
            return null;
        }
        return CrsDefinitions.fromWkt(definition.strip(), "the GeoPackage's spatial reference system");
    }
}
