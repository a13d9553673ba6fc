package org.terrawatch.processing;

import java.util.List;
import java.util.Objects;
import org.terrawatch.monitoring.workflow.Actor;

/**
 * Which stored rows a process may read for the one who runs it: the read rules of the layer published over a
 * relation, as an SQL condition over the relation's columns. A process that reads the store directly (area
 * statistics, a patch's overlay) adds this condition, so a run shows no more than WFS or OGC API would show its owner.
 */
@FunctionalInterface
public interface StoredRows {

    /** Every row of every relation: a deployment without read rules, and tests of other things. */
    StoredRows ALL = (relation, actor) -> Scope.ALL;

    /** The rows of the relation the actor may read. */
    Scope readable(String relation, Actor actor);

    /**
     * An SQL condition with positional parameters.
     *
     * @param condition e.g. {@code 1 = 1} (all), {@code 1 = 0} (none), {@code township_code LIKE ?}
     */
    record Scope(String condition, List<Object> parameters) {

        public static final Scope ALL = new Scope("1 = 1", List.of());
        public static final Scope NONE = new Scope("1 = 0", List.of());

        public Scope {
            Objects.requireNonNull(condition, "condition");
            parameters = List.copyOf(parameters);
        }
    }
}
