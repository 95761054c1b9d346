package org.rundschau.fetch;

import java.io.IOException;
import java.time.Duration;

/**
 * Politeness beyond one process: the hosts that nodes of a cluster are fetching from, kept where
 * every node sees them (the shared database, see {@code store.HostLeases}). {@link HostThrottle}
 * asks it after its own, in-process reservation, so two nodes never send requests to one host at
 * once and keep the configured gap between them.
 */
public interface SharedHosts {

    /** Nothing beyond this process: a single node, or a SQLite store. */
    SharedHosts NONE = new SharedHosts() {
        @Override
        public Duration tryAcquire(String host, String holder) {
            return Duration.ZERO;
        }

        @Override
        public void release(String host, String holder) {
            // nothing is held
        }
    };

    /**
     * Takes {@code host} for {@code holder} if no other holder has it and its gap has passed.
     *
     * @param host   lower case
     * @param holder unique for this acquisition
     * @return zero when taken; else about how long until it may be free
     * @throws IOException when the shared state cannot be reached; nothing is taken then
     */
    Duration tryAcquire(String host, String holder) throws IOException;

    /**
     * Gives {@code host} back; the gap starts now. A lease that lapsed meanwhile (this node was
     * too slow, or is taken for dead) is left to whoever holds it now.
     */
    void release(String host, String holder) throws IOException;
}
