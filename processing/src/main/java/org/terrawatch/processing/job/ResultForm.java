package org.terrawatch.processing.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the client that submitted a job wants its results, kept with the job so that a status or results document
 * asked for later answers as the execute request asked.
 *
 * @param outputs     the outputs wanted, in order (all when empty)
 * @param byReference those of them to give as links rather than inline
 * @param lineage     whether the document repeats the inputs and the output definitions
 */
public record ResultForm(List<String> outputs, Set<String> byReference, boolean lineage) {

    /** Every output inline, no lineage. */
    public static final ResultForm ALL = new ResultForm(List.of(), Set.of(), false);

    public ResultForm {
        outputs = List.copyOf(outputs);
        byReference = Set.copyOf(byReference);
    }

    String toJson() {
        ObjectNode root = ValueJson.JSON.createObjectNode();
        outputs.forEach(root.putArray("outputs")::add);
        byReference.stream().sorted().forEach(root.putArray("byReference")::add);
        root.put("lineage", lineage);
        return ValueJson.JSON.writeValueAsString(root);
    }

    static ResultForm fromJson(String json) {
        if (json == null) {
            return ALL;
        }
        JsonNode root = ValueJson.JSON.readTree(json);
        List<String> outputs = new ArrayList<>();
        root.path("outputs").forEach(o -> outputs.add(o.asString()));
        Set<String> byReference = new LinkedHashSet<>();
        root.path("byReference").forEach(o -> byReference.add(o.asString()));
        return new ResultForm(outputs, byReference, root.path("lineage").asBoolean(false));
    }
}
