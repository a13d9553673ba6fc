package org.terrawatch.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;

/**
 * Single sign-on through the bureau's OpenID Connect provider ({@code terrawatch.security.oidc}, off by default): a
 * bearer JWT signed with one of the provider's published keys, from the configured issuer, for the configured audience
 * and not expired, proves who the caller is. A user of that name in the directory is that user — its roles, department
 * and jurisdictions, refused if disabled —; anybody else is given what the token's claims say.
 */
@Component
public class SingleSignOn {

    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);

    private final TerraWatchProperties.Oidc settings;
    private final UserDirectory users;
    private final JwtDecoder decoder;

    public SingleSignOn(TerraWatchProperties properties, UserDirectory users) {
        this.settings = properties.security().oidc();
        this.users = users;
        this.decoder = settings.enabled() ? decoder(settings) : null;
    }

    private static JwtDecoder decoder(TerraWatchProperties.Oidc settings) {
        if (settings.jwkSetUri().isBlank() || settings.issuer().isBlank()) {
            throw new IllegalStateException("terrawatch.security.oidc.enabled needs jwk-set-uri and issuer");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(JwtValidators.createDefaultWithIssuer(settings.issuer())));
        if (!settings.audience().isBlank()) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        LOG.info("Single sign-on: bearer tokens of {} are accepted (keys from {})", settings.issuer(), settings.jwkSetUri());
        return decoder;
    }

    public boolean enabled() {
        return decoder != null;
    }

    /** The caller the token proves, or empty when it is not valid here or names a disabled user. */
    Optional<Caller> verify(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            LOG.debug("A bearer token was refused: {}", e.getMessage());
            return Optional.empty();
        }
        String username = jwt.getClaimAsString(settings.usernameClaim());
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        if (users.exists(username)) {
            return users.enabled(username);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(jwt, settings.rolesClaim())) {
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // a role of the provider's that this server does not have
            }
        }
        try {
            // Not stored, never signs in with a password: "{none}" matches no password.
            User visitor = new User(username, username, jwt.getClaimAsString(settings.departmentClaim()), "{none}", true, roles,
                    new TreeSet<>(strings(jwt, settings.jurisdictionsClaim())));
            return Optional.of(users.callerOf(visitor));
        } catch (IllegalArgumentException e) {
            LOG.info("A bearer token of {} was refused: {}", username, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value).split("[,\\s]+"));
    }
}
