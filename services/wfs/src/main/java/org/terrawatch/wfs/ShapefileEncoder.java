package org.terrawatch.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;

/**
 * GetFeature as a zipped ESRI Shapefile: .shp, .shx, .dbf (UTF-8, with a .cpg saying so, so Chinese
 * attributes survive in ArcGIS and QGIS) and a .prj in the output CRS. Features stream from the store into
 * files in a temporary folder (Shapefiles need their record counts before the end), then the zip streams out.
 *
 * <p>dBase limits: field names are cut to 10 characters and made unique; text fields hold 254 bytes
 * (about 84 Chinese characters); dates and times are written as text in ISO 8601.
 */
final class ShapefileEncoder {

    private static final int NAME_LENGTH = 10;

    private ShapefileEncoder() {
    }

    static void write(FeatureCollectionResult result, OutputStream out) throws IOException {
        FeatureType type = result.query().type();
        Path folder = Files.createTempDirectory("terrawatch-shp-");
        try {
            Map<Property, String> fields = fieldNames(type, result);
            Path shp = folder.resolve(type.name() + ".shp");
            SHPDriver driver = new SHPDriver();
            DbaseFileHeader header = new DbaseFileHeader();
            header.setEncoding(StandardCharsets.UTF_8.name());
            for (Map.Entry<Property, String> field : fields.entrySet()) {
                addColumn(header, field.getValue(), field.getKey().binding());
            }
            driver.setGeometryFieldIndex(0);
            driver.initDriver(shp.toFile(), shapeType(type.definition().geometryType()), header);
            int[] written = {0};
            result.forEach(feature -> {
                Object[] row = new Object[fields.size() + 1];
                row[0] = feature.geometry();
                int i = 1;
                for (Property property : fields.keySet()) {
                    row[i++] = value(feature.values().get(property.name()));
                }
                try {
                    driver.insertRow(row);
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            driver.close();
            fixDbaseHeader(folder.resolve(type.name() + ".dbf"), written[0]);
            Files.writeString(folder.resolve(type.name() + ".prj"), prj(result), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(type.name() + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
            zip(folder, out);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * The dBase header's date and record count, written after the rows: the writer leaves the count at 0 when
     * it is not known in advance (readers then see no records), and counts the year from 2000, not 1900.
     */
    private static void fixDbaseHeader(Path dbf, int records) throws IOException {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(7).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth()).putInt(records);
        header.flip();
        try (var channel = java.nio.channels.FileChannel.open(dbf, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(header, 1);
        }
    }

    /** The non-geometry properties to write, with dBase names of at most 10 characters, unique. */
    private static Map<Property, String> fieldNames(FeatureType type, FeatureCollectionResult result) {
        Map<Property, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        List<String> wanted = result.query().properties();
        for (Property property : type.properties()) {
            boolean selected = wanted == null || property.name().equals(type.definition().idColumn())
                    || wanted.stream().anyMatch(n -> n.equalsIgnoreCase(property.name()));
            if (property.binding() == Binding.GEOMETRY || !selected) {
                continue;
            }
            String name = property.name().length() <= NAME_LENGTH ? property.name() : property.name().substring(0, NAME_LENGTH);
            for (int n = 1; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = property.name().substring(0, Math.min(property.name().length(), NAME_LENGTH - suffix.length())) + suffix;
            }
            names.put(property, name);
        }
        return names;
    }

    private static void addColumn(DbaseFileHeader header, String name, Binding binding) {
        try {
            switch (binding) {
                case INTEGER, LONG -> header.addColumn(name, 'N', 18, 0);
                case DOUBLE -> header.addColumn(name, 'N', 24, 8);
                case BOOLEAN -> header.addColumn(name, 'L', 1, 0);
                default -> header.addColumn(name, 'C', 254, 0);
            }
        } catch (DbaseFileException e) {
            throw new IllegalStateException("Cannot declare dBase field " + name, e);
        }
    }

    private static Object value(Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return value;
    }

    private static ShapeType shapeType(String geometryType) {
        return switch (geometryType == null ? "" : geometryType) {
            case "Point" -> ShapeType.POINT;
            case "MultiPoint" -> ShapeType.MULTIPOINT;
            case "Polygon", "MultiPolygon" -> ShapeType.POLYGON;
            default -> ShapeType.ARC;
        };
    }

    /** The output CRS in the ESRI flavour of WKT 1 that .prj files hold; coordinates are always x/y in a Shapefile. */
    private static String prj(FeatureCollectionResult result) {
        WKTFormat format = new WKTFormat(Locale.ROOT, (java.time.ZoneId) null);
        format.setConvention(Convention.WKT1_IGNORE_AXES);
        format.setIndentation(WKTFormat.SINGLE_LINE);
        return format.format(result.query().outputCrs().definition());
    }

    private static void zip(Path folder, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(folder)) {
            listing.sorted().forEach(files::add);
        }
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
    }
}
