package org.terrawatch.monitoring.workflow;

import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;

/**
 * Who makes a change: a user with roles and a department, as the workflow judges them.
 *
 * @param departmentCode the user's department; handlers and field staff act only on what is assigned to it
 * @param jurisdictions  the county and township codes the user's work lies in (the user's own and the department's)
 */
public record Actor(String username, Set<Role> roles, String departmentCode, Set<String> jurisdictions) {

    /** The server itself: imports, scheduled jobs. Holds every role. */
    public static final Actor SYSTEM = new Actor("system", Set.of(Role.values()), null);

    /** Nobody signed in: holds no role (a process run anonymously, where reading needs no sign-in). */
    public static final Actor ANONYMOUS = new Actor("anonymous", Set.of(), null);

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        jurisdictions = jurisdictions == null ? Set.of() : Set.copyOf(jurisdictions);
    }

    public Actor(String username, Set<Role> roles, String departmentCode) {
        this(username, roles, departmentCode, Set.of());
    }

    /** Whether this is {@link #ANONYMOUS} (also as read back from a store). */
    public boolean anonymous() {
        return equals(ANONYMOUS);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
