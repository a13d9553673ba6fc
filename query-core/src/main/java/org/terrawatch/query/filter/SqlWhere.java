package org.terrawatch.query.filter;

import java.util.List;

/** A compiled filter: an SQL condition with positional parameters. */
public record SqlWhere(String sql, List<Object> parameters) {

    public SqlWhere {
        parameters = List.copyOf(parameters);
    }
}
