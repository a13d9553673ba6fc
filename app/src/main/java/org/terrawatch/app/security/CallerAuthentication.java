package org.terrawatch.app.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's record of a proven caller: the principal is the {@link Caller}, the authorities its roles. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    /** How the caller proved who it is. */
    public enum Kind { BASIC, SESSION, API_KEY, LOOPBACK, SINGLE_SIGN_ON }

    private final Caller caller;
    private final Kind kind;

    public CallerAuthentication(Caller caller, Kind kind) {
        super(caller.actor().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.caller = caller;
        this.kind = kind;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.username();
    }

    public Kind kind() {
        return kind;
    }

    /** The same caller, as the store says it is now. */
    public CallerAuthentication refreshed(Caller now) {
        return new CallerAuthentication(now, kind);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && that.caller.equals(caller) && that.kind == kind;
    }

    @Override
    public int hashCode() {
        return List.of(caller, kind).hashCode();
    }
}
