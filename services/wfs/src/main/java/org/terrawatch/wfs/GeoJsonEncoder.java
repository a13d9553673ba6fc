package org.terrawatch.wfs;

import java.io.OutputStream;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.geojson.GeoJsonFeatureWriter;
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
            GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(result.query().coordinateFormat(), swap);
            result.forEach(feature -> writer.feature(json, feature));
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
}
