package org.terrawatch.app.intake;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast each credential (and, for a caller nobody signed in, each address) may send: a token bucket per name, so a
 * misbehaving platform or a loop in a script is slowed down with 429 and {@code Retry-After} before it floods the duty
 * queue, while its neighbours keep their own pace.
 */
public final class CredentialRateLimits {

    private static final int MAX_TRACKED = 10_000;

    private final int perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CredentialRateLimits(int perSecond, int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("Rates are positive: " + perSecond + " per second, bursts of " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Zero when the caller may go on now, else the whole seconds to wait. */
    public long waitSeconds(String caller) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // a flood of names (addresses): forget them all rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(caller, name -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }
}
