package org.terrawatch.processing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outputs of a run, by output id: literal values (String, Number, Boolean), {@link BoundingBox}es and {@link ComplexValue}s. */
public final class ProcessOutputs {

    private final Map<String, Object> values = new LinkedHashMap<>();

    public ProcessOutputs put(String id, Object value) {
        values.put(id, value);
        return this;
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Object get(String id) {
        return values.get(id);
    }
}
