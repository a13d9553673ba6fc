package org.terrawatch.submission.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sis.referencing.CommonCRS;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.terrawatch.submission.SubmissionRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection (or a single Feature): RFC 7946 coordinates are WGS 84 longitude/latitude; a
 * legacy {@code crs} member (GeoJSON 2008, as GDAL writes for other systems) names another, e.g.
 * {@code urn:ogc:def:crs:EPSG::4547}, whose coordinates are then x east, y north as GDAL writes them.
 */
final class GeoJsonSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoJsonSource() {
    }

    static SourceLayer read(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new SubmissionRefused("CORRUPT_FILE", "The GeoJSON cannot be read: " + e.getOriginalMessage());
        }
        List<JsonNode> features = new ArrayList<>();
        switch (root.path("type").asString("")) {
            case "FeatureCollection" -> root.path("features").forEach(features::add);
            case "Feature" -> features.add(root);
            default -> throw new SubmissionRefused("CORRUPT_FILE", "The GeoJSON is neither a FeatureCollection nor a Feature");
        }
        CoordinateReferenceSystem crs = CommonCRS.WGS84.normalizedGeographic();
        String crsSource = "RFC 7946 (WGS 84 longitude/latitude)";
        String named = root.path("crs").path("properties").path("name").asString(null);
        if (named != null) {
            crs = CrsDefinitions.fromCode(named.replace("urn:ogc:def:crs:OGC:1.3:CRS84", "CRS:84"), "the GeoJSON crs member");
            crsSource = "the GeoJSON crs member (" + named + ")";
        }
        GeoJsonReader reader = new GeoJsonReader();
        Set<String> fields = new LinkedHashSet<>();
        List<SourceFeature> read = new ArrayList<>();
        for (JsonNode feature : features) {
            int number = read.size() + 1;
            Map<String, String> attributes = new LinkedHashMap<>();
            feature.path("properties").properties().forEach(entry -> {
                attributes.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().isValueNode()
                        ? entry.getValue().asString() : entry.getValue().toString());
                fields.add(entry.getKey());
            });
            JsonNode geometry = feature.path("geometry");
            if (geometry.isMissingNode() || geometry.isNull()) {
                read.add(SourceFeature.of(number, null, attributes));
                continue;
            }
            try {
                read.add(SourceFeature.of(number, reader.read(geometry.toString()), attributes));
            } catch (ParseException | RuntimeException e) {
                read.add(new SourceFeature(number, null, attributes, null, "its geometry cannot be read: " + e.getMessage()));
            }
        }
        return new SourceLayer(FileFormat.GEOJSON, null, crs, crsSource, List.copyOf(fields), read);
    }
}
