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

    /** The seconds a client should wait before it tries again (the {@code Retry-After} of a 429). */
    public long retryAfterSeconds() {
        return lockedUntil == null ? 0 : Math.max(1, java.time.Duration.between(java.time.Instant.now(), lockedUntil).toSeconds());
    }

    /** Until when sign-ins are refused, or null for plain wrong credentials. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
