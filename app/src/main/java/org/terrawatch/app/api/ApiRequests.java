package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.workflow.Actor;

/** What the REST controllers read from a request: the signed-in user and the If-Match version (see {@link EntityTags}). */
public final class ApiRequests {

    /** Thrown when a write comes without a signed-in user. */
    public static final class NotSignedIn extends RuntimeException {
        NotSignedIn() {
            this("Sign in (HTTP Basic) to change anything");
        }

        public NotSignedIn(String message) {
            super(message);
        }
    }

    private ApiRequests() {
    }

    static Actor signedIn(HttpServletRequest request) {
        return SignedIn.actor(request);
    }

    public static Actor requireSignedIn(HttpServletRequest request) {
        Actor actor = SignedIn.actor(request);
        if (actor == null) {
            throw new NotSignedIn();
        }
        return actor;
    }

    /** The version If-Match names, or null; a tag that is not ours matches nothing: a conflict (412). */
    static Long ifMatch(HttpServletRequest request) {
        try {
            return EntityTags.ifMatch(request).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new org.terrawatch.monitoring.ConcurrentEditException("The entity with ETag " + request.getHeader("If-Match"), -1);
        }
    }
}
