package org.terrawatch.monitoring.workflow;

import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;

/**
 * Who makes a change: a user with roles and a department, as the workflow judges them.
 *
 * @param departmentCode the user's department; handlers and field staff act only on what is assigned to it
 */
public record Actor(String username, Set<Role> roles, String departmentCode) {

    /** The server itself: imports, scheduled jobs. Holds every role. */
    public static final Actor SYSTEM = new Actor("system", Set.of(Role.values()), null);

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public static Actor of(User user) {
        return new Actor(user.username(), user.roles(), user.departmentCode());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
