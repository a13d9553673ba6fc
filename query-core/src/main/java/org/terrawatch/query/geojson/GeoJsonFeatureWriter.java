package org.terrawatch.query.geojson;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.query.Feature;
import tools.jackson.core.JsonGenerator;

/**
 * Features and geometries as GeoJSON objects on a streaming generator, shared by WFS and OGC API.
 * Positions are written as held, or with the two axes swapped when the caller asks (GeoJSON's x/y order
 * for a CRS whose first axis is latitude or northing).
 */
public final class GeoJsonFeatureWriter {

    private GeoJsonFeatureWriter() {
    }

    /** One Feature object: type, id, geometry (or null), properties. */
    public static void feature(JsonGenerator json, Feature feature, boolean swap) {
        feature(json, feature, swap, null);
    }

    /** The feature, with further members (e.g. OGC API links) written by {@code members} before it closes. */
    public static void feature(JsonGenerator json, Feature feature, boolean swap, java.util.function.Consumer<JsonGenerator> members) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", feature.id());
        json.writeName("geometry");
        if (feature.geometry() == null) {
            json.writeNull();
        } else {
            geometry(json, feature.geometry(), swap);
        }
        json.writeName("properties");
        json.writeStartObject();
        feature.values().forEach((name, value) -> {
            json.writeName(name);
            value(json, value);
        });
        json.writeEndObject();
        if (members != null) {
            members.accept(json);
        }
        json.writeEndObject();
    }

    public static void value(JsonGenerator json, Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            // Strings, and dates and times in ISO 8601.
            json.writeString(value.toString());
        }
    }

    public static void geometry(JsonGenerator json, Geometry geometry, boolean swap) {
        json.writeStartObject();
        if (geometry instanceof Point point) {
            json.writeStringProperty("type", "Point");
            json.writeName("coordinates");
            position(json, point.getCoordinate(), swap);
        } else if (geometry instanceof Polygon polygon) {
            json.writeStringProperty("type", "Polygon");
            json.writeName("coordinates");
            polygon(json, polygon, swap);
        } else if (geometry instanceof MultiPolygon multi) {
            json.writeStringProperty("type", "MultiPolygon");
            json.writeName("coordinates");
            json.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygon(json, (Polygon) multi.getGeometryN(i), swap);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
        json.writeEndObject();
    }

    private static void polygon(JsonGenerator json, Polygon polygon, boolean swap) {
        json.writeStartArray();
        ring(json, polygon.getExteriorRing(), swap);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(json, polygon.getInteriorRingN(i), swap);
        }
        json.writeEndArray();
    }

    private static void ring(JsonGenerator json, LineString ring, boolean swap) {
        json.writeStartArray();
        for (Coordinate c : ring.getCoordinates()) {
            position(json, c, swap);
        }
        json.writeEndArray();
    }

    private static void position(JsonGenerator json, Coordinate c, boolean swap) {
        json.writeStartArray();
        json.writeNumber(swap ? c.y : c.x);
        json.writeNumber(swap ? c.x : c.y);
        json.writeEndArray();
    }
}
