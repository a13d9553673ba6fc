package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.app.web.ProtocolErrors;

/**
 * The one filter chain every request passes. Credentials: HTTP Basic for GIS clients, API keys and the server's
 * loopback credential as bearer tokens, the web UI's session (signed in at {@code /api/session}). What a caller may read
 * and write is decided further in, by the read rules and the workflows; here a wrong credential is refused, a session's
 * writes need their CSRF token, a browser's writes from another site are refused, and — when the deployment says so —
 * nothing but health, the landing page and signing in is open to an anonymous caller. Refusals are in each protocol's
 * own form ({@link ProtocolErrors}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    /** The CSRF token's header, as the web UI sends it. */
    public static final String CSRF_HEADER = "X-CSRF-TOKEN";

    /** Pages load only this server's own scripts, styles and images, and no other site may frame them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** The policy, letting the browser fetch the configured base map's tiles as images. */
    static String contentSecurityPolicy(TerraWatchProperties.Web web) {
        String origin = web.baseMapOrigin();
        return origin.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("img-src 'self' data: blob:;", "img-src 'self' data: blob: " + origin + ";");
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    public AuthenticationManager authenticationManager(PasswordAuthentication passwords) {
        return new ProviderManager(passwords);
    }

    @Bean
    public HttpSessionSecurityContextRepository sessionContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    public HttpSessionCsrfTokenRepository csrfTokens() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName(CSRF_HEADER);
        return tokens;
    }

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authentication, UserDirectory users, ApiKeys keys,
                                           LoopbackCredentials loopback, SingleSignOn sso, TerraWatchProperties properties,
                                           HttpSessionSecurityContextRepository sessions, HttpSessionCsrfTokenRepository csrfTokens)
            throws Exception {
        AuthenticationEntryPoint entryPoint = ProtocolErrorEntryPoint::commence;
        AccessDeniedHandler denied = (request, response, e) -> ProtocolErrors.send(request, response, 403, "Forbidden", e.getMessage());
        Set<String> origins = new HashSet<>(properties.security().allowedOrigins());
        http.authenticationManager(authentication)
                .httpBasic(basic -> basic.realmName(ProtocolErrors.REALM).authenticationEntryPoint(entryPoint))
                .securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(sessionWrites()))
                .cors(cors -> cors.configurationSource(cors(origins)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(new SessionRevalidation(users), SecurityContextHolderFilter.class)
                .addFilterBefore(new TokenAuthentication(keys, loopback, users, sso), BasicAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteWrites(origins), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.web())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(SecurityConfiguration::open).permitAll();
                    if (properties.security().anonymousRead()) {
                        requests.anyRequest().permitAll();
                    } else {
                        requests.anyRequest().authenticated();
                    }
                });
        return http.build();
    }

    /**
     * Writes that need the CSRF token: those of a browser session. A request with its own credential (Basic, a key)
     * carries no ambient authority from a cookie, and one with neither credential nor session changes nothing.
     */
    private static RequestMatcher sessionWrites() {
        return request -> !SAFE.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && request.getSession(false) != null;
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/") || path.startsWith("/actuator/health")
                || path.equals("/api/session") || path.equals("/error");
    }

    private static UrlBasedCorsConfigurationSource cors(Set<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(List.copyOf(origins));
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Prefer", "Content-Crs", CSRF_HEADER));
            configuration.setExposedHeaders(List.of("ETag", "Location", "Content-Crs"));
            configuration.setAllowCredentials(true);
            source.registerCorsConfiguration("/**", configuration);
        }
        return source;
    }

    /** A missing or refused credential: 401 with the challenge, or 429 while an account is locked after failures. */
    private static final class ProtocolErrorEntryPoint {
        static void commence(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, AuthenticationException e)
                throws java.io.IOException {
            if (e instanceof SignInRefused refused && refused.lockedUntil() != null) {
                response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
                ProtocolErrors.send(request, response, 429, "Too Many Requests", e.getMessage());
                return;
            }
            ProtocolErrors.send(request, response, 401, "Unauthorized",
                    e instanceof SignInRefused ? e.getMessage() : "Sign in to use this server / 请先登录");
        }
    }
}
