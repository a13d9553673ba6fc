package org.terrawatch.query.geojson;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.ows.CoordinateFormat;
import org.terrawatch.query.Feature;
import tools.jackson.core.JsonGenerator;

/**
 * Features and geometries as GeoJSON objects on a streaming generator, shared by WFS, OGC API and GetFeatureInfo.
 * Positions are written as held, or with the two axes swapped when the caller asks (GeoJSON's x/y order
 * for a CRS whose first axis is latitude or northing), with the layer's decimals.
 *
 * @param format how coordinates are written: the query's {@link org.terrawatch.query.FeatureQuery#coordinateFormat()}
 * @param swap   whether positions are written second axis first
 */
public record GeoJsonFeatureWriter(CoordinateFormat format, boolean swap) {

    /** One Feature object: type, id, geometry (or null), properties. */
    public void feature(JsonGenerator json, Feature feature) {
        feature(json, feature, null);
    }

    /** The feature, with further members (e.g. OGC API links) written by {@code members} before it closes. */
    public void feature(JsonGenerator json, Feature feature, java.util.function.Consumer<JsonGenerator> members) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", feature.id());
        json.writeName("geometry");
        if (feature.geometry() == null) {
            json.writeNull();
        } else {
            geometry(json, feature.geometry());
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
    public void geometry(JsonGenerator json, Geometry geometry) {
        json.writeStartObject();
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint || geometry instanceof MultiLineString
                || geometry instanceof MultiPolygon)) {
            json.writeStringProperty("type", "GeometryCollection");
            json.writeName("geometries");
            json.writeStartArray();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                geometry(json, collection.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            json.writeStringProperty("type", geometry.getGeometryType());
            json.writeName("coordinates");
            coordinates(json, geometry);
        }
        json.writeEndObject();
    }

    private void coordinates(JsonGenerator json, Geometry geometry) {
        if (geometry instanceof Point point) {
            positions(json, point.getCoordinateSequence(), false);
        } else if (geometry instanceof LineString line) {
            positions(json, line.getCoordinateSequence(), true);
        } else if (geometry instanceof Polygon polygon) {
            json.writeStartArray();
            positions(json, polygon.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                positions(json, polygon.getInteriorRingN(i).getCoordinateSequence(), true);
            }
            json.writeEndArray();
        } else if (geometry instanceof GeometryCollection multi) {
            json.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                coordinates(json, multi.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    /**
     * One position, or the array of a line's or ring's positions, written as one run of characters: numbers one by one
     * through the generator cost more than formatting them.
     */
    private void positions(JsonGenerator json, CoordinateSequence sequence, boolean array) {
        int size = sequence.size();
        char[] text = new char[size * (2 * CoordinateFormat.MAX_LENGTH + 4) + 2];
        int at = 0;
        if (array) {
            text[at++] = '[';
        }
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text[at++] = ',';
            }
            text[at++] = '[';
            at = format.write(swap ? sequence.getY(i) : sequence.getX(i), text, at);
            text[at++] = ',';
            at = format.write(swap ? sequence.getX(i) : sequence.getY(i), text, at);
            text[at++] = ']';
        }
        if (array) {
            text[at++] = ']';
        }
        json.writeRawValue(text, 0, at);
    }
}
