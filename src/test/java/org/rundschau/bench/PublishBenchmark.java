package org.rundschau.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.StoreException;

/**
 * Publishing every feed from a store of 1,000 and of 100,000 items, through
 * {@code Republisher.publish} as {@code once} and {@code run} call it: the combined feed in Atom,
 * RSS and JSON Feed with its archive pages, every region and source feed, the pages and the OPML
 * list. {@link #publishAll} asks a new republisher each time, which renders every feed (as a
 * {@code once} does, or a {@code run} after any item changed); {@link #publishUnchanged} asks the
 * same one again, which finds that no item changed and renders no feed (a warm cycle's
 * publication). The files are the same between calls, so neither writes a feed again.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@State(Scope.Benchmark)
public class PublishBenchmark {
    @Param({"1000", "100000"})
    public int stored;

    private StoredItems items;
    private Republisher republisher;
    private AppConfig config;

    @Setup(Level.Trial)
    public void fill() throws IOException, StoreException {
        items = StoredItems.filled(stored);
        republisher = items.republisher();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<SourceConfig> sources = new ArrayList<>();
        for (int s = 0; s < StoredItems.SOURCES; s++) {
            sources.add(new SourceConfig("source-" + s, "Quelle " + s, java.net.URI.create("https://source-" + s + ".example.org/feed"),
                    SourceKind.FEED, "", berlin, Locale.GERMAN, Schedule.parse("every 30m"), null));
        }
        Path folder = items.folder();
        config = new AppConfig(folder.resolve("rundschau.yaml"), new FeedConfig("Bench", StoredItems.ENTRY_ID_BASE + "combined",
                "", 100), folder.resolve("public"), new DatabaseConfig.Sqlite(folder.resolve("rundschau.db")), berlin, Locale.GERMAN,
                Schedule.parse("every 30m"), new FetchConfig(Duration.ZERO, Duration.ofSeconds(60), 1 << 20, "", false),
                Map.of(), sources);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        items.close();
    }

    @Benchmark
    public Republisher.Published publishAll() throws StoreException, IOException {
        return items.republisher().publish(config);
    }

    @Benchmark
    public Republisher.Published publishUnchanged() throws StoreException, IOException {
        return republisher.publish(config);
    }
}
