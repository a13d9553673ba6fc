package org.terrawatch.app.cameras;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A list of cameras to register, as the video platform's operator hands it in: a CSV with a header row (UTF-8, with or
 * without a BOM, or GB18030 as Chinese Excel saves it; the columns {@code code, name, kind, longitude, latitude,
 * mountHeight, azimuthFrom, azimuthTo, range}, also under their Chinese names), or a GeoJSON FeatureCollection of
 * points whose properties are those fields (a {@code coverage} polygon among them if it is known). Each camera comes
 * out as the fields of {@code POST /api/cameras}, with the row or feature it came from.
 */
final class CameraList {

    /** One camera of the list: its place in the list (row 2 is the first after the header; feature 1 the first). */
    record Entry(String where, ObjectNode fields) {
    }

    /** A list that cannot be read at all. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CHINESE = Map.ofEntries(Map.entry("编号", "code"), Map.entry("设备编号", "code"),
            Map.entry("名称", "name"), Map.entry("类型", "kind"), Map.entry("经度", "longitude"), Map.entry("纬度", "latitude"),
            Map.entry("架设高度", "mountHeight"), Map.entry("起始方位角", "azimuthFrom"), Map.entry("终止方位角", "azimuthTo"),
            Map.entry("监控半径", "range"));
    private static final int MAX_CAMERAS = 5_000;

    private CameraList() {
    }

    static List<Entry> read(byte[] body, String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return geoJson(body);
        }
        if (type.startsWith("text/csv") || type.startsWith("text/plain") || type.isEmpty()) {
            return csv(text(body));
        }
        throw new Unreadable("A camera list is text/csv or application/geo+json, not " + mediaType);
    }

    private static List<Entry> csv(String text) {
        List<Entry> entries = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                .get().parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames().stream().map(name -> CHINESE.getOrDefault(name.strip(), name.strip())).toList();
            if (!header.contains("code")) {
                throw new Unreadable("The CSV's header names its columns, code among them (code, name, kind, longitude, latitude, "
                        + "mountHeight, azimuthFrom, azimuthTo, range)");
            }
            for (CSVRecord record : parser) {
                ObjectNode fields = JSON.createObjectNode();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    String value = record.get(i);
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    fields.put(header.get(i), value); // numbers are checked as numbers, naming the field, with the rest
                }
                entries.add(new Entry("row " + (record.getRecordNumber() + 1), fields));
                limit(entries);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("The CSV cannot be read: " + e.getMessage());
        }
        return entries;
    }

    private static List<Entry> geoJson(byte[] body) {
        JsonNode collection;
        try {
            collection = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Unreadable("The GeoJSON cannot be read: " + e.getOriginalMessage());
        }
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asString("")) || !collection.path("features").isArray()) {
            throw new Unreadable("A GeoJSON camera list is a FeatureCollection of Point features");
        }
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (JsonNode feature : collection.get("features")) {
            n++;
            ObjectNode fields = feature.path("properties").isObject() ? ((ObjectNode) feature.get("properties")).deepCopy() : JSON.createObjectNode();
            JsonNode geometry = feature.path("geometry");
            if (!"Point".equals(geometry.path("type").asString("")) || geometry.path("coordinates").size() < 2) {
                fields.remove("longitude");
                fields.remove("latitude");
            } else {
                fields.set("longitude", geometry.get("coordinates").get(0));
                fields.set("latitude", geometry.get("coordinates").get(1));
            }
            entries.add(new Entry("feature " + n, fields));
            limit(entries);
        }
        return entries;
    }

    private static void limit(List<Entry> entries) {
        if (entries.size() > MAX_CAMERAS) {
            throw new Unreadable("A camera list holds at most " + MAX_CAMERAS + " cameras");
        }
    }

    /** UTF-8 (a BOM dropped), else GB18030, as Chinese spreadsheets save CSV. */
    private static String text(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(body, Charset.forName("GB18030"));
        }
    }
}
