package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.workflow.Actor;

/** What the REST controllers read from a request: the signed-in user and the If-Match version. */
final class ApiRequests {

    /** Thrown when a write comes without a signed-in user. */
    static final class NotSignedIn extends RuntimeException {
        NotSignedIn() {
            super("Sign in (HTTP Basic) to change anything");
        }
    }

    private ApiRequests() {
    }

    static Actor signedIn(HttpServletRequest request) {
        return SignedIn.actor(request);
    }

    static Actor requireSignedIn(HttpServletRequest request) {
        Actor actor = SignedIn.actor(request);
        if (actor == null) {
            throw new NotSignedIn();
        }
        return actor;
    }

    static Long ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.strip().equals("*")) {
            return null;
        }
        try {
            return Long.valueOf(header.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new org.terrawatch.monitoring.ConcurrentEditException("The entity with ETag " + header, -1);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
