package org.terrawatch.wfs;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.Feature;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * A GetFeature result as a GeoJSON FeatureCollection (RFC 7946), streamed. GeoJSON positions are always
 * x/y (longitude, latitude; easting, northing): the encoder writes them so whatever axis order the
 * requested CRS has. Another CRS than CRS:84/EPSG:4490 is named in a {@code crs} member, as GeoServer does.
 */
final class GeoJsonEncoder {

    private static final JsonFactory JSON = new JsonFactory();

    private GeoJsonEncoder() {
    }

    static void write(FeatureCollectionResult result, OutputStream out) {
        Crs crs = result.query().outputCrs();
        boolean swap = !crs.eastingFirst();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeNumberProperty("numberMatched", result.numberMatched());
            json.writeNumberProperty("numberReturned", result.numberReturned());
            json.writeStringProperty("timeStamp", result.timeStamp().toString());
            if (crs.epsg() != 4490 && crs.epsg() != 4326) {
                json.writeName("crs");
                json.writeStartObject();
                json.writeStringProperty("type", "name");
                json.writeName("properties");
                json.writeStartObject();
                json.writeStringProperty("name", crs.urn());
                json.writeEndObject();
                json.writeEndObject();
            }
            links(json, result);
            json.writeName("features");
            json.writeStartArray();
            result.forEach(feature -> feature(json, feature, swap));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void links(JsonGenerator json, FeatureCollectionResult result) {
        json.writeName("links");
        json.writeStartArray();
        for (String[] link : new String[][] {{"next", result.next()}, {"previous", result.previous()}}) {
            if (link[1] != null) {
                json.writeStartObject();
                json.writeStringProperty("rel", link[0]);
                json.writeStringProperty("href", link[1]);
                json.writeStringProperty("type", "application/json");
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private static void feature(JsonGenerator json, Feature feature, boolean swap) {
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
        json.writeEndObject();
    }

    static void value(JsonGenerator json, Object value) {
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
        } else if (value instanceof Instant || value instanceof LocalDate) {
            json.writeString(value.toString());
        } else {
            json.writeString(value.toString());
        }
    }

    static void geometry(JsonGenerator json, Geometry geometry, boolean swap) {
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
