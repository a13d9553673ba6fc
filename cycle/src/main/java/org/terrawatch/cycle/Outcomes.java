package org.terrawatch.cycle;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A scheduled job's outcome as the register keeps it: a small JSON object. */
final class Outcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Outcomes() {
    }

    static String of(Object... keysAndValues) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            outcome.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(outcome);
    }
}
