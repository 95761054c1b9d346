package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rundschau.config.AppConfig;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.StoreException;
import org.rundschau.store.StoreResult;
import org.rundschau.store.WriterLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "once", mixinStandardHelpOptions = true,
        description = {"Fetch every source once, store what is new, publish the feeds, and exit.",
                "Safe to run from cron. Exit 0 when every source was fine, 1 when some failed "
                        + "(the feed is published all the same)."})
final class OnceCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    WriterOptions writer;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        common.applyLogging(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        Clock clock = Clock.systemUTC();
        long started = System.nanoTime();
        try (App app = App.open(config, clock, writer.lockWait())) {
            ProgressLines progress = new ProgressLines(out, config.sources());
            List<RefreshOutcome> outcomes = app.cycle().refreshAll(config.sources(), progress::finished);
            app.items().prune(clock.instant());
            Republisher.Published published = app.republisher().publish(config);
            progress.summary(outcomes, published, Duration.ofNanos(System.nanoTime() - started));
            return outcomes.stream().anyMatch(RefreshOutcome::failed) ? ExitCode.SOURCES_FAILED : ExitCode.OK;
        } catch (StoreException e) {
            err.println(e.getMessage());
            err.println("The database " + config.database() + " could not be used; nothing was published.");
            return ExitCode.INTERNAL;
        } catch (IOException e) {
            err.println("publish: could not write to " + config.output() + ": " + e.getMessage());
            return ExitCode.INTERNAL;
        } catch (WriterLock.HeldElsewhere e) {
            err.println(e.getMessage() + ". Nothing was fetched; try again later, or raise --lock-wait.");
            return ExitCode.LOCKED;
        }
    }

    /** One line per finished source, then a summary: readable by a person and by grep. */
    static final class ProgressLines {
        private final PrintWriter out;
        private final int idWidth;

        ProgressLines(PrintWriter out, List<org.rundschau.config.SourceConfig> sources) {
            this.out = out;
            this.idWidth = sources.stream().mapToInt(s -> s.id().length()).max().orElse(10);
        }

        void finished(RefreshOutcome o) {
            String detail;
            if (o.skipped()) {
                detail = "not fetched: backing off after " + o.status().consecutiveFailures() + " failures until "
                        + o.status().nextAttempt() + " (last error: " + o.status().lastError() + ")";
            } else if (o.failed()) {
                detail = o.status().lastError();
            } else if (o.unchanged()) {
                detail = "unchanged since last fetch";
            } else {
                StoreResult s = o.stored();
                detail = String.format("%d items: %d new, %d updated", o.status().itemsLastSuccess(), s.added(), s.updated())
                        + (s.merged() == 0 ? "" : String.format("; %d already told by another source", s.merged()))
                        + (s.heldBack() == 0 ? "" : String.format("; %d held back (first fetch)", s.heldBack()));
            }
            out.printf("%-4s  %-" + idWidth + "s  %s  (%s)%n", o.failed() ? "FAIL" : "ok", o.sourceId(), detail,
                    seconds(o.took()));
        }

        void summary(List<RefreshOutcome> outcomes, Republisher.Published published, Duration took) {
            long failed = outcomes.stream().filter(RefreshOutcome::failed).count();
            StoreResult total = outcomes.stream().map(RefreshOutcome::stored).reduce(StoreResult.NOTHING, StoreResult::plus);
            out.printf("%nSources: %d ok, %d failed. Items: %d new, %d updated, %d unchanged. Took %s.%n",
                    outcomes.size() - failed, failed, total.added(), total.updated(), total.unchanged(), seconds(took));
            out.printf("%s %s (%d entries).%n", published.changed() ? "Published" : "Unchanged:",
                    published.combinedFeed(), published.entries());
        }

        private static String seconds(Duration d) {
            return String.format("%.1f s", d.toMillis() / 1000.0);
        }
    }
}
