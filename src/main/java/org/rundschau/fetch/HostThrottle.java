package org.rundschau.fetch;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-host politeness shared by all fetches of one process: at most one request in flight per host,
 * and at least {@code gap} between the end of one request to a host and the start of the next.
 * Different hosts never wait for each other. Thread-safe.
 *
 * <p>Nodes of a cluster also share {@link SharedHosts}: once this process has the host, it waits
 * until no other node has it either, so the same rule holds across every node.
 */
public final class HostThrottle {
    private static final Logger log = LoggerFactory.getLogger(HostThrottle.class);
    /** The gap used when the admin configures none. */
    public static final Duration DEFAULT_GAP = Duration.ofSeconds(2);

    /** How often a node asks again for a host another node holds, at the most. */
    static final Duration SHARED_POLL = Duration.ofMillis(250);

    private final long gapNanos;
    private final TimeSource time;
    private final SharedHosts shared;
    private final AtomicLong acquisitions = new AtomicLong();
    private final String node = UUID.randomUUID().toString();
    /** Hosts with a request in flight or a gap still running; guarded by {@code this}. */
    private final Map<String, HostState> hosts = new HashMap<>();

    /** @param gap minimum pause between requests to one host; {@link Duration#ZERO} disables it */
    public HostThrottle(Duration gap) {
        this(gap, TimeSource.SYSTEM, SharedHosts.NONE);
    }

    /** @param shared the hosts held by other nodes of the cluster */
    public HostThrottle(Duration gap, SharedHosts shared) {
        this(gap, TimeSource.SYSTEM, shared);
    }

    HostThrottle(Duration gap, TimeSource time) {
        this(gap, time, SharedHosts.NONE);
    }

    HostThrottle(Duration gap, TimeSource time, SharedHosts shared) {
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative()) {
            throw new IllegalArgumentException("host gap must not be negative: " + gap);
        }
        this.gapNanos = gap.toNanos();
        this.time = Objects.requireNonNull(time, "time");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /**
     * Waits until {@code host} is free and its gap has passed, then reserves it. Close the permit
     * when the exchange is over (body read or abandoned); the gap starts then.
     *
     * @throws InterruptedException when interrupted while waiting; nothing is reserved then
     * @throws IOException          when the cluster's shared hosts cannot be reached; nothing is
     *                              reserved then
     */
    public Permit acquire(String host) throws InterruptedException, IOException {
        String key = host.toLowerCase(Locale.ROOT);
        long wait = reserve(key);
        String holder = node + "/" + acquisitions.incrementAndGet();
        try {
            if (wait > 0) time.sleepNanos(wait);
            acquireShared(key, holder);
        } catch (InterruptedException | IOException | RuntimeException e) {
            release(key, false);
            throw e;
        }
        return new Permit(key, holder);
    }

    private void acquireShared(String key, String holder) throws InterruptedException, IOException {
        while (true) {
            Duration wait = shared.tryAcquire(key, holder);
            if (wait.isZero() || wait.isNegative()) return;
            time.sleepNanos(Math.min(wait.toNanos(), SHARED_POLL.toNanos()));
        }
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
        private final String holder;
        private boolean closed;

        private Permit(String key, String holder) {
            this.key = key;
            this.holder = holder;
        }

        @Override
        public void close() {
            synchronized (HostThrottle.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            try {
                shared.release(key, holder);
            } catch (IOException | RuntimeException e) {
                // The lease lapses by itself; until then other nodes wait a little longer.
                log.warn("could not release host {} in the cluster: {}", key, e.getMessage());
            } finally {
                synchronized (HostThrottle.this) {
                    release(key, true);
                }
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
