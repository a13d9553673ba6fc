package org.terrawatch.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.store.SpatialStore;

/**
 * Checks a user name and password against the users of the data directory (stored hashes in Spring
 * Security's {@code {bcrypt}} format). A bcrypt check costs tens of milliseconds by design, so a successful
 * check is remembered for a few minutes under a digest of the credentials — never the password itself —
 * and a changed or disabled user is noticed when that memory expires.
 */
@Component
public class UserDirectory {

    private static final Duration REMEMBERED = Duration.ofMinutes(5);

    private record Remembered(Actor actor, Instant until) {
    }

    private final OrganisationRepository organisation;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    public UserDirectory(SpatialStore store) {
        this.organisation = new OrganisationRepository(store);
    }

    /** The user, if the password is right and the user enabled. */
    public Optional<Actor> authenticate(String username, String password) {
        String key = digest(username + '\u0000' + password);
        Remembered remembered = verified.get(key);
        if (remembered != null && remembered.until().isAfter(Instant.now())) {
            return Optional.of(remembered.actor());
        }
        Optional<User> user = organisation.user(username).filter(User::enabled);
        if (user.isEmpty() || user.get().passwordHash() == null || !passwords.matches(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        Actor actor = Actor.of(user.get());
        verified.put(key, new Remembered(actor, Instant.now().plus(REMEMBERED)));
        return Optional.of(actor);
    }

    /** The user, if enabled: for a caller already proven by other means ({@link LoopbackCredentials}). */
    public Optional<Actor> enabled(String username) {
        return organisation.user(username).filter(User::enabled).map(Actor::of);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
