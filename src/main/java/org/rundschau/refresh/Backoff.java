package org.rundschau.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failing source is tried again: its normal period after the first failure, doubling with
 * every further failure, capped at one day, spread by ±10% jitter so that sources that failed
 * together (a network outage) do not all return at once; never earlier than a server's Retry-After.
 */
public final class Backoff {
    public static final Duration CAP = Duration.ofDays(1);
    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param failures   consecutive failures including this one (at least 1)
     * @param period     the source's normal schedule period
     * @param retryAfter what the server asked for with 429/503, if anything
     */
    public Instant nextAttempt(Instant now, int failures, Duration period, Optional<Duration> retryAfter) {
        if (failures < 1) throw new IllegalArgumentException("failures must be at least 1: " + failures);
        int doublings = Math.min(failures - 1, 20);
        Duration delay = period.multipliedBy(1L << doublings);
        if (delay.compareTo(CAP) > 0) delay = CAP;
        double jitter = 0.9 + 0.2 * random.nextDouble();
        delay = Duration.ofMillis((long) (delay.toMillis() * jitter));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get().compareTo(CAP) > 0 ? CAP : retryAfter.get();
        }
        return now.plus(delay);
    }
}
