package org.terrawatch.wms;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.query.Feature;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.geojson.GeoJsonFeatureWriter;
import org.terrawatch.rendering.MapView;
import org.terrawatch.wfs.FeatureCollectionResult;
import org.terrawatch.wfs.GmlFeatures;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * GetFeatureInfo: the features under a pixel — those containing the pixel's centre first, else those within
 * a few pixels of it — answered as GeoJSON (application/json), an HTML table with Chinese field titles
 * (text/html), or GML 3.1.1 (application/vnd.ogc.gml, text/xml).
 */
final class FeatureInfo {

    /** How far from the clicked pixel a point or line still counts, in pixels. */
    static final int TOLERANCE_PIXELS = 4;
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final JsonFactory JSON = new JsonFactory();
    private static final Properties TITLES = titles();

    record Hit(FeatureType type, FeatureQuery query) {
    }

    private FeatureInfo() {
    }

    /** The query for the features of a layer at pixel (i, j) of the map; geometries come back in EPSG:4490, lon/lat. */
    static FeatureQuery at(FeatureSource source, Reader reader, FeatureType type, Filter layerFilter, MapView view, int i, int j, int count) {
        Envelope extent = view.extent();
        double resolutionX = extent.getWidth() / view.width();
        double resolutionY = extent.getHeight() / view.height();
        double x = extent.getMinX() + (i + 0.5) * resolutionX;
        double y = extent.getMaxY() - (j + 0.5) * resolutionY;
        Reprojection toStorage = Reprojection.between(view.crs(), Crs.STORAGE);
        Property geometry = type.geometry().orElseThrow();
        Geometry point = toStorage.apply(FACTORY.createPoint(new Coordinate(x, y)));
        FeatureQuery exact = new FeatureQuery(type, Filter.and(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, geometry.name(), point),
                layerFilter), null, 0, (long) count, null, Crs.STORAGE);
        if (source.count(exact, reader) > 0) {
            return exact;
        }
        Envelope near = new Envelope(x - TOLERANCE_PIXELS * resolutionX, x + TOLERANCE_PIXELS * resolutionX,
                y - TOLERANCE_PIXELS * resolutionY, y + TOLERANCE_PIXELS * resolutionY);
        Geometry box = toStorage.apply(FACTORY.toGeometry(near));
        return new FeatureQuery(type, Filter.and(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, geometry.name(), box), layerFilter),
                null, 0, (long) count, null, Crs.STORAGE);
    }

    static WmsResponse encode(List<Hit> hits, String infoFormat, String serviceUrl, FeatureSource source, Reader reader) {
        String format = infoFormat.toLowerCase(java.util.Locale.ROOT);
        if (format.startsWith("application/json") || format.equals("application/geo+json")) {
            return new WmsResponse("application/json", out -> json(hits, source, reader, out));
        }
        if (format.startsWith("text/html")) {
            return new WmsResponse("text/html; charset=UTF-8", out -> html(hits, source, reader, out));
        }
        if (format.contains("gml") || format.equals("text/xml") || format.equals("application/xml")) {
            // one collection holding the features of every queried layer, each under its own type
            List<FeatureCollectionResult> results = hits.stream().map(hit -> {
                long matched = source.count(hit.query(), reader);
                return new FeatureCollectionResult(hit.query(), false, matched, matched, Instant.now(), null, null,
                        consumer -> source.stream(hit.query(), reader, consumer), null);
            }).toList();
            String schema = serviceUrl.replaceAll("/(wms|ows)$", "/wfs") + "?SERVICE=WFS&VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME="
                    + String.join(",", hits.stream().map(hit -> hit.type().qualifiedName()).toList());
            return new WmsResponse("application/vnd.ogc.gml", out -> GmlFeatures.writeGml311(results, schema, out));
        }
        throw new WmsException("InvalidFormat", "INFO_FORMAT", "GetFeatureInfo answers in application/json, text/html or "
                + "application/vnd.ogc.gml, not " + infoFormat);
    }

    private static void json(List<Hit> hits, FeatureSource source, Reader reader, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            for (Hit hit : hits) {
                GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(hit.query().coordinateFormat(), false);
                source.stream(hit.query(), reader, feature -> writer.feature(json, feature));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void html(List<Hit> hits, FeatureSource source, Reader reader, OutputStream out) throws IOException {
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        html.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>要素信息</title>"
                + "<style>body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse;margin-bottom:1em}"
                + "th,td{border:1px solid #ccc;padding:2px 6px;text-align:left}th{background:#f3f3f3}</style></head><body>");
        for (Hit hit : hits) {
            List<Feature> features = new ArrayList<>();
            source.stream(hit.query(), reader, features::add);
            for (Feature feature : features) {
                html.write("<table><caption>" + escape(hit.type().definition().title()) + " " + escape(feature.id()) + "</caption>");
                for (Map.Entry<String, Object> value : feature.values().entrySet()) {
                    html.write("<tr><th>" + escape(TITLES.getProperty(value.getKey(), value.getKey())) + "</th><td>"
                            + escape(value.getValue() == null ? "" : value.getValue().toString()) + "</td></tr>");
                }
                html.write("</table>");
            }
        }
        html.write("</body></html>");
        html.flush();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Properties titles() {
        Properties titles = new Properties();
        try (var in = FeatureInfo.class.getResourceAsStream("field-titles.properties")) {
            if (in != null) {
                titles.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return titles;
    }
}
