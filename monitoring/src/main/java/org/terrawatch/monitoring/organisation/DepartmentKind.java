package org.terrawatch.monitoring.organisation;

/** What kind of unit a department is. Labels: {@code labels.properties}. */
public enum DepartmentKind {
    SECTION,
    CENTRE,
    ENFORCEMENT,
    TOWNSHIP,
    OPERATOR,
    EXTERNAL
}
