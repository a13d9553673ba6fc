package org.terrawatch.query;

/** One ordering criterion: a property, ascending or descending. */
public record SortKey(String property, boolean ascending) {
}
