package org.terrawatch.processing;

import java.util.List;
import java.util.Objects;

/**
 * An input or output of a process.
 *
 * @param dataType      for literals: {@code string}, {@code integer}, {@code double}, {@code boolean} or {@code date}
 * @param mediaTypes    for complex values: accepted or produced media types, the first the default
 * @param allowedValues for literals: the values allowed, empty for any
 * @param defaultValue  for optional literals: the value taken when none is given, or null
 */
public record Parameter(String id, String title, String description, ValueKind kind, String dataType, List<String> mediaTypes,
                        int minOccurs, int maxOccurs, List<String> allowedValues, String defaultValue) {

    public Parameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        mediaTypes = List.copyOf(mediaTypes);
        allowedValues = List.copyOf(allowedValues);
    }

    public static Parameter literal(String id, String title, String description, String dataType, boolean required) {
        return new Parameter(id, title, description, ValueKind.LITERAL, dataType, List.of(), required ? 1 : 0, 1, List.of(), null);
    }

    public static Parameter boundingBox(String id, String title, String description, boolean required) {
        return new Parameter(id, title, description, ValueKind.BOUNDING_BOX, null, List.of(), required ? 1 : 0, 1, List.of(), null);
    }

    public static Parameter complex(String id, String title, String description, boolean required, String... mediaTypes) {
        return new Parameter(id, title, description, ValueKind.COMPLEX, null, List.of(mediaTypes), required ? 1 : 0, 1, List.of(), null);
    }

    public Parameter withDefault(String value) {
        return new Parameter(id, title, description, kind, dataType, mediaTypes, minOccurs, maxOccurs, allowedValues, value);
    }

    public Parameter allowing(String... values) {
        return new Parameter(id, title, description, kind, dataType, mediaTypes, minOccurs, maxOccurs, List.of(values), defaultValue);
    }

    public boolean required() {
        return minOccurs > 0;
    }
}
