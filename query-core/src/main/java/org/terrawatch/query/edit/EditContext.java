package org.terrawatch.query.edit;

import java.util.Objects;
import java.util.Set;

/**
 * Who is editing, and through which interface: the authenticated user's name, roles and department as the
 * web layer established them.
 *
 * @param channel WFS_T, OGC_API, REST, ... (the audit trail's interface)
 */
public record EditContext(String username, Set<String> roles, String departmentCode, String channel) {

    public EditContext {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(channel, "channel");
        roles = Set.copyOf(roles);
    }
}
