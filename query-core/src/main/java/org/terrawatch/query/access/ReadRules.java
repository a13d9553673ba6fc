package org.terrawatch.query.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.filter.Filter;

/**
 * Who reads which features of which layer, for which operation: the one rule every interface obeys, applied by
 * {@link org.terrawatch.query.FeatureSource} to every read and by the capabilities and collection lists to what they
 * name. Grants add up: a caller reads what any rule that applies grants, the whole layer or the union of the scoped
 * parts; no rule, nothing. {@link Reader#SYSTEM} reads everything; a scoped credential reads no layer outside its scope.
 */
public final class ReadRules {

    /** Every layer, every feature, for everybody: a deployment without read rules (and tests of other things). */
    public static final ReadRules OPEN = new ReadRules(List.of(new ReadRule(java.util.Set.of(ReadRule.ANONYMOUS, ReadRule.SIGNED_IN),
            java.util.Set.of(ReadRule.ALL_LAYERS), null, null)));

    private final List<ReadRule> rules;

    public ReadRules(List<ReadRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Checks the rules against the published types and the other layers (the imagery): a rule naming a layer that is not
     * published, or granting part of a layer that declares no property to select it by, is a mistake of the
     * configuration, refused at start-up.
     */
    public ReadRules checkedAgainst(java.util.Collection<FeatureType> types, java.util.Set<String> otherLayers) {
        java.util.Map<String, FeatureType> byName = new java.util.HashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        for (ReadRule rule : rules) {
            for (String layer : rule.layers()) {
                if (!layer.equals(ReadRule.ALL_LAYERS) && !byName.containsKey(layer) && !otherLayers.contains(layer)) {
                    throw new IllegalArgumentException("A read rule names layer " + layer + ", which is not published");
                }
            }
            for (FeatureType type : types) {
                if (!rule.within().isEmpty() && (rule.layers().contains(type.name()) || rule.layers().contains(ReadRule.ALL_LAYERS))) {
                    for (ReadScope scope : rule.within()) {
                        List<String> properties = properties(type, scope);
                        if (properties.isEmpty() && rule.layers().contains(type.name())) {
                            throw new IllegalArgumentException("A read rule grants layer " + type.name() + " within " + scope
                                    + ", but the layer declares no " + (scope == ReadScope.JURISDICTION ? "jurisdiction" : "department")
                                    + "-properties");
                        }
                        properties.forEach(p -> type.requireProperty(p, "layers.yml"));
                    }
                }
            }
        }
        return this;
    }

    /**
     * The features of the type the reader may read for the operation: {@link Filter#INCLUDE} for all, a filter for
     * part, empty when the layer is not the reader's to read at all.
     */
    public Optional<Filter> restriction(FeatureType type, ReadOperation operation, Reader reader) {
        Objects.requireNonNull(reader, "reader");
        if (reader.roles().contains(ReadRule.SYSTEM)) {
            return Optional.of(Filter.INCLUDE);
        }
        if (outOfScope(type.name(), reader)) {
            return Optional.empty();
        }
        List<Filter> parts = new ArrayList<>();
        boolean granted = false;
        for (ReadRule rule : rules) {
            if (!rule.applies(reader, type.name(), operation)) {
                continue;
            }
            if (rule.within().isEmpty()) {
                return Optional.of(Filter.INCLUDE);
            }
            granted = true;
            for (ReadScope scope : ReadScope.values()) { // in declaration order: the same SQL every time
                if (rule.within().contains(scope)) {
                    parts.addAll(scoped(type, scope, reader));
                }
            }
        }
        if (!granted) {
            return Optional.empty();
        }
        // Granted in part, but the reader has no jurisdiction or department that selects anything: no feature.
        return Optional.of(parts.isEmpty() ? Filter.EXCLUDE : parts.size() == 1 ? parts.get(0) : new Filter.Or(parts));
    }

    /**
     * Whether some rule grants the reader the layer for the operation, whole or in part; for layers that are not
     * feature types too (the imagery), which are granted whole or not at all.
     */
    public boolean permits(String layer, ReadOperation operation, Reader reader) {
        return reader.roles().contains(ReadRule.SYSTEM)
                || !outOfScope(layer, reader) && rules.stream().anyMatch(rule -> rule.applies(reader, layer, operation));
    }

    private static boolean outOfScope(String layer, Reader reader) {
        return reader.layerScope() != null && !reader.layerScope().contains(layer);
    }

    /** Whether the reader may read the layer at all, for some operation: what capabilities and collection lists show. */
    public boolean visible(FeatureType type, Reader reader) {
        for (ReadOperation operation : ReadOperation.values()) {
            if (restriction(type, operation, reader).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static List<Filter> scoped(FeatureType type, ReadScope scope, Reader reader) {
        List<Filter> parts = new ArrayList<>();
        for (String property : properties(type, scope)) {
            if (scope == ReadScope.JURISDICTION) {
                for (String code : reader.jurisdictions()) {
                    parts.add(new Filter.Like(property, code + "%", true));
                }
            } else {
                List<Object> codes = new ArrayList<>();
                if (reader.department() != null) {
                    codes.add(reader.department());
                }
                codes.addAll(reader.groups());
                if (!codes.isEmpty()) {
                    parts.add(codes.size() == 1 ? new Filter.Comparison(property, Filter.Operator.EQ, codes.get(0)) : new Filter.In(property, codes));
                }
            }
        }
        return parts;
    }

    private static List<String> properties(FeatureType type, ReadScope scope) {
        return scope == ReadScope.JURISDICTION ? type.definition().jurisdictionProperties() : type.definition().departmentProperties();
    }
}
