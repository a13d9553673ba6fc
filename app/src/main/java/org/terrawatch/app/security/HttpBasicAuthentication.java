package org.terrawatch.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.monitoring.workflow.Actor;

/**
 * HTTP Basic authentication against the data directory's users. Credentials, when sent, must be right: a
 * wrong name or password is answered 401 at once, in the protocol's own error form (see
 * {@link ProtocolErrors}). Without credentials a request goes on anonymously — reads are allowed unless
 * {@code terrawatch.security.anonymous-read} is false; writes then fail with 401 where they are attempted.
 * Health and the landing page stay open. The server's requests to itself on a user's behalf, from a loopback address,
 * sign in with {@link LoopbackCredentials} instead.
 */
@Component
public class HttpBasicAuthentication extends OncePerRequestFilter {

    public static final String REALM = "TerraWatch";
    /** The WWW-Authenticate header of a 401 answer. */
    public static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    private final UserDirectory users;
    private final LoopbackCredentials loopback;
    private final boolean anonymousRead;

    public HttpBasicAuthentication(UserDirectory users, LoopbackCredentials loopback, TerraWatchProperties properties) {
        this.users = users;
        this.loopback = loopback;
        this.anonymousRead = properties.security().anonymousRead();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String basic = credential(header, "Basic");
        String onBehalf = credential(header, LoopbackCredentials.SCHEME);
        if (basic != null) {
            Optional<Actor> actor = credentials(basic);
            if (actor.isEmpty()) {
                ProtocolErrors.send(request, response, 401, "Unauthorized", "Wrong user name or password");
                return;
            }
            request.setAttribute(SignedIn.ATTRIBUTE, actor.get());
        } else if (onBehalf != null) {
            Optional<Actor> actor = fromLoopback(request) ? loopback.username(onBehalf).flatMap(users::enabled) : Optional.empty();
            if (actor.isEmpty()) {
                ProtocolErrors.send(request, response, 401, "Unauthorized", "Invalid loopback credentials");
                return;
            }
            request.setAttribute(SignedIn.ATTRIBUTE, actor.get());
        } else if (!anonymousRead && !open(request.getRequestURI())) {
            ProtocolErrors.send(request, response, 401, "Unauthorized", "Sign in to use this server");
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<Actor> credentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The credential of an Authorization header under the scheme, or null when it has another scheme or none. */
    private static String credential(String header, String scheme) {
        return header != null && header.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)
                ? header.substring(scheme.length() + 1).strip() : null;
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean open(String path) {
        return path.equals("/") || path.startsWith("/actuator/health");
    }
}
