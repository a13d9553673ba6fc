package org.terrawatch.app.security;

import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.organisation.ApiKey;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.query.access.Reader;

/**
 * Who a request comes from, as the credential proved it: a person (HTTP Basic, the browser session, the server's own
 * loopback credential) or a machine's API key, with what they may do.
 *
 * @param actor  the caller as the workflows judge writes
 * @param groups the working groups the caller's department belongs to
 * @param key    the API key the caller signed in with, or null for a person
 */
public record Caller(Actor actor, Set<String> groups, ApiKey key) {

    public Caller {
        Objects.requireNonNull(actor, "actor");
        groups = Set.copyOf(groups);
    }

    public String username() {
        return actor.username();
    }

    /** Who reads: the read rules judge this, within the key's layers for a key. */
    public Reader reader() {
        return new Reader(actor.username(), Set.copyOf(actor.roles().stream().map(Enum::name).toList()), actor.departmentCode(), groups,
                actor.jurisdictions(), key == null ? null : key.layers());
    }

    /** Who writes: a key that may not write holds no role for writing, so every write it tries is refused. */
    public Actor writer() {
        return key == null || key.mayWrite() ? actor : new Actor(actor.username(), Set.of(), actor.departmentCode(), actor.jurisdictions());
    }
}
