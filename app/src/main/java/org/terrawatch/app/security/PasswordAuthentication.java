package org.terrawatch.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** A name and password (HTTP Basic, or the sign-in form of the web UI) checked against the {@link UserDirectory}. */
@Component
public class PasswordAuthentication implements AuthenticationProvider {

    private final UserDirectory users;

    public PasswordAuthentication(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        Caller caller = users.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()), address);
        return new CallerAuthentication(caller, CallerAuthentication.Kind.BASIC);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
