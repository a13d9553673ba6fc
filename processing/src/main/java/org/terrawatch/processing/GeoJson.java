package org.terrawatch.processing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GeoJSON for process inputs and outputs (RFC 7946: longitude, latitude; CGCS2000 taken as WGS 84 within a metre). */
public final class GeoJson {

    public static final String MEDIA_TYPE = "application/geo+json";
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private GeoJson() {
    }

    /** A feature collection of the given features: geometry and properties each. */
    public static ComplexValue featureCollection(List<Map.Entry<Geometry, Map<String, Object>>> features) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode list = root.putArray("features");
        GeoJsonWriter writer = new GeoJsonWriter(9);
        writer.setEncodeCRS(false);
        for (Map.Entry<Geometry, Map<String, Object>> feature : features) {
            ObjectNode node = list.addObject();
            node.put("type", "Feature");
            node.set("geometry", JSON.readTree(writer.write(feature.getKey())));
            node.set("properties", JSON.valueToTree(feature.getValue()));
        }
        return ComplexValue.text(MEDIA_TYPE, JSON.writeValueAsString(root));
    }

    /** A JSON document of any value (maps, lists, numbers, strings). */
    public static ComplexValue json(Object value) {
        return ComplexValue.text("application/json", JSON.writeValueAsString(value));
    }

    /** The geometries of a GeoJSON geometry, feature or feature collection. */
    public static List<Geometry> geometries(String input, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException e) {
            throw ProcessFailure.invalid(input, "The input " + input + " is not JSON: " + e.getMessage());
        }
        List<JsonNode> geometries = new ArrayList<>();
        String type = root.path("type").asString("");
        switch (type) {
            case "FeatureCollection" -> root.path("features").forEach(f -> geometries.add(f.path("geometry")));
            case "Feature" -> geometries.add(root.path("geometry"));
            default -> geometries.add(root);
        }
        GeoJsonReader reader = new GeoJsonReader();
        List<Geometry> parsed = new ArrayList<>();
        for (JsonNode node : geometries) {
            try {
                Geometry geometry = reader.read(JSON.writeValueAsString(node));
                if (Arrays.stream(geometry.getCoordinates()).anyMatch(c -> !Double.isFinite(c.getX()) || !Double.isFinite(c.getY()))) {
                    throw ProcessFailure.invalid(input, "The input " + input + " holds a coordinate that is not a finite number");
                }
                if (geometry.isEmpty()) {
                    throw ProcessFailure.invalid(input, "The input " + input + " holds an empty geometry");
                }
                if (!geometry.isValid()) {
                    throw ProcessFailure.invalid(input, "The input " + input + " holds an invalid geometry (self-intersecting or badly nested rings)");
                }
                parsed.add(geometry);
            } catch (ParseException | RuntimeException e) {
                if (e instanceof ProcessFailure failure) {
                    throw failure;
                }
                throw ProcessFailure.invalid(input, "The input " + input + " is not a GeoJSON geometry, feature or feature collection: " + e.getMessage());
            }
        }
        if (parsed.isEmpty()) {
            throw ProcessFailure.invalid(input, "The input " + input + " holds no geometry");
        }
        return parsed;
    }
}
