package org.terrawatch.monitoring.workflow;

/**
 * A change the workflow refuses: an illegal transition, a field the actor may not change in this state, a
 * missing required value, or a value that is not valid. The message names the entity and the rule, in words
 * a client can show as they are; the transaction it happened in changes nothing.
 */
public class RuleViolation extends RuntimeException {

    /** Whether the actor lacks the right (forbidden) or the change itself is wrong whoever makes it (invalid). */
    public enum Kind {
        FORBIDDEN,
        INVALID
    }

    private final String entity;
    private final String field;
    private final Kind kind;

    public RuleViolation(Kind kind, String entity, String field, String rule) {
        super(entity + ": " + rule);
        this.kind = kind;
        this.entity = entity;
        this.field = field;
    }

    public static RuleViolation invalid(String entity, String field, String rule) {
        return new RuleViolation(Kind.INVALID, entity, field, rule);
    }

    public static RuleViolation forbidden(String entity, String field, String rule) {
        return new RuleViolation(Kind.FORBIDDEN, entity, field, rule);
    }

    public Kind kind() {
        return kind;
    }

    /** The entity, e.g. "图斑 1403212026100007 (patch 12)". */
    public String entity() {
        return entity;
    }

    /** The field concerned, or null for a rule about the whole entity. */
    public String field() {
        return field;
    }
}
