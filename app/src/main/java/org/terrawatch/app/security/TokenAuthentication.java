package org.terrawatch.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.terrawatch.app.web.ProtocolErrors;

/**
 * The bearer credentials of the filter chain: a machine's API key ({@code Authorization: Bearer tw_...}), allowed only
 * on the paths the key names; with single sign-on configured, any other bearer token as the identity provider's JWT
 * ({@link SingleSignOn}); and the server's own {@link LoopbackCredentials}, accepted only from a loopback address.
 * A credential that is sent must be right: a wrong one is answered 401 at once, in the protocol's form.
 */
final class TokenAuthentication extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final LoopbackCredentials loopback;
    private final UserDirectory users;
    private final SingleSignOn sso;

    TokenAuthentication(ApiKeys keys, LoopbackCredentials loopback, UserDirectory users, SingleSignOn sso) {
        this.keys = keys;
        this.loopback = loopback;
        this.users = users;
        this.sso = sso;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String bearer = credential(header, "Bearer");
        String onBehalf = credential(header, LoopbackCredentials.SCHEME);
        if (bearer != null && sso.enabled() && !bearer.startsWith(ApiKeys.PREFIX)) {
            Optional<Caller> caller = sso.verify(bearer);
            if (caller.isEmpty()) {
                ProtocolErrors.send(request, response, 401, "Unauthorized", "The bearer token is not valid here (its signature, issuer, "
                        + "audience or expiry), or its user is disabled");
                return;
            }
            signIn(new CallerAuthentication(caller.get(), CallerAuthentication.Kind.SINGLE_SIGN_ON));
        } else if (bearer != null) {
            Optional<Caller> caller = keys.verify(bearer, request.getRemoteAddr());
            if (caller.isEmpty()) {
                ProtocolErrors.send(request, response, 401, "Unauthorized", "Unknown or revoked API key");
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!caller.get().key().allows(path)) {
                ProtocolErrors.send(request, response, 403, "Forbidden", "API key " + caller.get().key().id() + " may not call " + path
                        + "; it may call " + caller.get().key().paths().stream().sorted().toList());
                return;
            }
            signIn(new CallerAuthentication(caller.get(), CallerAuthentication.Kind.API_KEY));
        } else if (onBehalf != null) {
            Optional<Caller> caller = fromLoopback(request) ? loopback.username(onBehalf).flatMap(users::enabled) : Optional.empty();
            if (caller.isEmpty()) {
                ProtocolErrors.send(request, response, 401, "Unauthorized", "Invalid loopback credentials");
                return;
            }
            signIn(new CallerAuthentication(caller.get(), CallerAuthentication.Kind.LOOPBACK));
        }
        chain.doFilter(request, response);
    }

    private static void signIn(CallerAuthentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    /** The credential of an Authorization header under the scheme, or null when it has another scheme or none. */
    static String credential(String header, String scheme) {
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
}
