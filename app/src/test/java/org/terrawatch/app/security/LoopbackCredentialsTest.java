package org.terrawatch.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.terrawatch.store.testing.MovableClock;

/** A loopback credential names its user, is good for a minute, and only in the process that signed it. */
class LoopbackCredentialsTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void namesItsUserForAMinuteOnlyWhereItWasSigned() {
        LoopbackCredentials signer = new LoopbackCredentials(Clock.fixed(NOW, ZoneOffset.UTC));
        String credential = credential(signer.authorization("耿地.analyst"));
        assertThat(signer.username(credential)).hasValue("耿地.analyst");
        assertThat(new LoopbackCredentials(Clock.fixed(NOW.plus(Duration.ofSeconds(59)), ZoneOffset.UTC)).username(credential))
                .as("another process (or the same after a restart) has another key").isEmpty();
    }

    @Test
    void refusesExpiredTamperedAndMalformedCredentials() {
        MovableClock clock = new MovableClock(NOW);
        LoopbackCredentials signer = new LoopbackCredentials(clock);
        String credential = credential(signer.authorization("analyst"));
        clock.set(NOW.plus(Duration.ofSeconds(61)));
        assertThat(signer.username(credential)).as("expired").isEmpty();
        clock.set(NOW);
        String[] parts = credential.split("\\.");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes(StandardCharsets.UTF_8));
        String otherUser = admin + "." + parts[1] + "." + parts[2];
        assertThat(signer.username(otherUser)).as("another user under the same signature").isEmpty();
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];
        assertThat(signer.username(longer)).as("a later expiry under the same signature").isEmpty();
        assertThat(signer.username("")).isEmpty();
        assertThat(signer.username("abc")).isEmpty();
        assertThat(signer.username("a.b.c")).isEmpty();
        assertThat(signer.username("YQ.1.%%%")).isEmpty();
    }

    private static String credential(String authorization) {
        assertThat(authorization).startsWith(LoopbackCredentials.SCHEME + " ");
        return authorization.substring(LoopbackCredentials.SCHEME.length() + 1);
    }
}
