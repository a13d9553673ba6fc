package org.terrawatch.monitoring.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.terrawatch.monitoring.organisation.Role;

/**
 * A life cycle as data: the states of an entity, the transitions between them and who may make each, what
 * must hold after a transition, and which fields each role may change in each state. One instance per kind
 * of entity ({@link PatchWorkflow}, {@link WorkOrderWorkflow}); every interface that edits the entity asks it
 * through {@link #check}.
 *
 * @param <S> the state enum
 * @param <T> the entity
 */
public final class Workflow<S extends Enum<S>, T> {

    /** Something that must be true of the entity after a transition, stated as the rule a user reads. */
    public record Requirement<T>(String rule, Predicate<T> holds) {
    }

    /**
     * A permitted move from one of {@code from} to {@code to}.
     *
     * @param name  short verb, used in the audit trail (e.g. {@code verify})
     * @param label how the users call it
     */
    public record Transition<S, T>(String name, String label, Set<S> from, S to, Set<Role> roles, List<Requirement<T>> requirements) {
        public Transition {
            from = Set.copyOf(from);
            roles = Set.copyOf(roles);
            requirements = List.copyOf(requirements);
        }
    }

    /** Roles that may change these fields while the entity is in one of these states. */
    public record FieldRule<S>(Set<String> fields, Set<S> states, Set<Role> roles) {
        public FieldRule {
            fields = Set.copyOf(fields);
            states = Set.copyOf(states);
            roles = Set.copyOf(roles);
        }
    }

    private final String stateField;
    private final List<Transition<S, T>> transitions;
    private final List<FieldRule<S>> fieldRules;
    private final Set<Role> scopedRoles;
    private final BiPredicate<Actor, T> assigned;
    /** Every role some transition or field rule grants. */
    private final Set<Role> writers;

    /**
     * @param stateField  the field that holds the state
     * @param scopedRoles roles that act only on entities assigned to them (by {@code assigned}), e.g. a
     *                    department's handlers on the patches pushed to that department
     */
    public Workflow(String stateField, List<Transition<S, T>> transitions, List<FieldRule<S>> fieldRules,
                    Set<Role> scopedRoles, BiPredicate<Actor, T> assigned) {
        this.stateField = Objects.requireNonNull(stateField, "stateField");
        this.transitions = List.copyOf(transitions);
        this.fieldRules = List.copyOf(fieldRules);
        this.scopedRoles = Set.copyOf(scopedRoles);
        this.assigned = Objects.requireNonNull(assigned, "assigned");
        Set<Role> all = new LinkedHashSet<>();
        this.transitions.forEach(t -> all.addAll(t.roles()));
        this.fieldRules.forEach(r -> all.addAll(r.roles()));
        this.writers = Set.copyOf(all);
    }

    public String stateField() {
        return stateField;
    }

    public List<Transition<S, T>> transitions() {
        return transitions;
    }

    public Optional<Transition<S, T>> transition(S from, S to) {
        return transitions.stream().filter(t -> t.from().contains(from) && t.to() == to).findFirst();
    }

    /**
     * The transitions open to this actor on this entity in its state: exactly those {@link #check} would let pass, so a
     * client can offer them as buttons (a department's handler is offered nothing on another department's entity).
     * Transitions whose requirements need further fields are included; the write then names what is missing.
     */
    public List<Transition<S, T>> next(S from, T entity, Actor actor) {
        if (outOfScope(actor, entity)) {
            return List.of();
        }
        return transitions.stream().filter(t -> t.from().contains(from) && actor.hasAny(t.roles())).toList();
    }

    /** Whether every role the actor writes with is scoped and the entity is not assigned to them. */
    private boolean outOfScope(Actor actor, T entity) {
        Set<Role> writing = writerRoles(actor);
        return !writing.isEmpty() && scopedRoles.containsAll(writing) && !assigned.test(actor, entity);
    }

    /**
     * Checks one edit of an entity: the move from {@code from} to {@code to} (equal when the state is kept)
     * and every changed field other than the state.
     *
     * @param entity  how to name the entity in a refusal
     * @param before  the entity as stored
     * @param after   the entity as it would be stored
     * @param changed the fields whose values differ between before and after
     * @return the transition made, or empty when the state is kept
     * @throws RuleViolation naming the entity and the rule broken
     */
    public Optional<Transition<S, T>> check(Actor actor, String entity, T before, T after, S from, S to, Set<String> changed) {
        if (outOfScope(actor, before)) {
            throw RuleViolation.forbidden(entity, null, actor.username() + " may act only on what is assigned to their own department, "
                    + actor.departmentCode());
        }
        Optional<Transition<S, T>> transition = Optional.empty();
        if (from != to) {
            Transition<S, T> move = transition(from, to).orElseThrow(() -> RuleViolation.invalid(entity, stateField,
                    "no transition from " + from + " to " + to + "; from " + from + " the workflow allows " + describe(from)));
            if (!actor.hasAny(move.roles())) {
                throw RuleViolation.forbidden(entity, stateField, "the transition " + move.name() + " (" + from + " → " + to
                        + ") needs one of the roles " + sorted(move.roles()) + "; " + actor.username() + " has " + sorted(actor.roles()));
            }
            transition = Optional.of(move);
        }
        for (String field : changed) {
            if (field.equals(stateField)) {
                continue;
            }
            boolean allowed = fieldRules.stream().anyMatch(rule -> rule.fields().contains(field)
                    && (rule.states().contains(from) || rule.states().contains(to)) && actor.hasAny(rule.roles()));
            if (!allowed) {
                throw RuleViolation.forbidden(entity, field, "the field " + field + " may not be changed by "
                        + actor.username() + " " + sorted(actor.roles()) + " while the state is " + from + editors(field, from));
            }
        }
        for (Requirement<T> requirement : transition.map(Transition::requirements).orElse(List.of())) {
            if (!requirement.holds().test(after)) {
                throw RuleViolation.invalid(entity, stateField, "the transition " + transition.get().name() + " (" + from + " → " + to
                        + ") requires that " + requirement.rule());
            }
        }
        return transition;
    }

    /** Roles of the actor that can write anything at all. */
    private Set<Role> writerRoles(Actor actor) {
        return actor.roles().stream().filter(writers::contains).collect(Collectors.toSet());
    }

    private String describe(S from) {
        List<String> moves = transitions.stream().filter(t -> t.from().contains(from))
                .map(t -> t.name() + " → " + t.to()).toList();
        return moves.isEmpty() ? "no transition (final state)" : String.join(", ", moves);
    }

    private String editors(String field, S state) {
        Set<Role> roles = new LinkedHashSet<>();
        fieldRules.stream().filter(r -> r.fields().contains(field) && r.states().contains(state)).forEach(r -> roles.addAll(r.roles()));
        return roles.isEmpty() ? "; nobody changes it in this state" : "; in this state it is changed by " + sorted(roles);
    }

    private static String sorted(Set<Role> roles) {
        Set<Role> ordered = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        return ordered.toString();
    }

    /**
     * The state machine as a Mermaid {@code stateDiagram-v2}: one arrow per transition and source state,
     * labelled with its name and roles. The README shows it; a test keeps the two equal.
     */
    public String mermaid(S initial, Function<S, String> label) {
        List<String> lines = new ArrayList<>();
        lines.add("stateDiagram-v2");
        lines.add("    [*] --> " + initial.name());
        Set<S> states = new LinkedHashSet<>();
        states.add(initial);
        transitions.forEach(t -> {
            states.addAll(t.from().stream().sorted().toList());
            states.add(t.to());
        });
        for (S state : states.stream().sorted().toList()) {
            lines.add("    " + state.name() + " : " + state.name() + " " + label.apply(state));
        }
        for (Transition<S, T> t : transitions) {
            for (S from : t.from().stream().sorted().toList()) {
                lines.add("    " + from.name() + " --> " + t.to().name() + " : " + t.name() + " " + t.label() + " "
                        + sorted(t.roles()).replace("[", "(").replace("]", ")").replace(", ", " "));
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
