package org.rundschau.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.Item;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.StoreException;
import org.rundschau.store.StoreResult;

/**
 * What storing and deduplicating 1,000 new items costs against a store of 1,000 and of 100,000
 * items. Not part of the test suite (its name does not end in Test); run it with
 * <pre>mvn -q test -Dtest=DedupBenchmark [-Ddedup.benchmark.sizes=1000,100000]</pre>
 * or {@code java -cp ... org.rundschau.bench.DedupBenchmark [STORED...]}.
 *
 * <p>Stored items arrive as a busy aggregator's would: 100 sources, {@value #PER_DAY} items a day,
 * so a store of 100,000 items spans almost three years, one of 1,000 items ten days. The 1,000 new
 * items come from 50 sources as 50 fetches of 20 items, dated within the last day; one in ten
 * retells a recent story of another source (same headline, teaser cut shorter, other link) and one
 * in twenty carries the link of a recent item of another source. Headlines and teasers are drawn
 * from a Zipf-distributed vocabulary, so common words recur as in real news. Each measurement saves
 * the new items into a fresh copy of the prepared store; the median of {@value #ROUNDS} rounds
 * (after one warm-up round) is reported, as wall time and as CPU time of the saving thread (SQLite
 * runs in that thread, so its work is included).
 */
public final class DedupBenchmark {
    static final int PER_DAY = 100;
    static final int ROUNDS = 7;
    static final int NEW_ITEMS = 1_000;
    static final int BATCH = 20;
    /** The store is filled in larger saves than a fetch's, only to prepare it sooner. */
    static final int FILL_BATCH = 500;
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Words words = new Words(new SplittableRandom(1), 4_000);

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        new DedupBenchmark().run(sizes);
    }

    @Test
    void run() throws Exception {
        String sizes = System.getProperty("dedup.benchmark.sizes", "");
        main(sizes.isBlank() ? new String[0] : sizes.split(","));
    }

    record Measurement(int stored, long wallMicros, long cpuMicros, StoreResult result) {}

    void run(int[] sizes) throws Exception {
        Path dir = Files.createTempDirectory("rundschau-bench");
        List<List<Item>> recent = new ArrayList<>();
        for (int size : sizes) recent.add(prepare(base(dir, size), size));
        // Rounds alternate between the sizes, so that other load on the machine falls on both alike.
        List<List<Measurement>> rounds = new ArrayList<>();
        for (int size : sizes) rounds.add(new ArrayList<>());
        for (int round = 0; round <= ROUNDS; round++) {
            for (int i = 0; i < sizes.length; i++) {
                Measurement m = measureOnce(dir, base(dir, sizes[i]), sizes[i], recent.get(i), round);
                if (round > 0) rounds.get(i).add(m);
            }
        }
        List<Measurement> results = rounds.stream().map(DedupBenchmark::median).toList();
        System.out.println();
        System.out.println("Storing and deduplicating " + NEW_ITEMS + " new items (50 fetches of " + BATCH + "), median of "
                + ROUNDS + " rounds:");
        System.out.println("  stored items   wall ms   CPU ms   CPU µs/item   new  merged");
        for (Measurement m : results) {
            System.out.printf(Locale.ROOT, "  %12d  %8.1f  %7.1f  %12.0f  %4d  %6d%n", m.stored(), m.wallMicros() / 1000.0,
                    m.cpuMicros() / 1000.0, (double) m.cpuMicros() / NEW_ITEMS, m.result().added(), m.result().merged());
        }
        if (results.size() >= 2) {
            Measurement small = results.get(0);
            Measurement large = results.get(results.size() - 1);
            System.out.printf(Locale.ROOT, "  ratio %d/%d: wall %.2f, CPU %.2f%n", large.stored(), small.stored(),
                    (double) large.wallMicros() / small.wallMicros(), (double) large.cpuMicros() / small.cpuMicros());
        }
        deleteAll(dir);
    }

    /** Fills a store with {@code size} items and returns the newest three days of them. */
    private List<Item> prepare(Path file, int size) throws StoreException {
        long started = System.nanoTime();
        List<Item> recent = new ArrayList<>();
        try (Database db = Database.open(file)) {
            ItemStore store = store(db);
            SplittableRandom random = new SplittableRandom(size);
            Duration step = Duration.ofMillis(Duration.ofDays(1).toMillis() / PER_DAY);
            Instant newest = NOW.minus(Duration.ofDays(1));
            List<Item> batch = new ArrayList<>();
            String source = "";
            for (int i = 0; i < size; i++) {
                if (i % FILL_BATCH == 0) {
                    save(store, source, batch, newest);
                    source = "source-" + random.nextInt(100);
                }
                Instant published = newest.minus(step.multipliedBy(i));
                Item item = story(random, source, "s" + i, published);
                batch.add(item);
                if (published.isAfter(NOW.minus(Duration.ofDays(4)))) recent.add(item);
            }
            save(store, source, batch, newest);
        }
        System.out.printf(Locale.ROOT, "prepared a store of %d items in %.1f s%n", size, (System.nanoTime() - started) / 1e9);
        return recent;
    }

    private static void save(ItemStore store, String source, List<Item> batch, Instant seenAt) throws StoreException {
        if (!batch.isEmpty()) store.save(source, batch, seenAt);
        batch.clear();
    }

    private static Path base(Path dir, int size) {
        return dir.resolve("stored-" + size + ".db");
    }

    /** Saves a round's new items into a fresh copy of the prepared store. */
    private Measurement measureOnce(Path dir, Path base, int size, List<Item> recent, int round) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path copy = dir.resolve("round.db");
        Files.copy(base, copy);
        List<List<Item>> fetches = newItems(new SplittableRandom(1_000 + round), recent);
        Measurement m;
        try (Database db = Database.open(copy)) {
            ItemStore store = store(db);
            StoreResult result = StoreResult.NOTHING;
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (List<Item> fetch : fetches) result = result.plus(store.save(fetch.get(0).sourceId(), fetch, NOW));
            m = new Measurement(size, (System.nanoTime() - wall) / 1_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000,
                    result);
        }
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(dir.resolve("round.db" + suffix));
        return m;
    }

    private static Measurement median(List<Measurement> rounds) {
        long wall = median(rounds.stream().mapToLong(Measurement::wallMicros).toArray());
        long cpu = median(rounds.stream().mapToLong(Measurement::cpuMicros).toArray());
        return new Measurement(rounds.get(0).stored(), wall, cpu, rounds.get(0).result());
    }

    private List<List<Item>> newItems(SplittableRandom random, List<Item> recent) {
        List<List<Item>> fetches = new ArrayList<>();
        for (int f = 0; f < NEW_ITEMS / BATCH; f++) {
            String source = "new-" + f;
            List<Item> fetch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String key = "n" + random.nextLong();
                Instant published = NOW.minus(Duration.ofMinutes(random.nextInt(24 * 60)));
                int kind = random.nextInt(20);
                Item item;
                if (kind < 2 && !recent.isEmpty()) {
                    Item told = recent.get(random.nextInt(recent.size()));
                    String cut = told.summary().substring(0, told.summary().length() / 2) + " …";
                    item = new Item(source, key, "", published, true, told.region(), told.title(), cut, false,
                            "https://" + source + ".example/" + key);
                } else if (kind == 2 && !recent.isEmpty()) {
                    Item linked = recent.get(random.nextInt(recent.size()));
                    item = new Item(source, key, "", published, true, "", words.sentence(random, 6), "", false,
                            linked.link());
                } else {
                    item = story(random, source, key, published);
                }
                fetch.add(item);
            }
            fetches.add(fetch);
        }
        return fetches;
    }

    private Item story(SplittableRandom random, String source, String key, Instant published) {
        String region = random.nextInt(2) == 0 ? "" : Words.REGIONS[random.nextInt(Words.REGIONS.length)];
        return new Item(source, key, "", published, true, region, words.sentence(random, 5 + random.nextInt(5)),
                words.sentence(random, 20 + random.nextInt(20)), false, "https://" + source + ".example/" + key);
    }

    private static ItemStore store(Database db) {
        return new ItemStore(db, "tag:bench.example.org,2026:", new DedupConfig(0.8, Duration.ofDays(3), Integer.MAX_VALUE),
                RetentionConfig.KEEP_ALL);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** A vocabulary of made-up German-looking words, drawn with Zipf frequencies (rank r has weight 1/r). */
    static final class Words {
        static final String[] REGIONS = {"Bayern", "Sachsen", "Hessen", "Berlin", "Hamburg", "Bremen", "Thüringen",
                "Brandenburg", "Saarland", "Niedersachsen", "Rheinland-Pfalz", "Baden-Württemberg"};
        private static final String[] SYLLABLES = {"ver", "wal", "tung", "di", "gi", "ta", "li", "sie", "rung", "kom",
                "mu", "ne", "land", "kreis", "bür", "ger", "ser", "vice", "por", "tal", "netz", "da", "ten", "schutz",
                "cloud", "amt", "stadt", "rat", "haus", "halt", "plan", "pro", "jekt", "for", "um", "start"};
        private final String[] vocabulary;
        private final double[] cumulative;

        Words(SplittableRandom random, int size) {
            vocabulary = new String[size];
            cumulative = new double[size];
            double total = 0;
            for (int i = 0; i < size; i++) {
                StringBuilder word = new StringBuilder();
                int syllables = 2 + random.nextInt(3);
                for (int s = 0; s < syllables; s++) word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                vocabulary[i] = word.append(i).toString();
                total += 1.0 / (i + 1);
                cumulative[i] = total;
            }
            for (int i = 0; i < size; i++) cumulative[i] /= total;
        }

        String sentence(SplittableRandom random, int length) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int index = Arrays.binarySearch(cumulative, random.nextDouble());
                sentence.append(i == 0 ? "" : " ").append(vocabulary[index < 0 ? Math.min(-index - 1, vocabulary.length - 1) : index]);
            }
            return sentence.toString();
        }
    }
}
