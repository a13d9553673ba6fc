package org.terrawatch.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.terrawatch.app.web.ProtocolErrors;

/**
 * Refuses a browser's request that would change something when it comes from another site. A browser that once sent
 * HTTP Basic credentials to this server sends them again on its own, to any page's form or script, so a page elsewhere
 * could otherwise post a WFS-T transaction in the user's name. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}); GIS clients and machines send neither and pass. Origins allowed by the CORS
 * configuration may write.
 */
final class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;

    CrossSiteWrites(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            ProtocolErrors.send(request, response, 403, "Forbidden",
                    "A request from another site may not change anything here (Origin " + request.getHeader("Origin") + ")");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        return origin != null && !origin.equals("null") && !sameOrigin(origin, request) || "null".equals(origin);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(request.getScheme()) && host != null
                    && (uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
