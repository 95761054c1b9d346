package org.rundschau.schedule;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.rundschau.config.AppConfig;
import org.rundschau.model.FileErrors;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes shortly after new items arrive, once for a burst: requests within the quiet period
 * are served by one publication. A request made while a publication runs schedules another, so
 * nothing stored is left unpublished.
 */
public final class PublishCoalescer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PublishCoalescer.class);

    private final Republisher republisher;
    private final Supplier<AppConfig> config;
    private final Duration quiet;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "publish");
        t.setDaemon(true);
        return t;
    });
    private boolean pending;

    /** @param config the configuration in force at publication time (it may be reloaded) */
    public PublishCoalescer(Republisher republisher, Supplier<AppConfig> config, Duration quiet) {
        this.republisher = republisher;
        this.config = config;
        this.quiet = quiet;
    }

    /** Asks for a publication within the quiet period. */
    public synchronized void request() {
        if (!pending && !executor.isShutdown()) {
            pending = true;
            executor.schedule(this::publishNow, quiet.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void publishNow() {
        synchronized (this) {
            pending = false;
        }
        try {
            Republisher.Published published = republisher.publish(config.get());
            if (published.changed()) {
                log.info("published {} entries to {}", published.entries(), published.combinedFeed());
            }
        } catch (StoreException e) {
            log.error("publish failed: {}", e.getMessage());
        } catch (IOException e) {
            log.error("publish failed: could not write to {}: {}; check that the folder can be created and that"
                    + " Rundschau may write there (config key `output`)", config.get().output(),
                    FileErrors.reason(e, config.get().output()));
        }
    }

    /** Runs a pending publication now, then stops. */
    @Override
    public void close() throws InterruptedException {
        boolean flush;
        synchronized (this) {
            flush = pending;
            executor.shutdownNow();
        }
        executor.awaitTermination(30, TimeUnit.SECONDS);
        if (flush) publishNow();
    }
}
