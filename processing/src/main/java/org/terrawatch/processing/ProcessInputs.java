package org.terrawatch.processing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inputs of a run, checked against the process's description: every required input present, none unknown,
 * occurrences within bounds, literals parsed into their data type (Long, Double, Boolean, LocalDate or String) and
 * within the allowed values, complex values in an accepted media type, defaults filled in. References stay
 * references until the process resolves them.
 */
public final class ProcessInputs {

    private final Map<String, List<Object>> values;
    private final Map<String, List<Object>> raw;

    private ProcessInputs(Map<String, List<Object>> values, Map<String, List<Object>> raw) {
        this.values = values;
        this.raw = raw;
    }

    /**
     * @param given per input id: Strings for literals, {@link BoundingBox}es, {@link ComplexValue}s or {@link Reference}s
     * @throws ProcessFailure naming the first input at fault
     */
    public static ProcessInputs validate(ProcessDescription process, Map<String, List<Object>> given) {
        for (String id : given.keySet()) {
            if (process.input(id).isEmpty()) {
                throw ProcessFailure.invalid(id, "The process " + process.id() + " has no input " + id);
            }
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Parameter parameter : process.inputs()) {
            List<Object> list = given.getOrDefault(parameter.id(), List.of());
            if (list.isEmpty() && parameter.defaultValue() != null) {
                list = List.of(parameter.defaultValue());
            }
            if (list.size() < parameter.minOccurs()) {
                throw ProcessFailure.missing(parameter.id());
            }
            if (list.size() > parameter.maxOccurs()) {
                throw ProcessFailure.invalid(parameter.id(), "The input " + parameter.id() + " takes at most " + parameter.maxOccurs() + " value(s)");
            }
            List<Object> typed = new ArrayList<>();
            for (Object value : list) {
                typed.add(typed(parameter, value));
            }
            values.put(parameter.id(), typed);
        }
        return new ProcessInputs(values, Collections.unmodifiableMap(new LinkedHashMap<>(given)));
    }

    /** The inputs as given, to keep with a job and validate again when it resumes. */
    public Map<String, List<Object>> asGiven() {
        return raw;
    }

    public boolean has(String id) {
        return !values.getOrDefault(id, List.of()).isEmpty();
    }

    public Object value(String id) {
        List<Object> list = values.getOrDefault(id, List.of());
        return list.isEmpty() ? null : list.get(0);
    }

    public String text(String id) {
        Object value = value(id);
        return value == null ? null : String.valueOf(value);
    }

    public Double number(String id) {
        Object value = value(id);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    public boolean flag(String id) {
        return Boolean.TRUE.equals(value(id));
    }

    public LocalDate date(String id) {
        return (LocalDate) value(id);
    }

    public BoundingBox boundingBox(String id) {
        return (BoundingBox) value(id);
    }

    /** A complex input's document, resolving a reference through the context. */
    public ComplexValue complex(String id, ProcessContext context) {
        Object value = value(id);
        if (value instanceof Reference reference) {
            return context.resolve(reference);
        }
        return (ComplexValue) value;
    }

    private static Object typed(Parameter parameter, Object value) {
        String id = parameter.id();
        switch (parameter.kind()) {
            case BOUNDING_BOX -> {
                if (!(value instanceof BoundingBox)) {
                    throw ProcessFailure.invalid(id, "The input " + id + " is a bounding box");
                }
                return value;
            }
            case COMPLEX -> {
                if (value instanceof Reference) {
                    return value;
                }
                if (!(value instanceof ComplexValue complex)) {
                    throw ProcessFailure.invalid(id, "The input " + id + " is a document (" + String.join(", ", parameter.mediaTypes()) + ")");
                }
                String type = complex.mediaType().split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (!parameter.mediaTypes().isEmpty() && parameter.mediaTypes().stream().noneMatch(t -> t.equalsIgnoreCase(type))) {
                    throw ProcessFailure.invalid(id, "The input " + id + " takes " + String.join(", ", parameter.mediaTypes()) + ", not " + type);
                }
                return value;
            }
            default -> {
                if (value instanceof Reference) {
                    return value;
                }
                if (value instanceof BoundingBox || value instanceof ComplexValue) {
                    throw ProcessFailure.invalid(id, "The input " + id + " is a literal " + parameter.dataType());
                }
                String text = String.valueOf(value).trim();
                if (!parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(text)) {
                    throw ProcessFailure.invalid(id, "The input " + id + " is one of " + parameter.allowedValues() + ", not " + text);
                }
                return literal(parameter, text);
            }
        }
    }

    private static Object literal(Parameter parameter, String text) {
        try {
            return switch (parameter.dataType() == null ? "string" : parameter.dataType()) {
                case "integer" -> Long.parseLong(text);
                case "double" -> {
                    double d = Double.parseDouble(text);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield d;
                }
                case "boolean" -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.parseBoolean(text);
                }
                case "date" -> LocalDate.parse(text);
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ProcessFailure.invalid(parameter.id(), "The input " + parameter.id() + " is " + article(parameter.dataType()) + " "
                    + parameter.dataType() + ", not '" + text + "'");
        }
    }

    private static String article(String type) {
        return type.startsWith("i") ? "an" : "a";
    }
}
