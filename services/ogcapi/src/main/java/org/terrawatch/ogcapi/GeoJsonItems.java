package org.terrawatch.ogcapi;

import java.io.OutputStream;
import org.terrawatch.query.geojson.GeoJsonFeatureWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Items as GeoJSON, streamed. Coordinates follow the axis order of the response CRS (OGC API – Features
 * Part 2): longitude/latitude for the default CRS84, latitude/longitude for EPSG:4490 and 4326.
 */
final class GeoJsonItems {

    private static final JsonFactory FACTORY = new JsonFactory();

    private GeoJsonItems() {
    }

    static void write(OgcApi.ItemsPage page, boolean single, OutputStream out) {
        GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(page.type().coordinateFormat(page.crs()), false);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            if (single) {
                page.forEach(feature -> writer.feature(json, feature, item -> {
                    item.writeName("links");
                    item.writeStartArray();
                    link(item, page.self(), "self", "application/geo+json");
                    link(item, page.alternate(), "alternate", "text/html");
                    link(item, page.collection(), "collection", "application/json");
                    item.writeEndArray();
                }));
                return;
            }
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeNumberProperty("numberMatched", page.numberMatched());
            json.writeNumberProperty("numberReturned", page.numberReturned());
            json.writeStringProperty("timeStamp", page.timeStamp().toString());
            json.writeName("links");
            json.writeStartArray();
            link(json, page.self(), "self", "application/geo+json");
            link(json, page.alternate(), "alternate", "text/html");
            link(json, page.collection(), "collection", "application/json");
            if (page.next() != null) {
                link(json, page.next(), "next", "application/geo+json");
            }
            if (page.previous() != null) {
                link(json, page.previous(), "prev", "application/geo+json");
            }
            json.writeEndArray();
            json.writeName("features");
            json.writeStartArray();
            page.forEach(feature -> writer.feature(json, feature));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void link(JsonGenerator json, String href, String rel, String type) {
        json.writeStartObject();
        json.writeStringProperty("href", href);
        json.writeStringProperty("rel", rel);
        json.writeStringProperty("type", type);
        json.writeEndObject();
    }
}
