package org.terrawatch.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.terrawatch.monitoring.Sha256;
import org.terrawatch.monitoring.organisation.ApiKey;
import org.terrawatch.monitoring.organisation.ApiKeyRepository;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.store.SpatialStore;

/**
 * API keys for machines: {@code tw_<id>_<secret>}, the secret 32 random bytes. Only a SHA-256 digest of the secret is
 * stored (a secret this long needs no slow hash); a key is checked in constant time, refused once revoked (at once when
 * revoked here; within 5 seconds when another server of the same store revoked it), and its last use is written at most
 * once a minute.
 */
@Component
public class ApiKeys {

    /** The actor name of a key's requests: {@code key:} and its id. */
    private static final String ACTOR_PREFIX = "key:";

    static final String PREFIX = "tw_";
    private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as created: the token is shown once and never again. */
    public record Created(ApiKey key, String token) {
    }

    private final ApiKeyRepository keys;
    private final OrganisationRepository organisation;
    /** How long a key read from the store is trusted before it is read again (a revocation elsewhere shows within it). */
    private static final long KEEP_NANOS = 5_000_000_000L;

    private final Map<String, Instant> lastNoted = new ConcurrentHashMap<>();
    private final Map<String, Known> recent = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public ApiKeys(SpatialStore store) {
        this.keys = new ApiKeyRepository(store);
        this.organisation = new OrganisationRepository(store);
    }

    public ApiKeyRepository repository() {
        return keys;
    }

    /** A new key with a fresh id and secret; the returned token is the only copy of the secret. */
    public Created create(ApiKey template) {
        String id = HexFormat.of().formatHex(randomBytes(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32)).replace('_', 'x').replace('-', 'y');
        ApiKey key = new ApiKey(id, template.name(), digest(secret), template.roles(), template.departmentCode(), template.jurisdictions(),
                template.paths(), template.layers(), template.mayWrite(), template.createdBy(), clock.instant(), null, null, null);
        keys.add(key);
        recent.remove(id);
        return new Created(key, PREFIX + id + "_" + secret);
    }

    /** The caller a token proves, if it names a key that exists, is not revoked and has this secret. */
    public Optional<Caller> verify(String token, String address) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = token.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), separator);
        if (!id.matches("[a-z0-9]{4,24}")) {
            return Optional.empty();
        }
        Known known = known(id);
        byte[] given = digest(token.substring(separator + 1)).getBytes(StandardCharsets.US_ASCII);
        if (known.key().isEmpty() || !MessageDigest.isEqual(given, known.key().get().secretDigest().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        noteUse(known.key().get(), address);
        return known.caller();
    }

    /** Revokes the key at once: its next request is refused, here and (within {@link #KEEP_NANOS}) on other servers of the store. */
    public boolean revoke(String id, Instant at) {
        boolean revoked = keys.revoke(id, at);
        recent.remove(id);
        return revoked;
    }

    /** A key (not revoked) as read from the store, and its caller, kept for a few seconds: a busy platform is not a query a request. */
    private record Known(Optional<ApiKey> key, Optional<Caller> caller, long readAt) {
    }

    private Known known(String id) {
        long now = System.nanoTime();
        Known kept = recent.get(id);
        if (kept != null && now - kept.readAt() < KEEP_NANOS) {
            return kept;
        }
        Optional<ApiKey> key = keys.find(id).filter(k -> !k.revoked());
        Known read = new Known(key, key.map(this::caller), now);
        if (recent.size() > 10_000) {
            recent.clear(); // guessed ids are not kept without bound
        }
        recent.put(id, read);
        return read;
    }

    /** The id of the key whose requests carry this actor name, if it is a key's. */
    public static Optional<String> keyIdOf(String actorName) {
        return actorName.startsWith(ACTOR_PREFIX) ? Optional.of(actorName.substring(ACTOR_PREFIX.length())) : Optional.empty();
    }

    /** The caller of a key that is not revoked, by the actor name its requests carry ({@code key:<id>}): for its jobs. */
    public Optional<Caller> active(String actorName) {
        return keyIdOf(actorName).flatMap(keys::find).filter(k -> !k.revoked()).map(this::caller);
    }

    private Caller caller(ApiKey k) {
        Set<String> groups = k.departmentCode() == null ? Set.of() : Set.copyOf(organisation.groupsOf(k.departmentCode()));
        return new Caller(new Actor(ACTOR_PREFIX + k.id(), k.roles(), k.departmentCode(), k.jurisdictions()), groups, k);
    }

    private void noteUse(ApiKey key, String address) {
        Instant now = clock.instant();
        Instant last = lastNoted.get(key.id());
        if (last == null || last.plus(USE_NOTED_EVERY).isBefore(now)) {
            lastNoted.put(key.id(), now);
            keys.used(key.id(), now, address);
        }
    }

    /** The SHA-256 digest of a secret as stored, 64 hex digits. */
    public static String digest(String secret) {
        return Sha256.hex(secret);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
