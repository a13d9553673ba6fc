package org.terrawatch.query;

import java.util.Objects;

/** A published property of a feature type: its name (the column's) and value type. */
public record Property(String name, Binding binding) {

    public Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binding, "binding");
    }
}
