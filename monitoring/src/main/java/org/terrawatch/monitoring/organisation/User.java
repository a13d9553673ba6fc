package org.terrawatch.monitoring.organisation;

import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. The password is kept only as a hash in Spring Security's delegating format
 * (e.g. {@code {bcrypt}$2a$10$...}).
 *
 * @param jurisdictions the county or township codes the user's work lies in, besides the admin code of the user's
 *                      department (a township's staff); read rules limit what the user sees to them where they say so
 */
public record User(String username, String displayName, String departmentCode, String passwordHash, boolean enabled, Set<Role> roles,
                   Set<String> jurisdictions) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!passwordHash.startsWith("{")) {
            throw new IllegalArgumentException("User " + username + ": the password must be given as a hash with its {id} prefix, never in clear");
        }
        if (!username.matches("[A-Za-z0-9_.@-]{1,60}")) {
            throw new IllegalArgumentException("User name " + username + ": 1 to 60 letters, digits, '_', '.', '@' or '-'");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        jurisdictions = jurisdictions == null ? Set.of() : Set.copyOf(jurisdictions);
        for (String code : jurisdictions) {
            if (!code.matches("\\d{6}(\\d{3})?")) {
                throw new IllegalArgumentException("User " + username + ": a jurisdiction is a county (6 digits) or township (9 digits) code, not " + code);
            }
        }
    }
}
