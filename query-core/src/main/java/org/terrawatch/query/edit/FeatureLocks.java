package org.terrawatch.query.edit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.terrawatch.store.SpatialStore;

/**
 * WFS feature locks (LockFeature, GetFeatureWithLock), kept in table {@code feature_lock} so that they outlive
 * a restart. A feature locked under one lock id can be changed only by a transaction that presents that id —
 * through any interface; other writers are refused until the lock is released or expires.
 *
 * <p>Most of the time no lock is live at all, so the server remembers the latest expiry it has granted (read
 * from the table at first use, so locks outlive a restart) and skips the lookup once that moment has passed.
 * This assumes one server writes the store, as deployed today.
 */
public final class FeatureLocks {

    /** What a lock id names: a live lock, one that has expired (kept a day to say so), or nothing known. */
    public enum State { LIVE, EXPIRED, UNKNOWN }

    /** How long an expired lock is remembered, so that a client presenting it learns it expired rather than never was. */
    private static final Duration REMEMBERED = Duration.ofDays(1);

    /** The outcome of a lock request. */
    public record Granted(String lockId, List<String> locked, List<String> notLocked, Instant expires) {
    }

    private final SpatialStore store;
    private final Duration maximum;
    private final Clock clock;
    private volatile Instant latestExpiry;

    /** @param maximum the longest expiry a client may ask for; longer requests are capped to it */
    public FeatureLocks(SpatialStore store, Duration maximum, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.maximum = Objects.requireNonNull(maximum, "maximum");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Duration maximum() {
        return maximum;
    }

    /**
     * Locks the features (ids as {@code layer.id}) for the owner. With {@code all}, either every feature is
     * locked or none is and {@link EditRefused} (LOCKED) names the first one held by another lock; otherwise
     * the free ones are locked and the rest reported.
     */
    public Granted lock(String owner, List<String> featureIds, Duration expiry, boolean all) {
        Duration capped = expiry == null || expiry.compareTo(maximum) > 0 || expiry.isNegative() ? maximum : expiry;
        Instant now = clock.instant();
        Instant expires = now.plus(capped);
        String lockId = UUID.randomUUID().toString();
        return store.inTransaction(() -> {
            store.jdbc().sql("DELETE FROM feature_lock WHERE expires_at < :stale").param("stale", at(now.minus(REMEMBERED))).update();
            List<String> locked = new ArrayList<>();
            List<String> notLocked = new ArrayList<>();
            for (String featureId : featureIds) {
                String layer = layer(featureId);
                int held = store.jdbc().sql("SELECT COUNT(*) FROM feature_lock WHERE layer = :layer AND feature_id = :id AND expires_at >= :now")
                        .param("layer", layer).param("id", featureId).param("now", at(now)).query(Integer.class).single();
                if (held > 0) {
                    if (all) {
                        throw new EditRefused(EditRefused.Reason.LOCKED, null, "Feature " + featureId
                                + " is locked by someone else; nothing was locked (lockAction ALL)");
                    }
                    notLocked.add(featureId);
                    continue;
                }
                store.jdbc().sql("DELETE FROM feature_lock WHERE layer = :layer AND feature_id = :id") // an expired lock of it
                        .param("layer", layer).param("id", featureId).update();
                store.jdbc().sql("INSERT INTO feature_lock(layer, feature_id, lock_id, owner, expires_at) VALUES (:layer, :id, :lock, :owner, :expires)")
                        .param("layer", layer).param("id", featureId).param("lock", lockId).param("owner", owner)
                        .param("expires", at(expires)).update();
                locked.add(featureId);
            }
            extendLatest(expires);
            return new Granted(lockId, locked, notLocked, expires);
        });
    }

    /**
     * Refuses a change of the feature unless it is unlocked, its lock has expired, or {@code lockId} is its
     * lock.
     */
    public void checkWritable(String featureId, String lockId) {
        Instant now = clock.instant();
        if (latestExpiry() != null && latestExpiry().isBefore(now)) {
            return;
        }
        List<String> holders = store.jdbc().sql("SELECT lock_id FROM feature_lock WHERE layer = :layer AND feature_id = :id AND expires_at >= :now")
                .param("layer", layer(featureId)).param("id", featureId).param("now", at(now)).query(String.class).list();
        if (!holders.isEmpty() && !holders.get(0).equals(lockId)) {
            throw new EditRefused(EditRefused.Reason.LOCKED, null, "Feature " + featureId + " is locked"
                    + (lockId == null ? "; present its lockId to change it" : " under another lock than " + lockId));
        }
    }

    /**
     * Resets a live lock to a fresh expiry (WFS 2.0 LockFeature with a lockId and no query), capped as a grant is.
     *
     * @return the lock with all its features, or empty when the id names no live lock (unknown, released or expired)
     */
    public java.util.Optional<Granted> reset(String lockId, Duration expiry) {
        Duration capped = expiry == null || expiry.compareTo(maximum) > 0 || expiry.isNegative() ? maximum : expiry;
        Instant now = clock.instant();
        Instant expires = now.plus(capped);
        return store.inTransaction(() -> {
            int renewed = store.jdbc().sql("UPDATE feature_lock SET expires_at = :expires WHERE lock_id = :lock AND expires_at >= :now")
                    .param("expires", at(expires)).param("lock", lockId).param("now", at(now)).update();
            if (renewed == 0) {
                return java.util.Optional.<Granted>empty();
            }
            extendLatest(expires);
            List<String> features = store.jdbc().sql("SELECT feature_id FROM feature_lock WHERE lock_id = :lock ORDER BY feature_id")
                    .param("lock", lockId).query(String.class).list();
            return java.util.Optional.of(new Granted(lockId, features, List.of(), expires));
        });
    }

    /** What the lock id names now. */
    public State state(String lockId) {
        List<OffsetDateTime> expiries = store.jdbc().sql("SELECT MAX(expires_at) FROM feature_lock WHERE lock_id = :lock")
                .param("lock", lockId).query(OffsetDateTime.class).list();
        if (expiries.isEmpty() || expiries.get(0) == null) {
            return State.UNKNOWN;
        }
        return expiries.get(0).toInstant().isBefore(clock.instant()) ? State.EXPIRED : State.LIVE;
    }

    /** Releases the lock on the given features, or on all its features when {@code featureIds} is null. */
    public void release(String lockId, List<String> featureIds) {
        if (featureIds == null) {
            store.jdbc().sql("DELETE FROM feature_lock WHERE lock_id = :lock").param("lock", lockId).update();
            return;
        }
        for (String featureId : featureIds) {
            store.jdbc().sql("DELETE FROM feature_lock WHERE lock_id = :lock AND feature_id = :id")
                    .param("lock", lockId).param("id", featureId).update();
        }
    }

    /** Extends a lock kept by releaseAction SOME to a fresh expiry. */
    public void renew(String lockId) {
        Instant expires = clock.instant().plus(maximum);
        store.jdbc().sql("UPDATE feature_lock SET expires_at = :expires WHERE lock_id = :lock")
                .param("expires", at(expires)).param("lock", lockId).update();
        extendLatest(expires);
    }

    /** The latest expiry of any lock in the store, read once, then kept up to date by this server's grants. */
    private Instant latestExpiry() {
        if (latestExpiry == null) {
            List<OffsetDateTime> stored = store.jdbc().sql("SELECT expires_at FROM feature_lock ORDER BY expires_at DESC FETCH FIRST 1 ROWS ONLY")
                    .query(OffsetDateTime.class).list();
            latestExpiry = stored.isEmpty() ? Instant.EPOCH : stored.get(0).toInstant();
        }
        return latestExpiry;
    }

    private synchronized void extendLatest(Instant expires) {
        if (latestExpiry().isBefore(expires)) {
            latestExpiry = expires;
        }
    }

    private static String layer(String featureId) {
        int dot = featureId.lastIndexOf('.');
        return dot < 0 ? "" : featureId.substring(0, dot);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
