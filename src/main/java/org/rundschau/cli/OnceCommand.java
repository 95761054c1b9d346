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
import org.rundschau.model.FileErrors;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.StoreException;
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
        Optional<String> problem = writer.problem();
        if (problem.isPresent()) {
            err.println("once: " + problem.get());
            return ExitCode.USAGE;
        }
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        Clock clock = Clock.systemUTC();
        long started = System.nanoTime();
        try (App app = App.open(config, clock, writer.lockWait())) {
            ProgressLines progress = new ProgressLines(out, config.sources(), ProgressLines.onTerminal(), config.timezone());
            List<RefreshOutcome> outcomes = app.cycle().refreshAll(config.sources(), progress::finished);
            app.items().prune(clock.instant());
            Republisher.Published published = app.republisher().publish(config);
            progress.summary(outcomes, published, Duration.ofNanos(System.nanoTime() - started));
            return outcomes.stream().anyMatch(RefreshOutcome::failed) ? ExitCode.SOURCES_FAILED : ExitCode.OK;
        } catch (StoreException e) {
            err.println(e.getMessage());
            err.println("The database " + config.database().describe() + " could not be used; nothing was published.");
            common.trace(e, err);
            return ExitCode.INTERNAL;
        } catch (IOException e) {
            err.println("publish: could not write to " + config.output() + ": " + FileErrors.reason(e, config.output()));
            err.println("Check that the folder can be created and that Rundschau may write there (config key `output`).");
            common.trace(e, err);
            return ExitCode.INTERNAL;
        } catch (WriterLock.HeldElsewhere e) {
            err.println(e.getMessage() + ". Nothing was fetched; try again later, or raise --lock-wait.");
            return ExitCode.LOCKED;
        }
    }
}
