package org.rundschau.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Per-host politeness shared by all fetches of one process: at most one request in flight per host,
 * and at least {@code gap} between the end of one request to a host and the start of the next.
 * Different hosts never wait for each other. Thread-safe.
 */
public final class HostThrottle {
    /** The gap used when the admin configures none. */
    public static final Duration DEFAULT_GAP = Duration.ofSeconds(2);

    private final long gapNanos;
    private final TimeSource time;
    /** Hosts with a request in flight or a gap still running; guarded by {@code this}. */
    private final Map<String, HostState> hosts = new HashMap<>();

    /** @param gap minimum pause between requests to one host; {@link Duration#ZERO} disables it */
    public HostThrottle(Duration gap) {
        this(gap, TimeSource.SYSTEM);
    }

    HostThrottle(Duration gap, TimeSource time) {
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative()) {
            throw new IllegalArgumentException("host gap must not be negative: " + gap);
        }
        this.gapNanos = gap.toNanos();
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * Waits until {@code host} is free and its gap has passed, then reserves it. Close the permit
     * when the exchange is over (body read or abandoned); the gap starts then.
     *
     * @throws InterruptedException when interrupted while waiting; nothing is reserved then
     */
    public Permit acquire(String host) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        long wait = reserve(key);
        if (wait > 0) {
            try {
                time.sleepNanos(wait);
            } catch (InterruptedException e) {
                release(key, false);
                throw e;
            }
        }
        return new Permit(key);
    }

    /** Marks the host busy and returns how long the caller must still wait for the gap. */
    private synchronized long reserve(String key) throws InterruptedException {
        HostState state = hosts.computeIfAbsent(key, k -> new HostState());
        while (state.busy) {
            wait();
            state = hosts.computeIfAbsent(key, k -> new HostState());
        }
        state.busy = true;
        return state.ended ? state.endedAt + gapNanos - time.nanoTime() : 0;
    }

    private synchronized void release(String key, boolean requestMade) {
        HostState state = hosts.get(key);
        state.busy = false;
        if (requestMade) {
            state.ended = true;
            state.endedAt = time.nanoTime();
        }
        long now = time.nanoTime();
        hosts.values().removeIf(s -> !s.busy && (!s.ended || now - s.endedAt >= gapNanos));
        notifyAll();
    }

    /** The right to send one request to one host; closing it (once or more) ends the reservation. */
    public final class Permit implements AutoCloseable {
        private final String key;
        private boolean closed;

        private Permit(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            synchronized (HostThrottle.this) {
                if (closed) {
                    return;
                }
                closed = true;
                release(key, true);
            }
        }
    }

    private static final class HostState {
        boolean busy;
        boolean ended;
        long endedAt;
    }

    /** Monotonic time and sleeping, replaceable in tests so that no test has to wait for real. */
    interface TimeSource {
        TimeSource SYSTEM = new TimeSource() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };

        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }
}
