package org.terrawatch.query.geojson;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
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

    /** Any JTS geometry as its GeoJSON object: the six simple types and GeometryCollection. */
    public static void geometry(JsonGenerator json, Geometry geometry, boolean swap) {
        json.writeStartObject();
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint || geometry instanceof MultiLineString
                || geometry instanceof MultiPolygon)) {
            json.writeStringProperty("type", "GeometryCollection");
            json.writeName("geometries");
            json.writeStartArray();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                geometry(json, collection.getGeometryN(i), swap);
            }
            json.writeEndArray();
        } else {
            json.writeStringProperty("type", geometry.getGeometryType());
            json.writeName("coordinates");
            coordinates(json, geometry, swap);
        }
        json.writeEndObject();
    }

    private static void coordinates(JsonGenerator json, Geometry geometry, boolean swap) {
        if (geometry instanceof Point point) {
            position(json, point.getCoordinate(), swap);
        } else if (geometry instanceof LineString line) {
            ring(json, line, swap);
        } else if (geometry instanceof Polygon polygon) {
            polygon(json, polygon, swap);
        } else if (geometry instanceof GeometryCollection multi) {
            json.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                coordinates(json, multi.getGeometryN(i), swap);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
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
