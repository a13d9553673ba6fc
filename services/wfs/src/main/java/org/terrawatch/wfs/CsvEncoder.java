package org.terrawatch.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;

/**
 * GetFeature as CSV (RFC 4180): a header row, one row per feature with its identifier, its properties and
 * its geometry as WKT, streamed. UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese text.
 * WKT carries no CRS, so it is written x/y (longitude/latitude, easting/northing) whatever the CRS's axis order.
 */
final class CsvEncoder {

    private CsvEncoder() {
    }

    static void write(FeatureCollectionResult result, OutputStream out) {
        FeatureType type = result.query().type();
        Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        WKTWriter wkt = new WKTWriter();
        // JTS writes 1 + log10(scale) fraction digits of a fixed precision model: a scale of 10^(n-1) gives the layer's n.
        wkt.setPrecisionModel(new PrecisionModel(Math.pow(10, result.query().coordinateFormat().decimals() - 1)));
        Crs crs = result.query().outputCrs();
        Reprojection toXy = Reprojection.between(crs, crs.xy());
        try {
            csv.write('\uFEFF');
            csv.write("FID");
            for (Property property : type.properties()) {
                if (selected(result, property)) {
                    csv.write("," + field(property.name()));
                }
            }
            csv.write("\r\n");
            result.forEach(feature -> {
                try {
                    csv.write(field(feature.id()));
                    for (Property property : type.properties()) {
                        if (!selected(result, property)) {
                            continue;
                        }
                        Object value = property.binding() == Binding.GEOMETRY
                                ? (feature.geometry() == null ? null : wkt.write(toXy.apply(feature.geometry())))
                                : feature.values().get(property.name());
                        csv.write("," + (value == null ? "" : field(GmlEncoder.text(value))));
                    }
                    csv.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean selected(FeatureCollectionResult result, Property property) {
        var names = result.query().properties();
        return names == null || property.binding() == Binding.GEOMETRY || names.stream().anyMatch(n -> n.equalsIgnoreCase(property.name()))
                || property.name().equals(result.query().type().definition().idColumn());
    }

    /** A field quoted when it holds a comma, quote or line break. */
    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
