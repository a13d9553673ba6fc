package org.terrawatch.wfs;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.GeometryType;

/**
 * GetFeature as FlatGeobuf, streamed feature by feature with the FlatGeobuf library (no spatial index, feature
 * count left open, as a stream must). Coordinates are x/y; dates and times are ISO 8601 DateTime columns.
 */
final class FlatGeobufEncoder {

    private FlatGeobufEncoder() {
    }

    static void write(FeatureCollectionResult result, OutputStream out) throws IOException {
        FeatureType type = result.query().type();
        List<Property> properties = new ArrayList<>();
        List<String> wanted = result.query().properties();
        for (Property property : type.properties()) {
            if (property.binding() != Binding.GEOMETRY && (wanted == null || property.name().equals(type.definition().idColumn())
                    || wanted.stream().anyMatch(n -> n.equalsIgnoreCase(property.name())))) {
                properties.add(property);
            }
        }
        HeaderMeta header = new HeaderMeta();
        header.name = type.name();
        header.geometryType = geometryType(type.definition().geometryType());
        header.srid = result.query().outputCrs().epsg();
        header.featuresCount = 0;
        header.indexNodeSize = 0;
        header.columns = new ArrayList<>();
        for (Property property : properties) {
            ColumnMeta column = new ColumnMeta();
            column.name = property.name();
            column.type = columnType(property.binding());
            column.nullable = true;
            header.columns.add(column);
        }
        out.write(Constants.MAGIC_BYTES);
        FlatBufferBuilder builder = new FlatBufferBuilder(16 * 1024);
        HeaderMeta.write(header, out, builder);
        result.forEach(feature -> {
            try {
                builder.clear();
                int geometry = feature.geometry() == null ? 0 : GeometryConversions.serialize(builder, feature.geometry(), header.geometryType);
                int values = Feature.createPropertiesVector(builder, encode(properties, feature.values()));
                Feature.startFeature(builder);
                if (geometry != 0) {
                    Feature.addGeometry(builder, geometry);
                }
                Feature.addProperties(builder, values);
                builder.finishSizePrefixed(Feature.endFeature(builder));
                ByteBuffer bytes = builder.dataBuffer();
                out.write(bytes.array(), bytes.position(), bytes.remaining());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** FlatGeobuf's property encoding: for each non-null value, its column index (uint16) and the value, little-endian. */
    private static byte[] encode(List<Property> properties, java.util.Map<String, Object> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            Object value = values.get(property.name());
            if (value == null) {
                continue;
            }
            ByteBuffer field;
            switch (property.binding()) {
                case INTEGER -> field = buffer(6).putShort((short) i).putInt(((Number) value).intValue());
                case LONG -> field = buffer(10).putShort((short) i).putLong(((Number) value).longValue());
                case DOUBLE -> field = buffer(10).putShort((short) i).putDouble(((Number) value).doubleValue());
                case BOOLEAN -> field = buffer(3).putShort((short) i).put((byte) (((Boolean) value) ? 1 : 0));
                default -> {
                    byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                    field = buffer(6 + text.length).putShort((short) i).putInt(text.length).put(text);
                }
            }
            bytes.write(field.array(), 0, field.position());
        }
        return bytes.toByteArray();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte columnType(Binding binding) {
        return (byte) switch (binding) {
            case INTEGER -> ColumnType.Int;
            case LONG -> ColumnType.Long;
            case DOUBLE -> ColumnType.Double;
            case BOOLEAN -> ColumnType.Bool;
            case DATE, TIMESTAMP -> ColumnType.DateTime;
            default -> ColumnType.String;
        };
    }

    private static byte geometryType(String type) {
        return (byte) switch (type == null ? "" : type) {
            case "Point" -> GeometryType.Point;
            case "Polygon" -> GeometryType.Polygon;
            case "MultiPolygon" -> GeometryType.MultiPolygon;
            case "LineString" -> GeometryType.LineString;
            case "MultiLineString" -> GeometryType.MultiLineString;
            case "MultiPoint" -> GeometryType.MultiPoint;
            default -> GeometryType.Unknown;
        };
    }
}
