package org.terrawatch.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;
import org.terrawatch.store.Wkb;

/**
 * GetFeature as an OGC GeoPackage (one feature table named after the type, UTF-8 text, the output CRS
 * registered by its EPSG code), written with NGA's GeoPackage library. Features stream from the store into
 * the SQLite file in one transaction; the finished file then streams out. Dates and times are ISO 8601 text.
 */
final class GeoPackageEncoder {

    private GeoPackageEncoder() {
    }

    static void write(FeatureCollectionResult result, OutputStream out) throws IOException {
        FeatureType type = result.query().type();
        Path folder = Files.createTempDirectory("terrawatch-gpkg-");
        try {
            Path file = folder.resolve(type.name() + ".gpkg");
            GeoPackageManager.create(file.toFile());
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
                SpatialReferenceSystem srs = srs(geoPackage, result.query().outputCrs());
                List<Property> properties = properties(type, result);
                FeatureDao features = table(geoPackage, type, srs, properties);
                geoPackage.beginTransaction();
                result.forEach(feature -> {
                    FeatureRow row = features.newRow();
                    if (feature.geometry() != null) {
                        try {
                            row.setGeometry(GeoPackageGeometryData.create(srs.getSrsId(), GeometryReader.readGeometry(Wkb.write(feature.geometry()))));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    for (Property property : properties) {
                        Object value = feature.values().get(property.name());
                        row.setValue(property.name(), value instanceof Instant || value instanceof LocalDate ? value.toString() : value);
                    }
                    features.insert(row);
                });
                geoPackage.endTransaction(true);
            }
            Files.copy(file, out);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the GeoPackage: " + e.getMessage(), e);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static List<Property> properties(FeatureType type, FeatureCollectionResult result) {
        List<String> wanted = result.query().properties();
        List<Property> selected = new ArrayList<>();
        for (Property property : type.properties()) {
            if (property.binding() != Binding.GEOMETRY && (wanted == null || property.name().equals(type.definition().idColumn())
                    || wanted.stream().anyMatch(n -> n.equalsIgnoreCase(property.name())))) {
                selected.add(property);
            }
        }
        return selected;
    }

    private static FeatureDao table(GeoPackage geoPackage, FeatureType type, SpatialReferenceSystem srs, List<Property> properties) {
        GeometryColumns geometry = new GeometryColumns();
        geometry.setTableName(type.name());
        geometry.setColumnName(type.geometry().map(Property::name).orElse("geom"));
        geometry.setGeometryType(GeometryType.fromName(type.definition().geometryType() == null ? "GEOMETRY"
                : type.definition().geometryType().toUpperCase(Locale.ROOT)));
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrs(srs);
        List<FeatureColumn> columns = new ArrayList<>();
        for (Property property : properties) {
            columns.add(FeatureColumn.createColumn(property.name(), switch (property.binding()) {
                case INTEGER, LONG -> GeoPackageDataType.INTEGER;
                case DOUBLE -> GeoPackageDataType.DOUBLE;
                case BOOLEAN -> GeoPackageDataType.BOOLEAN;
                default -> GeoPackageDataType.TEXT;
            }));
        }
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns));
        return geoPackage.getFeatureDao(type.name());
    }

    /** The CRS by its EPSG code: NGA's own definition where it has one, else SIS's WKT. */
    private static SpatialReferenceSystem srs(GeoPackage geoPackage, Crs crs) throws SQLException {
        var dao = geoPackage.getSpatialReferenceSystemDao();
        try {
            return dao.getOrCreateCode("EPSG", crs.epsg());
        } catch (RuntimeException | SQLException unknown) {
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName("EPSG:" + crs.epsg());
            srs.setSrsId(crs.epsg());
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(crs.epsg());
            WKTFormat format = new WKTFormat(Locale.ROOT, (java.time.ZoneId) null);
            format.setConvention(Convention.WKT1_IGNORE_AXES);
            format.setIndentation(WKTFormat.SINGLE_LINE);
            srs.setDefinition(format.format(crs.definition()));
            dao.create(srs);
            return srs;
        }
    }
}
