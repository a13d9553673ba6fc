package org.terrawatch.query.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.MovableClock;
import org.terrawatch.store.testing.TestStores;

/** A lock's life: live, reset, expired (and said so for a day), and its features free for another lock once it expires. */
class FeatureLocksTest {

    @Test
    void anExpiredLockIsToldApartFromAnUnknownOne() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
        try (SpatialStore store = TestStores.open(StoreType.H2GIS, MonitoringSchema.MIGRATIONS)) {
            FeatureLocks locks = new FeatureLocks(store, Duration.ofMinutes(30), clock);
            FeatureLocks.Granted granted = locks.lock("anonymous", List.of("Lakes.1", "Lakes.2"), Duration.ofSeconds(20), true);
            assertThat(locks.state(granted.lockId())).isEqualTo(FeatureLocks.State.LIVE);
            assertThat(locks.state("no-such-lock")).isEqualTo(FeatureLocks.State.UNKNOWN);

            clock.set(clock.instant().plusSeconds(15));
            FeatureLocks.Granted reset = locks.reset(granted.lockId(), Duration.ofSeconds(20)).orElseThrow();
            assertThat(reset.locked()).containsExactly("Lakes.1", "Lakes.2");
            assertThat(reset.expires()).isEqualTo(clock.instant().plusSeconds(20));

            clock.set(clock.instant().plusSeconds(21));
            assertThat(locks.state(granted.lockId())).isEqualTo(FeatureLocks.State.EXPIRED);
            assertThat(locks.reset(granted.lockId(), null)).isEmpty();

            // the expired lock holds nothing: another lock takes its feature, and it still reads as expired for the rest
            FeatureLocks.Granted next = locks.lock("someone", List.of("Lakes.1"), Duration.ofSeconds(20), true);
            assertThat(next.locked()).containsExactly("Lakes.1");
            locks.checkWritable("Lakes.2", null);
            assertThat(locks.state(granted.lockId())).isEqualTo(FeatureLocks.State.EXPIRED);

            clock.set(clock.instant().plus(Duration.ofDays(2)));
            locks.lock("someone", List.of("Lakes.3"), Duration.ofSeconds(20), true);
            assertThat(locks.state(granted.lockId())).as("forgotten after a day").isEqualTo(FeatureLocks.State.UNKNOWN);
        }
    }
}
