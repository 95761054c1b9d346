package org.rundschau.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rundschau.bench.Cpu;
import org.rundschau.bench.StoreReplay;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.Item;
import org.rundschau.refresh.Republisher;
import org.rundschau.testing.TempFolders;

/**
 * What a long-running {@code run} spends on a publication after one source's news, the common
 * case once the store is full: the cycle benchmark's N sources (default 1,000, 20 items each)
 * stored and published once, then rounds in which one source gains one new item and the feeds are
 * published. First the same republisher each round, as {@code run} keeps it (it renders only the
 * feeds whose entries changed, and keeps its memo in the store), then a new one without a memo each
 * round (it renders every feed, as {@code once} did before schema version 9; {@link PublishFresh}
 * measures a new process with the memo). Prints the publishing thread's CPU per round and the medians. Not part of the suite.
 *
 * <pre>java -Xmx128m -cp … org.rundschau.cli.PublishTrickle [N sources, default 1000] [rounds, default 10]</pre>
 */
public final class PublishTrickle {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private PublishTrickle() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("rundschau-trickle");
        try {
            List<List<Item>> fetches = StoreReplay.fetches(dir.resolve("site"), count);
            AppConfig config = config(dir, fetches);
            try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO)) {
                Instant seen = Instant.now();
                for (List<Item> fetch : fetches) app.items().save(fetch.get(0).sourceId(), fetch, seen);
                // A jar's build keeps its memo in the store; the classes folder this runs from has none.
                Republisher kept = App.republisher(config, app.database(), app.items(), app.statuses(),
                        Optional.of("bench"));
                kept.publish(config);
                System.out.printf(Locale.ROOT, "%d sources, %d items stored; each round one source gains one new item%n",
                        fetches.size(), fetches.stream().mapToInt(List::size).sum());
                double incremental = rounds(app, config, fetches, 0, rounds, "same republisher (run)", () -> kept);
                double full = rounds(app, config, fetches, rounds, rounds, "new republisher without memo",
                        () -> App.republisher(config, app.database(), app.items(), app.statuses(), Optional.empty()));
                System.out.printf(Locale.ROOT, "median CPU per publication: %.1f ms as run publishes, %.1f ms rendering every"
                        + " feed (%.2f)%n", incremental, full, incremental / full);
            }
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    private interface Publisher {
        Republisher get() throws Exception;
    }

    /** {@code rounds} rounds after two unmeasured ones; returns the median CPU in milliseconds. */
    private static double rounds(App app, AppConfig config, List<List<Item>> fetches, int first, int rounds, String name,
                                 Publisher publisher) throws Exception {
        double[] cpu = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            int round = first + r + 2;
            List<Item> fetch = new ArrayList<>(fetches.get(round * 37 % fetches.size()));
            Item newest = fetch.get(0);
            fetch.add(0, new Item(newest.sourceId(), newest.key() + "-news-" + round, "", newest.published().plusSeconds(60),
                    true, newest.region(), "Neu " + round + ": " + newest.title(), newest.summary(), newest.summaryIsHtml(),
                    newest.link() + "?round=" + round));
            app.items().save(newest.sourceId(), fetch, Instant.now());
            Republisher republisher = publisher.get();
            long t0 = Cpu.thread();
            Republisher.Published published = republisher.publish(config);
            long took = Cpu.thread() - t0;
            if (r < 0) continue;
            cpu[r] = took / 1e6;
            System.out.printf(Locale.ROOT, "%s, round %d: %.1f ms CPU, %d feeds rendered%n", name, r + 1, cpu[r],
                    published.feedsRendered().size());
        }
        Arrays.sort(cpu);
        return rounds % 2 == 1 ? cpu[rounds / 2] : (cpu[rounds / 2 - 1] + cpu[rounds / 2]) / 2;
    }

    private static AppConfig config(Path dir, List<List<Item>> fetches) {
        return config(dir, fetches.stream().map(fetch -> fetch.get(0).sourceId()).toList());
    }

    /** The configuration both tools publish with: one feed source per id, output in {@code dir/public}. */
    static AppConfig config(Path dir, Collection<String> ids) {
        List<SourceConfig> sources = new ArrayList<>();
        for (String id : ids) {
            sources.add(new SourceConfig(id, "Source " + id, URI.create("http://127.0.0.1/" + id), SourceKind.FEED, "", BERLIN,
                    Locale.GERMAN, Schedule.parse("every 30m"), null));
        }
        return new AppConfig(dir.resolve("rundschau.yaml"), new FeedConfig("Bench", "tag:bench.example,2026:combined", "", 100),
                dir.resolve("public"), new DatabaseConfig.Sqlite(dir.resolve("data/rundschau.db")), BERLIN, Locale.GERMAN,
                Schedule.parse("every 30m"), new FetchConfig(Duration.ZERO, Duration.ofSeconds(60), 10L << 20, "", false),
                Map.of(), sources);
    }
}
