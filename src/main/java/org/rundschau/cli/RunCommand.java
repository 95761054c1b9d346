package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.quartz.SchedulerException;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.schedule.ConfigWatcher;
import org.rundschau.schedule.PublishCoalescer;
import org.rundschau.schedule.SourceScheduler;
import org.rundschau.serve.FeedServer;
import org.rundschau.store.StoreException;
import org.rundschau.store.WriterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run unattended: fetch every source on its schedule until stopped.",
                "New items are published within seconds. SIGTERM or Ctrl-C stops it cleanly (exit 0). "
                        + "Edits of the config file are picked up while running.",
                "With --serve, also serve the output folder over HTTP (see the serve command)."})
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    static final Duration PUBLISH_QUIET = Duration.ofSeconds(2);
    static final Duration CONFIG_POLL = Duration.ofSeconds(5);
    /** A clean stop (writes in progress finish, the database closes) may take this long after SIGTERM. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Retention (dedup.retention) is applied this often while running, and once soon after start. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    @Mixin
    CommonOptions common;
    @Mixin
    WriterOptions writer;
    @Option(names = "--startup-spread", paramLabel = "SECONDS", defaultValue = "30",
            description = "Spread the first fetches of overdue sources over this many seconds after start "
                    + "(default: ${DEFAULT-VALUE}), so that a restart does not hit every site at once.")
    long startupSpreadSeconds;
    @Option(names = "--serve", description = "Also serve the output folder over HTTP, as the serve command does.")
    boolean serve;
    @Mixin
    ServerOptions server;
    @Spec
    CommandSpec spec;

    /** Released to stop; {@link StopSignals} releases it on SIGTERM/Ctrl-C. Tests release it directly. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** With --serve: completed with the listening address once the server runs (for tests). */
    final CompletableFuture<InetSocketAddress> serving = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        common.applyLogging(Level.INFO);
        Optional<String> problem = writer.problem().or(this::serverProblem).or(this::spreadProblem);
        if (problem.isPresent()) {
            spec.commandLine().getErr().println(problem.get());
            return ExitCode.USAGE;
        }
        Optional<AppConfig> loaded = ConfigFile.load(common, spec.commandLine().getErr());
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AtomicReference<AppConfig> current = new AtomicReference<>(loaded.get());
        StopSignals signals = StopSignals.install(stop, stopped, STOP_GRACE);
        try (App app = App.open(current.get(), Clock.systemUTC(), writer.lockWait());
             PublishCoalescer publisher = new PublishCoalescer(app.republisher(), current::get, PUBLISH_QUIET);
             FeedServer feeds = serve ? server.start(current.get(), App.health(app.statuses(), current::get),
                     spec.commandLine().getOut()) : null) {
            if (feeds != null) serving.complete(feeds.address());
            SourceScheduler scheduler = scheduler(current.get(), app, publisher);
            ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "prune");
                t.setDaemon(true);
                return t;
            });
            try (ConfigWatcher watcher = new ConfigWatcher(common.config, next -> apply(next, current, scheduler, app, publisher))) {
                scheduler.reconcile(current.get().sources(), app.statuses()::load);
                publisher.request();
                scheduler.start();
                watcher.start(CONFIG_POLL);
                pruner.scheduleWithFixedDelay(() -> prune(app, publisher), 1, PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
                if (current.get().database() instanceof DatabaseConfig.Postgres postgres) {
                    log.info("cluster node {} on {}: sharing the schedule with every node on this database",
                            scheduler.node(), postgres.url());
                }
                log.info("running with {} from {}; stop with SIGTERM or Ctrl-C",
                        PreviewReport.count(current.get().sources().size(), "source"), common.config);
                stop.await();
                log.info("stopping");
            } finally {
                pruner.shutdownNow();
                scheduler.close();
            }
            return ExitCode.OK;
        } catch (StoreException e) {
            spec.commandLine().getErr().println(e.getMessage());
            common.trace(e, spec.commandLine().getErr());
            return ExitCode.INTERNAL;
        } catch (WriterLock.HeldElsewhere e) {
            spec.commandLine().getErr().println(e.getMessage() + ". Stop the other process first.");
            return ExitCode.LOCKED;
        } catch (SchedulerException e) {
            spec.commandLine().getErr().println("scheduler: " + e.getMessage());
            common.trace(e, spec.commandLine().getErr());
            return ExitCode.INTERNAL;
        } catch (IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            common.trace(e, spec.commandLine().getErr());
            return ExitCode.INTERNAL;
        } finally {
            serving.completeExceptionally(new IllegalStateException("run stopped"));
            stopped.countDown();
            signals.close();
        }
    }

    /** In memory for SQLite; a node of the cluster that shares a PostgreSQL database. */
    private SourceScheduler scheduler(AppConfig config, App app, PublishCoalescer publisher)
            throws SchedulerException, StoreException {
        Duration spread = Duration.ofSeconds(startupSpreadSeconds);
        if (config.database() instanceof DatabaseConfig.Postgres postgres) {
            return SourceScheduler.clustered(app.refresher(), publisher, Clock.systemUTC(), App.PARALLEL_SOURCES, spread,
                    postgres, app.database());
        }
        return new SourceScheduler(app.refresher(), publisher, Clock.systemUTC(), App.PARALLEL_SOURCES, spread);
    }

    private Optional<String> spreadProblem() {
        return startupSpreadSeconds < 0 ? Optional.of("--startup-spread must not be negative: " + startupSpreadSeconds
                + " (0: every overdue source at once)") : Optional.empty();
    }

    /** --port and --bind belong to --serve. */
    private Optional<String> serverProblem() {
        if (!serve) {
            boolean serverOption = spec.commandLine().getParseResult().hasMatchedOption("--port")
                    || spec.commandLine().getParseResult().hasMatchedOption("--bind");
            return serverOption ? Optional.of("--port and --bind need --serve") : Optional.empty();
        }
        return server.problem();
    }

    /**
     * Takes a changed config: reschedules the sources and publishes with the new settings (a new
     * output folder, feed title or page size shows at once, not only with the next new item;
     * feeds the change did not touch are not rewritten, see Republisher).
     */
    private void apply(AppConfig next, AtomicReference<AppConfig> current, SourceScheduler scheduler, App app,
                       PublishCoalescer publisher) {
        AppConfig before = current.get();
        if (!next.database().equals(before.database())) {
            log.warn("database changed to {}: restart Rundschau to use it; still using {}", next.database().describe(),
                    before.database().describe());
        }
        try {
            String change = scheduler.reconcile(next.sources(), app.statuses()::load);
            current.set(next);
            log.info("configuration reloaded: {} ({})", PreviewReport.count(next.sources().size(), "source"), change);
            publisher.request();
        } catch (SchedulerException | StoreException e) {
            log.error("could not apply the reloaded configuration: {}", e.getMessage());
        }
    }

    /** Removes items past the retention limits (tombstoned, so they never return as new). */
    private static void prune(App app, PublishCoalescer publisher) {
        try {
            int pruned = app.items().prune(Instant.now());
            if (pruned > 0) {
                log.info("pruned {} past the retention limits", PreviewReport.count(pruned, "item"));
                publisher.request();
            }
        } catch (StoreException e) {
            log.error("pruning failed: {}", e.getMessage());
        }
    }
}
