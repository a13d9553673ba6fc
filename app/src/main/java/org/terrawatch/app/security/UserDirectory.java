package org.terrawatch.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.terrawatch.monitoring.Sha256;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.store.SpatialStore;

/**
 * The people who sign in: checks a name and password against the store (hashes in Spring Security's {@code {bcrypt}}
 * format), with lock-out after repeated failures ({@link SignInThrottle}), and answers who a signed-in user is now.
 * A bcrypt check costs tens of milliseconds by design, so a successful check is remembered for a few minutes under a
 * digest of the credentials — never the password itself. Every request asks for the caller's current state, kept in
 * memory until the admin API changes the user ({@link #forget}): a disabled account stops working at once, on every
 * credential and session.
 */
@Component
public class UserDirectory {

    private static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private record Remembered(String username, Instant until) {
    }

    private final OrganisationRepository organisation;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private final Map<String, Optional<Caller>> current = new ConcurrentHashMap<>();
    private final SignInThrottle throttle;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public UserDirectory(SpatialStore store) {
        this(store, Clock.systemUTC());
    }

    UserDirectory(SpatialStore store, Clock clock) {
        this.organisation = new OrganisationRepository(store);
        this.clock = clock;
        this.throttle = new SignInThrottle(clock);
    }

    /**
     * The user, if the password is right and the account enabled and not locked.
     *
     * @param address the client's address: failures count per account and address
     * @throws SignInRefused otherwise, saying why
     */
    public Caller authenticate(String username, String password, String address) {
        Optional<Instant> locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            throw new SignInRefused("Too many failed sign-ins for " + username + "; try again after " + CLOCK_TIME.format(locked.get())
                    + " (China time) / 登录失败次数过多，请稍后再试", locked.get());
        }
        String key = digest(username + '\u0000' + password);
        Remembered remembered = verified.get(key);
        if (remembered != null && remembered.until().isAfter(clock.instant())) {
            Optional<Caller> caller = enabled(username);
            if (caller.isPresent()) {
                return caller.get();
            }
        }
        Optional<User> user = organisation.user(username).filter(User::enabled);
        if (user.isEmpty() || !passwords.matches(password, user.get().passwordHash())) {
            throttle.failed(username, address);
            throw new SignInRefused("Wrong user name or password / 用户名或密码错误", null);
        }
        throttle.succeeded(username, address);
        verified.put(key, new Remembered(username, clock.instant().plus(REMEMBERED)));
        return enabled(username).orElseThrow(() -> new SignInRefused("Wrong user name or password / 用户名或密码错误", null));
    }

    /** Who the user is now, if the account exists and is enabled: for a caller already proven (a session, a loopback credential). */
    public Optional<Caller> enabled(String username) {
        return current.computeIfAbsent(username, name -> organisation.user(name).filter(User::enabled).map(this::caller));
    }

    /** Forgets what is known of the user after a change: the next request reads it afresh, and remembered passwords are dropped. */
    public void forget(String username) {
        current.remove(username);
        verified.values().removeIf(r -> r.username().equals(username));
    }

    /** A new password's hash, in the store's format. */
    public String hash(String password) {
        return passwords.encode(password);
    }

    /** Whether the directory has an account of that name, enabled or not. */
    public boolean exists(String username) {
        return organisation.user(username).isPresent();
    }

    /** The caller a user would be, with the groups of its department and the department's admin area. */
    Caller callerOf(User user) {
        return caller(user);
    }

    private Caller caller(User user) {
        Set<String> jurisdictions = new HashSet<>(user.jurisdictions());
        Set<String> groups = new HashSet<>();
        if (user.departmentCode() != null) {
            organisation.department(user.departmentCode()).map(d -> d.adminCode()).filter(c -> c != null && !c.isBlank())
                    .ifPresent(jurisdictions::add);
            groups.addAll(organisation.groupsOf(user.departmentCode()));
        }
        return new Caller(new Actor(user.username(), user.roles(), user.departmentCode(), jurisdictions), groups, null);
    }

    private static String digest(String text) {
        return Sha256.hex(text);
    }
}
