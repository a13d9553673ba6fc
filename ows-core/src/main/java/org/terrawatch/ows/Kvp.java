package org.terrawatch.ows;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Key-value-pair request parameters. Names are case-insensitive (OWS Common 1.1, 11.5.2); a parameter
 * given twice keeps its first value; empty values count as absent.
 */
public final class Kvp {

    private final Map<String, String> values;
    /** The names given with an empty value, which count as absent but some checks tell apart. */
    private final java.util.Set<String> empty;

    private Kvp(Map<String, String> values, java.util.Set<String> empty) {
        this.values = values;
        this.empty = empty;
    }

    /** From servlet-style parameters (each name with its values). */
    public static Kvp of(Map<String, String[]> parameters) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        java.util.Set<String> empty = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        parameters.forEach((name, given) -> {
            if (given != null && given.length > 0 && given[0] != null && !given[0].isBlank()) {
                values.putIfAbsent(name, given[0].strip());
            } else {
                empty.add(name);
            }
        });
        return new Kvp(Collections.unmodifiableMap(values), Collections.unmodifiableSet(empty));
    }

    /** From single values, for tests and internal calls. */
    public static Kvp ofSingle(Map<String, String> parameters) {
        Map<String, String[]> wrapped = new TreeMap<>();
        parameters.forEach((k, v) -> wrapped.put(k, new String[] {v}));
        return of(wrapped);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> OwsException.missing(name.toUpperCase(Locale.ROOT)));
    }

    /** Whether the parameter was given with an empty value ({@code VALUEREFERENCE=}), which {@link #get} treats as absent. */
    public boolean givenEmpty(String name) {
        return empty.contains(name) && !values.containsKey(name);
    }

    /** The first of several alternative names that is present (e.g. TYPENAMES of 2.0, TYPENAME of 1.x). */
    public Optional<String> first(String... names) {
        for (String name : names) {
            Optional<String> value = get(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The same parameters with one replaced or added. */
    public Kvp with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(values);
        copy.remove(name);
        copy.put(name, value);
        return new Kvp(Collections.unmodifiableMap(copy), empty);
    }

    /** The parameters as a URL query string, names upper-case, values URL-encoded. */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name.toUpperCase(Locale.ROOT)).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** A comma-separated list, trimmed. */
    public static List<String> list(String value) {
        return List.of(value.split("\\s*,\\s*"));
    }

    /** A non-negative integer parameter. */
    public Optional<Long> nonNegative(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Numbers.integer(value.get(), name.toUpperCase(Locale.ROOT), 0, Long.MAX_VALUE));
    }
}
