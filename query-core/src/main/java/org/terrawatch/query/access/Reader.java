package org.terrawatch.query.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who reads: the signed-in user (or machine) as the read rules judge it. Built by the web layer from the credential,
 * handed to every read of the query core.
 *
 * @param roles         the caller's roles; {@link ReadRule#ANONYMOUS} and {@link ReadRule#SIGNED_IN} are implied
 * @param department    the caller's department, or null
 * @param groups        the working groups the department belongs to
 * @param jurisdictions the county and township codes the caller's work lies in
 * @param layerScope    the layers a scoped credential (an API key) may read at all, or null for no such limit
 */
public record Reader(String username, Set<String> roles, String department, Set<String> groups, Set<String> jurisdictions,
                     Set<String> layerScope) {

    /** Nobody signed in. */
    public static final Reader ANONYMOUS = new Reader("anonymous", Set.of(), null, Set.of(), Set.of(), null);

    /** The server itself (start-up, scheduled work): reads everything. */
    public static final Reader SYSTEM = new Reader("system", Set.of(ReadRule.SYSTEM), null, Set.of(), Set.of(), null);

    public Reader {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        jurisdictions = jurisdictions == null ? Set.of() : Set.copyOf(jurisdictions);
        layerScope = layerScope == null ? null : Set.copyOf(layerScope);
    }

    public boolean anonymous() {
        return this == ANONYMOUS || username.equals(ANONYMOUS.username) && roles.isEmpty();
    }
}
