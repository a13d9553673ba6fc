package org.terrawatch.submission.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.terrawatch.submission.SubmissionRefused;

/**
 * A CSV table with coordinates, in its detected encoding ({@link TextEncoding}; comma, semicolon or tab separated,
 * quoted as RFC 4180): either a WKT column ({@code wkt}, {@code geometry}, {@code geom}, {@code 几何}) with one
 * feature per row, or the corner points of parcels and licences as Chinese lists give them (拐点坐标) — a key column
 * ({@code 编号}, {@code id}, {@code 许可证号}, ...), optionally a point-number column ({@code 点号}), and x/y columns
 * ({@code x}/{@code y}, {@code lon}/{@code lat}, {@code 经度}/{@code 纬度}, {@code 东坐标}/{@code 北坐标}) — whose points,
 * in point-number order, make one ring per key. A CSV names no CRS: the request must ({@code crs}).
 */
final class CsvReader {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final Set<String> WKT = Set.of("wkt", "geometry", "geom", "the_geom", "几何", "图形");
    private static final Set<String> X = Set.of("x", "lon", "lng", "longitude", "经度", "东坐标", "横坐标", "x坐标");
    private static final Set<String> Y = Set.of("y", "lat", "latitude", "纬度", "北坐标", "纵坐标", "y坐标");
    private static final Set<String> KEY = Set.of("id", "编号", "图斑编号", "许可证号", "项目编号", "地块编号", "key", "code");
    private static final Set<String> POINT = Set.of("点号", "序号", "point", "point_no", "拐点号");

    private CsvReader() {
    }

    /** @param geometryOptional whether a table without coordinates is read too (its rows without geometry) */
    static SourceLayer read(byte[] content, CoordinateReferenceSystem declared, String crsSource, boolean geometryOptional) {
        TextEncoding encoding = TextEncoding.detect(content);
        String text = new String(content, encoding.charset());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = rows(text);
        if (rows.size() < 2) {
            throw new SubmissionRefused("CORRUPT_FILE", "The CSV has no header row and rows under it");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        int wkt = column(header, WKT);
        int x = column(header, X);
        int y = column(header, Y);
        int key = column(header, KEY);
        int point = column(header, POINT);
        if (wkt < 0 && (x < 0 || y < 0) && !geometryOptional) {
            throw new SubmissionRefused("NO_GEOMETRY", "The CSV has neither a WKT column (wkt, geometry) nor x and y columns "
                    + "(x/y, lon/lat, 经度/纬度): " + String.join(", ", header));
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != wkt && i != x && i != y && i != point) {
                fields.add(header.get(i));
            }
        }
        List<SourceFeature> features = wkt >= 0 ? byWkt(rows, header, wkt, fields)
                : x >= 0 && y >= 0 ? byCorners(rows, header, x, y, key, point, fields) : attributesOnly(rows, header, fields);
        return new SourceLayer(FileFormat.CSV, encoding.toString(), declared, crsSource, List.copyOf(fields), features);
    }

    private static List<SourceFeature> byWkt(List<List<String>> rows, List<String> header, int wkt, List<String> fields) {
        WKTReader reader = new WKTReader();
        List<SourceFeature> features = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> attributes = attributes(row, header, fields);
            int number = features.size() + 1;
            String value = wkt < row.size() ? row.get(wkt).strip() : "";
            try {
                features.add(SourceFeature.of(number, value.isEmpty() ? null : reader.read(value), attributes));
            } catch (ParseException e) {
                features.add(new SourceFeature(number, null, attributes, null, "its WKT cannot be read: " + e.getMessage()));
            }
        }
        return features;
    }

    private static List<SourceFeature> byCorners(List<List<String>> rows, List<String> header, int x, int y, int key, int point,
                                                 List<String> fields) {
        if (key < 0) {
            throw new SubmissionRefused("NO_GEOMETRY", "The CSV has x and y columns but no key column (编号, id, 许可证号) saying which "
                    + "corner points make one area");
        }
        Map<String, List<List<String>>> byKey = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            byKey.computeIfAbsent(key < row.size() ? row.get(key).strip() : "", k -> new ArrayList<>()).add(row);
        }
        List<SourceFeature> features = new ArrayList<>();
        for (List<List<String>> corners : byKey.values()) {
            int number = features.size() + 1;
            Map<String, String> attributes = attributes(corners.get(0), header, fields);
            if (point >= 0) {
                corners.sort(java.util.Comparator.comparingDouble(row -> number(row, point)));
            }
            try {
                List<Coordinate> ring = new ArrayList<>();
                for (List<String> corner : corners) {
                    ring.add(new Coordinate(number(corner, x), number(corner, y)));
                }
                // Corner lists name each corner once: closing the ring is reading it, not a repair.
                if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
                    ring.add(new Coordinate(ring.get(0)));
                }
                if (ring.size() < 4) {
                    features.add(new SourceFeature(number, null, attributes, null, "fewer than 3 corner points"));
                } else {
                    features.add(SourceFeature.of(number, FACTORY.createPolygon(ring.toArray(Coordinate[]::new)), attributes));
                }
            } catch (NumberFormatException e) {
                features.add(new SourceFeature(number, null, attributes, null, "a corner's coordinate is no number: " + e.getMessage()));
            }
        }
        return features;
    }

    private static List<SourceFeature> attributesOnly(List<List<String>> rows, List<String> header, List<String> fields) {
        List<SourceFeature> features = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            features.add(SourceFeature.of(features.size() + 1, null, attributes(row, header, fields)));
        }
        return features;
    }

    private static double number(List<String> row, int column) {
        return Double.parseDouble(column < row.size() ? row.get(column).strip() : "");
    }

    private static Map<String, String> attributes(List<String> row, List<String> header, List<String> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field : fields) {
            int i = header.indexOf(field);
            attributes.put(field, i < row.size() ? row.get(i).strip() : "");
        }
        return attributes;
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 4180 rows: the separator is whichever of comma, semicolon and tab the header line has most of. */
    static List<List<String>> rows(String text) {
        String first = text.lines().findFirst().orElse("");
        char separator = ',';
        long best = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > best) {
                best = count;
                separator = candidate;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
