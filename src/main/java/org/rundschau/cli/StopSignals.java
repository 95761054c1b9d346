package org.rundschau.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops a long-running command ({@code run}, {@code serve}) on SIGTERM or Ctrl-C so that it exits
 * with its own code: 0 after a clean stop. The JVM's own handling (shutdown hooks) always exits
 * with 128 + the signal's number, 143 for SIGTERM, which systemd counts as a failure.
 *
 * <p>The first signal releases {@code stop}; the command then finishes its writes, closes the
 * database and returns, and {@code Main} exits with the code. A command that has not stopped
 * within {@code grace}, or a second signal, ends the process at once with 128 + the signal's
 * number, as the JVM would have. Where the JVM does not let the signals be handled ({@code -Xrs},
 * a runtime without {@code sun.misc.Signal}), a shutdown hook stops the command as before, and
 * the exit code is the JVM's.
 */
final class StopSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final CountDownLatch stop;
    private final CountDownLatch stopped;
    private final Duration grace;
    private final AtomicBoolean received = new AtomicBoolean();
    private final List<Signal> handled = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private Thread hook;

    private StopSignals(CountDownLatch stop, CountDownLatch stopped, Duration grace) {
        this.stop = stop;
        this.stopped = stopped;
        this.grace = grace;
    }

    /**
     * @param stop    released on the first signal
     * @param stopped released by the command once it has stopped cleanly
     * @param grace   how long a clean stop may take
     */
    static StopSignals install(CountDownLatch stop, CountDownLatch stopped, Duration grace) {
        StopSignals signals = new StopSignals(stop, stopped, grace);
        try {
            for (String name : SIGNALS) {
                Signal signal = new Signal(name);
                signals.previous.add(Signal.handle(signal, signals::handle));
                signals.handled.add(signal);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError notHandled) {
            log.debug("cannot handle stop signals ({}); stopping in a shutdown hook instead", notHandled.toString());
            signals.restore();
            signals.hook = new Thread(signals::stopAndWait, "shutdown");
            Runtime.getRuntime().addShutdownHook(signals.hook);
        }
        return signals;
    }

    private void handle(Signal signal) {
        int code = 128 + signal.getNumber();
        if (received.getAndSet(true)) {
            log.warn("SIG{} again: stopping at once", signal.getName());
            Runtime.getRuntime().halt(code);
        }
        log.info("SIG{} received: stopping", signal.getName());
        if (!stopAndWait()) {
            log.error("did not stop within {} s; exiting without a clean stop", grace.toSeconds());
            System.exit(code);
        }
    }

    /** Releases {@code stop} and waits for the clean stop; false when it did not come in time. */
    private boolean stopAndWait() {
        stop.countDown();
        try {
            return stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives the signals back to the JVM (or removes the hook): the command has stopped. */
    @Override
    public void close() {
        restore();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hook: nothing to remove
            }
        }
    }

    private void restore() {
        for (int i = 0; i < handled.size(); i++) {
            Signal.handle(handled.get(i), previous.get(i));
        }
        handled.clear();
        previous.clear();
    }
}
