package org.terrawatch.submission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which field of a submitted file fills which field of a base layer — {@code name}, {@code reference} (approval,
 * contract, licence or project number), {@code holder}, {@code valid_from}, {@code valid_to}, {@code land_class},
 * {@code county_code} — by the names departments' files use for them ({@code submissions.yml}: e.g. 项目名称, XMMC,
 * 批准文号, PZWH, 采矿权人), matched without regard to case; the first alias the file has wins. Dates are read in the
 * forms Chinese tables write them (2026-11-03, 20261103, 2026/11/3, 2026.11.3, 2026年11月3日).
 */
public final class FieldMapping {

    public static final List<String> TARGETS = List.of("name", "reference", "holder", "valid_from", "valid_to", "land_class", "county_code");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");

    private final Map<String, String> sourceOf;
    private final List<String> unmapped;

    private FieldMapping(Map<String, String> sourceOf, List<String> unmapped) {
        this.sourceOf = sourceOf;
        this.unmapped = unmapped;
    }

    /** @param aliases per target field, the source names that fill it */
    public static FieldMapping of(List<String> sourceFields, Map<String, List<String>> aliases) {
        Map<String, String> sourceOf = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        for (String target : TARGETS) {
            List<String> names = new ArrayList<>(aliases.getOrDefault(target, List.of()));
            names.add(0, target);
            for (String alias : names) {
                String found = sourceFields.stream().filter(f -> !used.contains(f) && f.equalsIgnoreCase(alias.strip())).findFirst().orElse(null);
                if (found != null) {
                    sourceOf.put(target, found);
                    used.add(found);
                    break;
                }
            }
        }
        List<String> unmapped = sourceFields.stream().filter(f -> !used.contains(f)).toList();
        return new FieldMapping(sourceOf, unmapped);
    }

    /** Target field → the source field filling it. */
    public Map<String, String> sources() {
        return sourceOf;
    }

    /** Source fields that fill nothing (kept in the file, not in the layer). */
    public List<String> unmapped() {
        return unmapped;
    }

    /** The text of a target field in a feature's attributes, or null when the file has no such field or it is empty. */
    public String text(Map<String, String> attributes, String target) {
        String source = sourceOf.get(target);
        String value = source == null ? null : attributes.get(source);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A date field, or null when empty. @throws IllegalArgumentException naming the field when it is not a date */
    public LocalDate date(Map<String, String> attributes, String target) {
        String text = text(attributes, target);
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d{8}")) {
                return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            }
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException(sourceOf.get(target) + " (" + target.toLowerCase(Locale.ROOT) + ") \"" + text + "\" is not a date");
    }
}
