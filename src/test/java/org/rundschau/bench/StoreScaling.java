package org.rundschau.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.Item;
import org.rundschau.refresh.Republisher;

/**
 * The same operations as {@link ItemStoreBenchmark} and {@link PublishBenchmark}, timed as CPU of
 * the calling thread (SQLite runs in it) instead of wall time, so that the ratio between a store
 * of 1,000 and one of 100,000 items means something on a loaded machine. Median of the rounds.
 * Publishing is also given per Atom entry written: with 1,000 items (20 per source) the source
 * feeds are not full yet, so the larger store publishes more entries, and only the cost per entry
 * says whether publishing grows with the store itself.
 *
 * <pre>java -cp ... org.rundschau.bench.StoreScaling [ROUNDS]</pre>
 */
public final class StoreScaling {
    private StoreScaling() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int[] sizes = {1_000, 100_000};
        double[][] results = new double[sizes.length][];
        for (int s = 0; s < sizes.length; s++) results[s] = measure(sizes[s], rounds);
        System.out.printf("%-34s %12s %12s %8s%n", "median CPU per operation (µs)", "1,000 items", "100,000", "ratio");
        String[] names = {"save 20 known items (lookup hits)", "save 20 new items (lookup misses)", "publish all feeds",
                "publish, per Atom entry written"};
        for (int op = 0; op < names.length; op++) {
            System.out.printf(Locale.ROOT, "%-34s %12.1f %12.1f %8.2f%n", names[op], results[0][op], results[1][op],
                    results[1][op] / results[0][op]);
        }
        System.out.printf(Locale.ROOT, "(Atom entries in the published feeds, archive pages left out: %.0f and %.0f. "
                + "Until every feed is full, a larger store publishes more entries.)%n", results[0][4], results[1][4]);
    }

    /** How many entries the published Atom feeds hold, archive pages left out (they are written once). */
    private static long atomEntries(Path output) throws java.io.IOException {
        long entries = 0;
        try (var files = java.nio.file.Files.walk(output)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".atom")
                    && !p.toString().contains("archive"))::iterator) {
                entries += java.nio.file.Files.readString(f).split("<entry>", -1).length - 1;
            }
        }
        return entries;
    }

    private static double[] measure(int size, int rounds) throws Exception {
        try (StoredItems items = StoredItems.filled(size);
             java.sql.Connection sideDoor = java.sql.DriverManager.getConnection(
                     "jdbc:sqlite:" + items.folder().resolve("rundschau.db"))) {
            int perSource = size / StoredItems.SOURCES;
            List<Item> known = new ArrayList<>();
            for (int k = 0; k < ItemStoreBenchmark.BATCH; k++) {
                known.add(StoredItems.item(7 + StoredItems.SOURCES * (k * perSource / ItemStoreBenchmark.BATCH)));
            }
            Republisher republisher = items.republisher();
            AppConfig config = config(items.folder());
            long[][] cpu = new long[3][rounds];
            int next = 0;
            for (int round = -rounds; round < rounds; round++) {   // the first half warms up
                long t0 = Cpu.thread();
                items.store().save(known.get(0).sourceId(), known, StoredItems.NEWEST);
                long t1 = Cpu.thread();
                List<Item> fresh = new ArrayList<>();
                for (int i = 0; i < ItemStoreBenchmark.BATCH; i++) {
                    Item t = StoredItems.item(i);
                    fresh.add(new Item("new-items", "new-" + next++, "", t.published(), true, t.region(), t.title() + " neu",
                            t.summary(), false, t.link() + "?neu"));
                }
                long t2 = Cpu.thread();
                items.store().save("new-items", fresh, StoredItems.NEWEST);
                long t3 = Cpu.thread();
                republisher.publish(config);
                long t4 = Cpu.thread();
                // the new items go again, so the store keeps its size
                sideDoor.createStatement().executeUpdate("DELETE FROM item WHERE source_id = 'new-items'");
                if (round >= 0) {
                    cpu[0][round] = t1 - t0;
                    cpu[1][round] = t3 - t2;
                    cpu[2][round] = t4 - t3;
                }
            }
            double[] medians = new double[5];
            for (int op = 0; op < 3; op++) {
                Arrays.sort(cpu[op]);
                medians[op] = cpu[op][rounds / 2] / 1e3;
            }
            long entries = atomEntries(config.output());
            medians[3] = medians[2] / entries;
            medians[4] = entries;
            return medians;
        }
    }

    private static AppConfig config(Path folder) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<SourceConfig> sources = new ArrayList<>();
        for (int s = 0; s < StoredItems.SOURCES; s++) {
            sources.add(new SourceConfig("source-" + s, "Quelle " + s, java.net.URI.create("https://source-" + s + ".example.org/feed"),
                    SourceKind.FEED, "", berlin, Locale.GERMAN, Schedule.parse("every 30m"), null));
        }
        return new AppConfig(folder.resolve("rundschau.yaml"), new FeedConfig("Bench", StoredItems.ENTRY_ID_BASE + "combined", "", 100),
                folder.resolve("public"), new DatabaseConfig.Sqlite(folder.resolve("rundschau.db")), berlin, Locale.GERMAN, Schedule.parse("every 30m"),
                new FetchConfig(Duration.ZERO, Duration.ofSeconds(60), 1 << 20, "", false), Map.of(), sources);
    }
}
