package org.rundschau.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.model.Extraction;
import org.rundschau.model.Item;
import org.rundschau.model.Page;
import org.rundschau.model.Validators;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.RegionMapper;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.testing.TempFolders;

/**
 * The store's share of a cold cycle, alone: the items of the cycle benchmark's N sources are
 * extracted and normalised once, then saved into a fresh SQLite store, one save per source as a
 * refresh does, on one thread, in several rounds (a fresh store each round). Prints the CPU of
 * the saving thread per round. With no HTTP, no parsing and no other thread beside it, its
 * run-to-run spread is a few per cent, against ±15 % for the whole cycle on a virtual machine:
 * the tool for deciding whether a change to the store pays.
 *
 * <pre>java -Xmx128m -cp … org.rundschau.bench.StoreReplay [N sources, default 1000] [rounds, default 5]</pre>
 */
public final class StoreReplay {
    private StoreReplay() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("rundschau-replay");
        try {
            List<List<Item>> fetches = fetches(dir.resolve("site"), count);
            int items = fetches.stream().mapToInt(List::size).sum();
            System.out.printf(Locale.ROOT, "%d sources, %d items, saved on one thread into a fresh SQLite store per round%n",
                    fetches.size(), items);
            double[] perItem = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                Path db = dir.resolve("store-" + round + "/rundschau.db");
                long cpu;
                try (Database database = Database.open(db)) {
                    ItemStore store = new ItemStore(database, "tag:bench.example,2026:", DedupConfig.DEFAULTS,
                            RetentionConfig.DEFAULTS);
                    Instant seenAt = Instant.now();
                    long t0 = Cpu.thread();
                    for (List<Item> fetch : fetches) {
                        if (!fetch.isEmpty()) store.save(fetch.get(0).sourceId(), fetch, seenAt);
                    }
                    cpu = Cpu.thread() - t0;
                }
                perItem[round] = cpu / 1000.0 / items;
                System.out.printf(Locale.ROOT, "round %d: %.2f s CPU, %.1f µs per item, %.2f ms per source; DB %.1f MiB%n",
                        round + 1, cpu / 1e9, perItem[round], cpu / 1e6 / fetches.size(), Files.size(db) / (1024.0 * 1024.0));
            }
            if (rounds > 1) {
                System.out.printf(Locale.ROOT, "median of rounds 2..%d (round 1 warms the JIT): %.1f µs per item%n",
                        rounds, median(Arrays.copyOfRange(perItem, 1, rounds)));
            }
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Each source's normalised items, as a cold cycle's refresh would hand them to the store. */
    public static List<List<Item>> fetches(Path folder, int count) throws Exception {
        List<SyntheticSite> sites = SyntheticCorpus.mixed(folder, count);
        HtmlExtractor html = new HtmlExtractor();
        FeedExtractor feeds = new FeedExtractor();
        Normalizer normalizer = new Normalizer(RegionMapper.bundled(Map.of()));
        Instant fetchedAt = Instant.now();
        List<List<Item>> fetches = new ArrayList<>(sites.size());
        for (SyntheticSite site : sites) {
            URI url = URI.create("http://127.0.0.1" + site.urlPath());
            SelectorRules rules = SyntheticCorpus.selectors(site.kind()).orElse(null);
            SourceConfig source = new SourceConfig(site.id(), "Source " + site.id(), url,
                    rules == null ? SourceKind.FEED : SourceKind.HTML, "", SyntheticCorpus.BERLIN, Locale.GERMAN,
                    Schedule.parse("every 30m"), rules);
            Page page = new Page(url, url, 200, site.contentType(), Files.readAllBytes(site.file()), fetchedAt,
                    Validators.NONE);
            Extraction extraction = rules == null ? feeds.extract(page) : html.extract(page, rules);
            List<Item> items = new ArrayList<>();
            extraction.items().forEach(raw ->
                    normalizer.normalize(raw, source, extraction.language(), fetchedAt).ifPresent(items::add));
            fetches.add(items);
        }
        return fetches;
    }
}
