package org.terrawatch.app.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.terrawatch.monitoring.alert.IntakeRefused;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of an alert sent as JSON: in our documented shape, or in a platform's own shape through its
 * {@link IntakeProperties.Shape} (JSON pointers to the fields, its time format, its confidence scale).
 * Our shape is read as a stream, the base64 snapshot decoded straight from the body's bytes — a 100 KB image is
 * neither a string nor decoded twice; anything the stream cannot take that way (a data URL, a link, line-wrapped
 * base64) is read again as a tree.
 *
 * @param field    a field's text by our name, or null when absent
 * @param snapshot the snapshot's bytes when the body carried them as plain base64, else null
 */
record AlertBody(Function<String, String> field, byte[] snapshot) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param shape the sender's own shape, or null for ours */
    static AlertBody read(byte[] body, IntakeProperties.Shape shape) {
        try {
            if (shape == null) {
                AlertBody streamed = streamed(body);
                if (streamed != null) {
                    return streamed;
                }
            }
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw notAnObject();
            }
            Function<String, String> ours = name -> text(tree.get(name));
            return new AlertBody(shape == null ? ours : name -> shape.value(name, pointer -> text(tree.at(pointer))), null);
        } catch (JacksonException e) {
            throw IntakeRefused.field("body", "The body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Our shape in one pass, or null when the snapshot is not plain base64 (then the tree reads it). */
    private static AlertBody streamed(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        byte[] snapshot = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("snapshot") && value == JsonToken.VALUE_STRING) {
                    try {
                        snapshot = parser.getBinaryValue(Base64Variants.MIME_NO_LINEFEEDS);
                        fields.remove(name);
                        continue;
                    } catch (JacksonException notPlainBase64) {
                        return null;
                    }
                }
                if (value == JsonToken.VALUE_NULL) {
                    fields.remove(name);
                } else if (value.isScalarValue()) {
                    fields.put(name, parser.getString());
                } else {
                    fields.put(name, parser.readValueAsTree().toString());
                }
            }
            if (parser.nextToken() != null) {
                throw IntakeRefused.field("body", "The body is one JSON object; there is more after it");
            }
        }
        return new AlertBody(fields::get, snapshot);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value.isValueNode() ? value.asString() : value.toString();
    }

    private static IntakeRefused notAnObject() {
        return IntakeRefused.field("body", "The body is a JSON object of the alert's fields");
    }
}
