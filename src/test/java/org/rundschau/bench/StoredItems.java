package org.rundschau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.rundschau.model.Item;
import java.net.http.HttpClient;
import java.time.Duration;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.Generator;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.JsonFeedPublisher;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.publish.RssPublisher;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.Database;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.ItemStore;
import org.rundschau.store.StoreException;

/**
 * A store filled as a busy aggregator's would be: {@value #SOURCES} sources, items a few minutes
 * apart going back in time, a third with a region, headlines and teasers from a small vocabulary.
 * Item {@code n} of a store is always the same, so benchmarks can ask for items already stored.
 */
public final class StoredItems implements AutoCloseable {
    public static final int SOURCES = 50;
    public static final Instant NEWEST = Instant.parse("2025-07-01T08:00:00Z");
    static final String ENTRY_ID_BASE = "tag:bench.example,2026:";
    private static final String[] REGIONS = {"Sachsen", "Bayern", "Hamburg", "Nordrhein-Westfalen", "Brandenburg", "",
            "", "", "", ""};
    private static final String[] WORDS = ("Stadtverwaltung Landkreis Bürgerportal Kommune startet erweitert prüft "
            + "Online-Anträge E-Rechnung Glasfasernetz Bauanträge Cloud-Strategie Schulen Bürgerservice Haushalt "
            + "Grundsteuer Förderung Datenschutz Plattform Schnittstelle Kooperation Rechenzentrum Kreistag").split(" ");

    private final Path folder;
    private final Database database;
    private final ItemStore store;
    /** One for every republisher: each of the JDK's HTTP clients keeps a thread of its own. */
    private final HubNotifier hub = new HubNotifier(HttpClient.newHttpClient(), Duration.ofSeconds(1), "Rundschau/bench");

    private StoredItems(Path folder, Database database, ItemStore store) {
        this.folder = folder;
        this.database = database;
        this.store = store;
    }

    /** A new store in a temporary folder holding {@code count} items. */
    public static StoredItems filled(int count) throws IOException, StoreException {
        Path folder = Files.createTempDirectory("rundschau-jmh-store");
        Database database = Database.open(folder.resolve("rundschau.db"));
        ItemStore store = new ItemStore(database, ENTRY_ID_BASE);
        List<Item> batch = new ArrayList<>(500);
        for (int n = 0; n < count; n++) {
            batch.add(item(n));
            if (batch.size() == 500 || n == count - 1) {
                // one save per source, as refreshes do
                batch.sort(Comparator.comparing(Item::sourceId));
                int from = 0;
                for (int i = 1; i <= batch.size(); i++) {
                    if (i == batch.size() || !batch.get(i).sourceId().equals(batch.get(from).sourceId())) {
                        store.save(batch.get(from).sourceId(), batch.subList(from, i), NEWEST);
                        from = i;
                    }
                }
                batch.clear();
            }
        }
        return new StoredItems(folder, database, store);
    }

    /** Item number {@code n}: source {@code n % SOURCES}, published {@code n} times 3 minutes before {@link #NEWEST}. */
    public static Item item(int n) {
        SplittableRandom random = new SplittableRandom(n);
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 6; w++) title.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        title.append(' ').append(n);
        StringBuilder summary = new StringBuilder();
        for (int w = 0; w < 40; w++) summary.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        String source = "source-" + (n % SOURCES);
        return new Item(source, "key-" + n, "", NEWEST.minus(Duration.ofMinutes(3L * n)), true,
                REGIONS[random.nextInt(REGIONS.length)], title.toString(), summary.toString(), false,
                "https://" + source + ".example.org/meldung/" + n);
    }

    /**
     * A new republisher of every document Rundschau publishes (all feed formats, archive, pages,
     * OPML), no WebSub hub. A new one has published nothing yet, so its first publication renders
     * every feed, as a {@code once} does; it remembers what it wrote, so its next publication of
     * an unchanged store renders nothing, as in {@code run}.
     */
    public Republisher republisher() {
        Generator generator = new Generator("Rundschau", "", "bench");
        return new Republisher(store, new SourceStatusStore(database), new FeedPublisher(new AtomPublisher("de", generator),
                new RssPublisher("de", generator), new JsonFeedPublisher("de")), new FeedArchive(FeedArchive.PAGE_SIZE),
                hub, new PagePublisher(), new OpmlPublisher());
    }

    public ItemStore store() {
        return store;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        database.close();
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
