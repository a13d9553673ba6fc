package org.terrawatch.app.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in that did not succeed: wrong credentials (401), or an account locked for a while after failures (429). */
public final class SignInRefused extends AuthenticationException {

    private final Instant lockedUntil;

    SignInRefused(String message, Instant lockedUntil) {
        super(message);
        this.lockedUntil = lockedUntil;
    }

    /** Until when sign-ins are refused, or null for plain wrong credentials. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
