package org.terrawatch.processing.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrawatch.processing.BoundingBox;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.Reference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a job's inputs and outputs are kept: each value as a small tagged JSON object — {@code {"literal": ...}},
 * {@code {"bbox": {"lower": [...], "upper": [...], "crs": ...}}}, {@code {"complex": {"mediaType", "text", "base64"}}} or
 * {@code {"href": ..., "mediaType": ...}}.
 */
final class ValueJson {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private ValueJson() {
    }

    static String inputs(Map<String, List<Object>> inputs) {
        ObjectNode root = JSON.createObjectNode();
        inputs.forEach((id, values) -> {
            ArrayNode list = root.putArray(id);
            values.forEach(v -> list.add(value(v)));
        });
        return JSON.writeValueAsString(root);
    }

    static Map<String, List<Object>> inputs(String json) {
        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            List<Object> values = new ArrayList<>();
            entry.getValue().forEach(node -> values.add(value(node)));
            inputs.put(entry.getKey(), values);
        }
        return inputs;
    }

    static String outputs(ProcessOutputs outputs) {
        ObjectNode root = JSON.createObjectNode();
        outputs.values().forEach((id, v) -> root.set(id, value(v)));
        return JSON.writeValueAsString(root);
    }

    static ProcessOutputs outputs(String json) {
        ProcessOutputs outputs = new ProcessOutputs();
        for (Map.Entry<String, JsonNode> entry : JSON.readTree(json).properties()) {
            outputs.put(entry.getKey(), value(entry.getValue()));
        }
        return outputs;
    }

    private static JsonNode value(Object value) {
        ObjectNode node = JSON.createObjectNode();
        if (value instanceof BoundingBox box) {
            ObjectNode b = node.putObject("bbox");
            ArrayNode lower = b.putArray("lower");
            ArrayNode upper = b.putArray("upper");
            for (int i = 0; i < box.lower().length; i++) {
                lower.add(box.lower()[i]);
                upper.add(box.upper()[i]);
            }
            b.put("crs", box.crs());
        } else if (value instanceof ComplexValue complex) {
            ObjectNode c = node.putObject("complex");
            c.put("mediaType", complex.mediaType());
            c.put("text", complex.text());
            c.put("base64", complex.base64());
        } else if (value instanceof Reference reference) {
            node.put("href", reference.href());
            node.put("mediaType", reference.mediaType());
        } else if (value instanceof Number number) {
            if (value instanceof Double || value instanceof Float) {
                node.put("literal", number.doubleValue());
            } else {
                node.put("literal", number.longValue());
            }
        } else if (value instanceof Boolean flag) {
            node.put("literal", flag);
        } else {
            node.put("literal", String.valueOf(value));
        }
        return node;
    }

    private static Object value(JsonNode node) {
        if (node.has("bbox")) {
            JsonNode b = node.get("bbox");
            double[] lower = new double[b.get("lower").size()];
            double[] upper = new double[lower.length];
            for (int i = 0; i < lower.length; i++) {
                lower[i] = b.get("lower").get(i).asDouble();
                upper[i] = b.get("upper").get(i).asDouble();
            }
            return new BoundingBox(lower, upper, b.path("crs").isNull() ? null : b.path("crs").asString(null));
        }
        if (node.has("complex")) {
            JsonNode c = node.get("complex");
            return new ComplexValue(c.get("mediaType").asString(), c.get("text").asString(), c.path("base64").asBoolean(false));
        }
        if (node.has("href")) {
            return new Reference(node.get("href").asString(), node.path("mediaType").isNull() ? null : node.path("mediaType").asString(null));
        }
        JsonNode literal = node.get("literal");
        if (literal.isBoolean()) {
            return literal.asBoolean();
        }
        if (literal.isIntegralNumber()) {
            return literal.asLong();
        }
        if (literal.isNumber()) {
            return literal.asDouble();
        }
        return literal.asString();
    }
}
