package org.terrawatch.app.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Credentials with which the server asks itself, over the loopback interface, for something on a user's behalf —
 * a process input given by reference to one of its own services is read with the rights of the user who runs the
 * process, without the server ever holding that user's password. A credential names the user and an expiry a
 * minute ahead, signed with HMAC-SHA256 under a key drawn at start-up and kept only in memory: it is useless
 * outside this process, after a restart, or a minute later. {@link HttpBasicAuthentication} accepts it only from a
 * loopback address, under the scheme {@value #SCHEME}.
 */
@Component
public class LoopbackCredentials {

    /** The authorization scheme of these credentials. */
    public static final String SCHEME = "TerraWatch-Loopback";
    private static final Duration VALIDITY = Duration.ofMinutes(1);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];
    private final Clock clock;

    public LoopbackCredentials() {
        this(Clock.systemUTC());
    }

    LoopbackCredentials(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** The value of an Authorization header that signs the request in as the user. */
    public String authorization(String username) {
        String claim = ENCODER.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "."
                + clock.instant().plus(VALIDITY).getEpochSecond();
        return SCHEME + " " + claim + "." + ENCODER.encodeToString(signature(claim));
    }

    /** The user a credential (the part after the scheme) names, if it was signed here and has not expired. */
    public Optional<String> username(String credential) {
        int last = credential.lastIndexOf('.');
        int first = credential.indexOf('.');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        String claim = credential.substring(0, last);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(credential.substring(last + 1));
            long expiry = Long.parseLong(credential.substring(first + 1, last));
            if (!MessageDigest.isEqual(given, signature(claim)) || clock.instant().getEpochSecond() > expiry) {
                return Optional.empty();
            }
            return Optional.of(new String(Base64.getUrlDecoder().decode(credential.substring(0, first)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(claim.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
