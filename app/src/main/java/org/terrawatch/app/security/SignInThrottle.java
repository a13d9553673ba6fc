package org.terrawatch.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock-out after repeated failed sign-ins. Failures are counted per account and address (five within a quarter of an
 * hour lock that account from that address) and per account from anywhere (twenty lock it from everywhere), each for a
 * quarter of an hour from the last failure: guessing is slowed to a crawl, while nobody can lock another person out
 * for longer than that. A success clears the account's count from that address.
 */
final class SignInThrottle {

    static final int PER_ADDRESS = 5;
    static final int PER_ACCOUNT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Until when the account is locked for sign-ins from the address, if it is. */
    Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> here = until(key(username, address), PER_ADDRESS, now);
        return here.isPresent() ? here : until(username, PER_ACCOUNT, now);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            // Many names tried (a spray of made-up names): forget the counts that no longer lock anything.
            failures.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || times.getLast().plus(WINDOW).isBefore(now);
                }
            });
        }
        for (String key : new String[] {key(username, address), username}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > PER_ACCOUNT) {
                    times.removeFirst();
                }
            }
        }
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private Optional<Instant> until(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            times.removeIf(t -> t.plus(WINDOW).isBefore(now));
            if (times.isEmpty()) {
                failures.remove(key, times);
                return Optional.empty();
            }
            return times.size() >= limit ? Optional.of(times.getLast().plus(WINDOW)) : Optional.empty();
        }
    }

    private static String key(String username, String address) {
        return username + '\u0000' + address;
    }
}
