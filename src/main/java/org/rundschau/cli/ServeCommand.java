package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.rundschau.config.AppConfig;
import org.rundschau.serve.FeedServer;
import org.rundschau.store.Database;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the output folder over HTTP until stopped (SIGTERM or Ctrl-C).",
                "The feeds and pages are served with ETag, Last-Modified, 304 and gzip, and /health as JSON for "
                        + "monitoring. Publishing is left to another process (once from cron, or run); use run --serve "
                        + "for both in one. Safe to run beside run: it takes no lock and only reads the database."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ServerOptions server;
    @Spec
    CommandSpec spec;

    /** Released to stop; {@link StopSignals} releases it on SIGTERM/Ctrl-C. Tests release it directly. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Completed with the listening address once the server runs (tests use it to find port 0's port). */
    final CompletableFuture<InetSocketAddress> serving = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        common.applyLogging(Level.INFO);
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> problem = server.problem();
        if (problem.isPresent()) {
            err.println(problem.get());
            return ExitCode.USAGE;
        }
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        StopSignals signals = StopSignals.install(stop, stopped, Duration.ofSeconds(10));
        // No writer lock: serve only reads the health, beside a run or a cron once that writes.
        try (Database database = Database.open(config.database());
             FeedServer feeds = server.start(config, App.health(new SourceStatusStore(database), () -> config),
                     spec.commandLine().getOut())) {
            serving.complete(feeds.address());
            stop.await();
            return ExitCode.OK;
        } catch (StoreException | IOException e) {
            err.println(e.getMessage());
            common.trace(e, err);
            return ExitCode.INTERNAL;
        } finally {
            serving.completeExceptionally(new IllegalStateException("serve stopped"));
            stopped.countDown();
            signals.close();
        }
    }
}
