package org.terrawatch.monitoring.organisation;

/** What a user may do; the security model of a later release refines these into permissions. Labels: {@code labels.properties}. */
public enum Role {
    ADMIN,
    DUTY_OFFICER,
    ANALYST,
    DEPARTMENT_HANDLER,
    FIELD_STAFF,
    LEADER,
    VIEWER
}
