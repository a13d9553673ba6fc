package org.terrawatch.query.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One grant of the read rules ({@code access.yml}): callers holding one of the roles may read the layers for the
 * operations, all their features or, with {@code within}, those in their jurisdiction or pushed to their department.
 *
 * @param roles      role names; {@value #ANONYMOUS} is a caller nobody signed in as, {@value #SIGNED_IN} anybody signed in
 * @param layers     layer names, or {@value #ALL_LAYERS} for every layer
 * @param operations what the grant allows; empty for all
 * @param within     the features granted when not all: any of these scopes; empty for every feature
 */
public record ReadRule(Set<String> roles, Set<String> layers, Set<ReadOperation> operations, Set<ReadScope> within) {

    public static final String ANONYMOUS = "ANONYMOUS";
    public static final String SIGNED_IN = "SIGNED_IN";
    /** The role of {@link Reader#SYSTEM}, granted everything without a rule. */
    public static final String SYSTEM = "SYSTEM";
    public static final String ALL_LAYERS = "*";

    public ReadRule {
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(layers, "layers");
        if (roles.isEmpty() || layers.isEmpty()) {
            throw new IllegalArgumentException("A read rule names at least one role and one layer");
        }
        roles = Set.copyOf(roles);
        layers = Set.copyOf(layers);
        operations = operations == null || operations.isEmpty() ? EnumSet.allOf(ReadOperation.class) : Set.copyOf(operations);
        within = within == null ? Set.of() : Set.copyOf(within);
    }

    /** Whether the rule speaks for this caller, layer and operation. */
    boolean applies(Reader reader, String layer, ReadOperation operation) {
        boolean role = reader.anonymous() ? roles.contains(ANONYMOUS)
                : roles.contains(SIGNED_IN) || reader.roles().stream().anyMatch(roles::contains);
        return role && (layers.contains(ALL_LAYERS) || layers.contains(layer)) && operations.contains(operation);
    }
}
