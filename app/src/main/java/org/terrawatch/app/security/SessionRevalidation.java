package org.terrawatch.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session carries who signed in, as they were then; every request takes the user as the store has them now.
 * A user disabled since (or whose roles changed) is noticed on the next request: the session of a disabled user ends.
 */
final class SessionRevalidation extends OncePerRequestFilter {

    private final UserDirectory users;

    SessionRevalidation(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof CallerAuthentication signedIn && signedIn.kind() == CallerAuthentication.Kind.SESSION) {
            Optional<Caller> now = users.enabled(signedIn.getName());
            if (now.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (!now.get().equals(signedIn.getPrincipal())) {
                SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
                refreshed.setAuthentication(signedIn.refreshed(now.get()));
                SecurityContextHolder.setContext(refreshed);
            }
        }
        chain.doFilter(request, response);
    }
}
