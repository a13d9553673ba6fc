package org.terrawatch.monitoring.organisation;

import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. The password is kept only as a hash in Spring Security's delegating format
 * (e.g. {@code {bcrypt}$2a$10$...}).
 */
public record User(String username, String displayName, String departmentCode, String passwordHash, boolean enabled, Set<Role> roles) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!passwordHash.startsWith("{")) {
            throw new IllegalArgumentException("User " + username + ": the password must be given as a hash with its {id} prefix, never in clear");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
