package org.rundschau.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigException;
import org.rundschau.config.ConfigLoader;
import org.rundschau.model.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configuration file while {@code run} runs. An edited file that loads cleanly is
 * handed on; one with errors is refused with its {@code FILE:LINE} messages in the log, and the
 * last good configuration stays in force.
 *
 * <p>Polls the file's content every few seconds rather than using a WatchService: editors that
 * replace the file, bind mounts and network file systems all defeat file-system events.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

    private final Path file;
    private final Consumer<AppConfig> onChange;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "config-watch");
        t.setDaemon(true);
        return t;
    });
    private byte[] lastDigest;

    /** @param onChange receives every new configuration that loads without problems */
    public ConfigWatcher(Path file, Consumer<AppConfig> onChange) {
        this.file = file;
        this.onChange = onChange;
        this.lastDigest = digest();
    }

    public void start(Duration every) {
        executor.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks the file once; public for tests and for an explicit reload. */
    public void check() {
        byte[] now = digest();
        if (now == null || Arrays.equals(now, lastDigest)) return;
        lastDigest = now;
        try {
            AppConfig config = ConfigLoader.load(file);
            log.info("{} changed: reloading", file);
            onChange.accept(config);
        } catch (ConfigException e) {
            e.problems().forEach(problem -> log.error("{}", problem));
            log.error("{} has errors: the last good configuration stays in force", file);
        } catch (RuntimeException e) {
            log.error("applying the changed {} failed; the last good configuration stays in force", file, e);
        }
    }

    private byte[] digest() {
        try {
            return Sha256.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;   // being replaced, or gone for a moment: look again next time
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
