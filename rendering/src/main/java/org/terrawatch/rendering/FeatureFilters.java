package org.terrawatch.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.terrawatch.query.Feature;
import org.terrawatch.query.filter.Filter;

/**
 * Style rules' filters evaluated on features in memory (the store has already applied the request's own
 * filters): comparisons between a property and a literal in the property's type, LIKE, IS NULL, BETWEEN, IN,
 * AND/OR/NOT and resource ids; a date compared with the literal {@code today} means the current day in China.
 * Spatial operators in a rule are not evaluated (they match). Also: which
 * properties a filter reads, so a map reads only those.
 */
public final class FeatureFilters {

    private FeatureFilters() {
    }

    public static boolean matches(Filter filter, Feature feature) {
        if (filter instanceof Filter.Include) {
            return true;
        }
        if (filter instanceof Filter.Exclude) {
            return false;
        }
        if (filter instanceof Filter.And and) {
            return and.operands().stream().allMatch(f -> matches(f, feature));
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().anyMatch(f -> matches(f, feature));
        }
        if (filter instanceof Filter.Not not) {
            return !matches(not.operand(), feature);
        }
        if (filter instanceof Filter.Comparison comparison) {
            Object value = feature.values().get(comparison.property());
            if (value == null) {
                return false;
            }
            int order = compare(value, comparison.literal());
            return switch (comparison.operator()) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
        if (filter instanceof Filter.IsNull isNull) {
            return feature.values().get(isNull.property()) == null;
        }
        if (filter instanceof Filter.Like like) {
            Object value = feature.values().get(like.property());
            return value != null && likePattern(like.pattern(), like.matchCase()).matcher(value.toString()).matches();
        }
        if (filter instanceof Filter.Between between) {
            Object value = feature.values().get(between.property());
            return value != null && compare(value, between.lower()) >= 0 && compare(value, between.upper()) <= 0;
        }
        if (filter instanceof Filter.In in) {
            Object value = feature.values().get(in.property());
            return value != null && in.values().stream().anyMatch(v -> compare(value, v) == 0);
        }
        if (filter instanceof Filter.ResourceId ids) {
            return ids.ids().contains(feature.id());
        }
        return true;
    }

    /** The properties a filter reads. */
    public static Set<String> properties(Filter filter) {
        Set<String> names = new LinkedHashSet<>();
        collect(filter, names);
        return names;
    }

    private static void collect(Filter filter, Set<String> names) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(f -> collect(f, names));
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(f -> collect(f, names));
        } else if (filter instanceof Filter.Not not) {
            collect(not.operand(), names);
        } else if (filter instanceof Filter.Comparison c) {
            names.add(c.property());
        } else if (filter instanceof Filter.Like l) {
            names.add(l.property());
        } else if (filter instanceof Filter.IsNull n) {
            names.add(n.property());
        } else if (filter instanceof Filter.Between b) {
            names.add(b.property());
        } else if (filter instanceof Filter.In i) {
            names.add(i.property());
        }
    }

    /** Orders a stored value against a literal read as the value's type. */
    static int compare(Object value, Object literal) {
        if (value instanceof Number number) {
            double other = literal instanceof Number n ? n.doubleValue() : Double.parseDouble(literal.toString().strip());
            return Double.compare(number.doubleValue(), other);
        }
        if (value instanceof LocalDate date) {
            return date.compareTo(literal instanceof LocalDate d ? d : day(literal.toString().strip()));
        }
        if (value instanceof Instant instant) {
            return instant.compareTo(literal instanceof Instant i ? i : Instant.parse(literal.toString().strip()));
        }
        if (value instanceof Boolean bool) {
            return Boolean.compare(bool, Boolean.parseBoolean(literal.toString()));
        }
        return value.toString().compareTo(Objects.toString(literal));
    }

    /** A date literal; {@code today} is the current day in China (styles use it to mark overdue patches). */
    private static LocalDate day(String text) {
        return text.equalsIgnoreCase("today") ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : LocalDate.parse(text.substring(0, 10));
    }

    private static Pattern likePattern(String pattern, boolean matchCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

}
