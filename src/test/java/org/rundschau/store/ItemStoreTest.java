package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.rundschau.model.ArchiveLayout;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Backend.class)
class ItemStoreTest {

    @Parameter
    TestStore.Backend backend;
    TestStore stores;

    private static final String BASE = "tag:news.example.org,2026:";
    private static final String SOURCE = "kommune21";
    private static final Instant T0 = Instant.parse("2025-02-07T08:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofHours(1));
    private static final Instant MUCH_LATER = T0.plus(Duration.ofDays(3));

    @TempDir
    Path dir;
    Database db;
    ItemStore store;

    @BeforeEach
    void open() throws StoreException {
        stores = new TestStore(backend, dir);
        db = stores.open("rundschau.db");
        store = new ItemStore(db, BASE);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private static Item dated(String key, String title, Instant published) {
        return new Item(SOURCE, key, "", published, true, "Sachsen", title, "Teaser zu " + title, false,
                "https://www.kommune21.de/" + key);
    }

    private static Item undated(String key, String title, Instant fetchedAt) {
        return new Item(SOURCE, key, "", fetchedAt, false, "", title, "", false, "https://www.kommune21.de/" + key);
    }

    private static Item withTitle(Item i, String title) {
        return new Item(i.sourceId(), i.key(), i.guid(), i.published(), i.dated(), i.region(), title, i.summary(),
                i.summaryIsHtml(), i.link());
    }

    private static Item withSummary(Item i, String summary) {
        return new Item(i.sourceId(), i.key(), i.guid(), i.published(), i.dated(), i.region(), i.title(), summary,
                i.summaryIsHtml(), i.link());
    }

    private static Item withRegion(Item i, String region) {
        return new Item(i.sourceId(), i.key(), i.guid(), i.published(), i.dated(), region, i.title(), i.summary(),
                i.summaryIsHtml(), i.link());
    }

    private static Item withLink(Item i, String link) {
        return new Item(i.sourceId(), i.key(), i.guid(), i.published(), i.dated(), i.region(), i.title(),
                i.summary(), i.summaryIsHtml(), link);
    }

    private static Item withPublished(Item i, Instant published) {
        return new Item(i.sourceId(), i.key(), i.guid(), published, i.dated(), i.region(), i.title(), i.summary(),
                i.summaryIsHtml(), i.link());
    }

    private Entry only() throws StoreException {
        List<Entry> entries = store.newest(10);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private final Item a = dated("a", "Neue CIO für den Freistaat", T0);
    private final Item b = dated("b", "Blick in die Glaskugel", T0.minus(Duration.ofDays(1)));
    private final Item c = dated("c", "OZG-Umsetzung", T0.minus(Duration.ofDays(2)));

    @Test
    void countsNewItemsAsAdded() throws StoreException {
        assertThat(store.save(SOURCE, List.of(a, b, c), T0)).isEqualTo(new StoreResult(3, 0, 0));
    }

    @Test
    void savingTheSameItemsAgainAddsAndChangesNothing() throws StoreException {
        store.save(SOURCE, List.of(a, b, c), T0);
        List<Entry> before = store.newest(10);

        assertThat(store.save(SOURCE, List.of(a, b, c), MUCH_LATER)).isEqualTo(new StoreResult(0, 0, 3));
        assertThat(store.newest(10)).isEqualTo(before);
    }

    @Test
    void storesEveryFieldOfANewItem() throws StoreException {
        Item html = new Item(SOURCE, "k", "guid-1", T0, true, "Sachsen", "Titel", "<p>Text</p>", true,
                "https://example.org/k");
        store.save(SOURCE, List.of(html), LATER);

        assertThat(only()).isEqualTo(new Entry(store.entryIdFor(SOURCE, "k"), SOURCE, "Sachsen", "Titel",
                "<p>Text</p>", true, "https://example.org/k", T0, T0));
    }

    @Test
    void aTitleEditKeepsTheEntryIdAndSetsUpdatedToSeenAt() throws StoreException {
        store.save(SOURCE, List.of(a), T0);
        Entry first = only();

        assertThat(store.save(SOURCE, List.of(withTitle(a, "Neuer CIO für den Freistaat")), LATER))
                .isEqualTo(new StoreResult(0, 1, 0));

        Entry edited = only();
        assertThat(edited.entryId()).isEqualTo(first.entryId());
        assertThat(edited.title()).isEqualTo("Neuer CIO für den Freistaat");
        assertThat(edited.published()).isEqualTo(T0);
        assertThat(edited.updated()).isEqualTo(LATER);
    }

    @Test
    void aSummaryOrRegionEditIsAnUpdate() throws StoreException {
        store.save(SOURCE, List.of(a, b), T0);

        StoreResult result = store.save(SOURCE, List.of(withSummary(a, "Anderer Teaser"), withRegion(b, "Bayern")), LATER);

        assertThat(result).isEqualTo(new StoreResult(0, 2, 0));
        assertThat(store.newest(10)).extracting(Entry::updated).containsOnly(LATER);
        assertThat(store.newest(10)).extracting(Entry::region).containsExactly("Sachsen", "Bayern");
    }

    @Test
    void whitespaceDifferencesAreNotAnUpdate() throws StoreException {
        store.save(SOURCE, List.of(a), T0);

        Item respaced = withSummary(withTitle(a, "  Neue CIO\u00a0für\n den   Freistaat "), " Teaser\tzu Neue CIO für den Freistaat");

        assertThat(store.save(SOURCE, List.of(respaced), LATER)).isEqualTo(new StoreResult(0, 0, 1));
        assertThat(only().updated()).isEqualTo(T0);
    }

    @Test
    void aChangedLinkAloneIsStoredWithoutAnUpdate() throws StoreException {
        store.save(SOURCE, List.of(a), T0);

        assertThat(store.save(SOURCE, List.of(withLink(a, "https://www.kommune21.de/neu")), LATER))
                .isEqualTo(new StoreResult(0, 0, 1));

        assertThat(only().link()).isEqualTo("https://www.kommune21.de/neu");
        assertThat(only().updated()).isEqualTo(T0);
    }

    @Test
    void anUndatedItemKeepsTheTimeItWasFirstSeen() throws StoreException {
        store.save(SOURCE, List.of(undated("u", "Ohne Datum", T0)), T0);
        store.save(SOURCE, List.of(undated("u", "Ohne Datum", LATER)), LATER);
        store.save(SOURCE, List.of(undated("u", "Ohne Datum, korrigiert", MUCH_LATER)), MUCH_LATER);

        Entry entry = only();
        assertThat(entry.published()).isEqualTo(T0);
        assertThat(entry.updated()).isEqualTo(MUCH_LATER);
    }

    @Test
    void publishedNeverChangesOnceStored() throws StoreException {
        store.save(SOURCE, List.of(a), T0);

        store.save(SOURCE, List.of(withPublished(a, T0.plus(Duration.ofDays(1)))), LATER);

        assertThat(only().published()).isEqualTo(T0);
    }

    @Test
    void updatedIsNeverBeforePublished() throws StoreException {
        Instant future = MUCH_LATER;
        store.save(SOURCE, List.of(withPublished(a, future)), T0);

        store.save(SOURCE, List.of(withTitle(withPublished(a, future), "Geändert")), LATER);

        assertThat(only().updated()).isEqualTo(future);
    }

    @Test
    void updatedNeverMovesBackwards() throws StoreException {
        store.save(SOURCE, List.of(a), T0);
        store.save(SOURCE, List.of(withTitle(a, "Zweite Fassung")), MUCH_LATER);

        store.save(SOURCE, List.of(withTitle(a, "Dritte Fassung")), LATER);

        assertThat(only().title()).isEqualTo("Dritte Fassung");
        assertThat(only().updated()).isEqualTo(MUCH_LATER);
    }

    @Test
    void entryIdsAreStableAcrossCloseAndReopen() throws StoreException {
        store.save(SOURCE, List.of(a, b), T0);
        List<String> ids = store.newest(10).stream().map(Entry::entryId).toList();
        db.close();

        db = stores.open("rundschau.db");
        store = new ItemStore(db, "tag:other.example.org,2027:");
        store.save(SOURCE, List.of(withTitle(a, "Geändert"), b, c), LATER);

        List<Entry> entries = store.newest(10);
        assertThat(entries.subList(0, 2)).extracting(Entry::entryId).isEqualTo(ids);
        assertThat(entries.get(2).entryId()).startsWith("tag:other.example.org,2027:kommune21/");
    }

    @Test
    void entryIdsAreReadableTagUris() {
        assertThat(store.entryIdFor("kommune21", "some key")).matches("tag:news\\.example\\.org,2026:kommune21/[0-9a-f]{16}");
        assertThat(new ItemStore(db, "tag:news.example.org,2026").entryIdFor("s", "k"))
                .startsWith("tag:news.example.org,2026:s/");
        assertThat(new ItemStore(db, "https://news.example.org/entries").entryIdFor("s", "k"))
                .startsWith("https://news.example.org/entries/s/");
        assertThat(store.entryIdFor("s", "k")).isNotEqualTo(store.entryIdFor("s", "k2"))
                .isNotEqualTo(store.entryIdFor("t", "k"));
    }

    @Test
    void rejectsAnEntryIdBaseThatIsNotAUri() {
        assertThatThrownBy(() -> new ItemStore(db, "news.example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("news.example.org");
        assertThatThrownBy(() -> new ItemStore(db, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newestListsNewestFirstAndHonoursTheLimit() throws StoreException {
        store.save(SOURCE, List.of(c, a, b), T0);

        assertThat(store.newest(2)).extracting(Entry::title).containsExactly(a.title(), b.title());
        assertThat(store.newest(0)).isEmpty();
    }

    @Test
    void entriesWithEqualPublishedKeepOneOrderWhateverTheInsertOrder() throws StoreException {
        List<Item> same = IntStream.range(0, 8).mapToObj(i -> dated("k" + i, "Titel " + i, T0)).toList();
        store.save(SOURCE, same, T0);
        List<String> order = store.newest(10).stream().map(Entry::entryId).toList();

        try (Database other = stores.open("other.db")) {
            // Without its index SQLite returns ties in insertion order: the ORDER BY alone must decide.
            other.write("drop the newest index", conn -> {
                try (Statement st = conn.createStatement()) {
                    return st.executeUpdate("DROP INDEX item_newest");
                }
            });
            ItemStore otherStore = new ItemStore(other, BASE);
            List<Item> reversed = new ArrayList<>(same);
            Collections.reverse(reversed);
            otherStore.save(SOURCE, reversed, T0);
            assertThat(otherStore.newest(10)).extracting(Entry::entryId).isEqualTo(order);
        }
        assertThat(order).isSorted();
        assertThat(store.newest(10)).extracting(Entry::entryId).isEqualTo(order);
    }

    @Test
    void storesManyItemsInOneSave() throws StoreException {
        List<Item> many = IntStream.range(0, 2_000)
                .mapToObj(i -> dated("key-" + i, "Titel " + i, T0.minusSeconds(i))).toList();

        assertThat(store.save(SOURCE, many, T0)).isEqualTo(new StoreResult(2_000, 0, 0));
        assertThat(store.save(SOURCE, many, LATER)).isEqualTo(new StoreResult(0, 0, 2_000));
        List<Entry> entries = store.newest(5_000);
        assertThat(entries).hasSize(2_000);
        assertThat(entries.get(0).title()).isEqualTo("Titel 0");
        assertThat(entries.get(1_999).title()).isEqualTo("Titel 1999");
    }

    @Test
    void theFirstOfTwoItemsWithOneKeyWins() throws StoreException {
        assertThat(store.save(SOURCE, List.of(a, withTitle(a, "Zweites Vorkommen")), T0))
                .isEqualTo(new StoreResult(1, 0, 0));

        assertThat(only().title()).isEqualTo(a.title());
        assertThat(only().updated()).isEqualTo(T0);
    }

    @Test
    void sameKeyInTwoSourcesIsTwoEntries() throws StoreException {
        Item elsewhere = new Item("egovernment", "a", "", T0, true, "", "Anderswo", "", false, "");
        store.save(SOURCE, List.of(a), T0);
        store.save("egovernment", List.of(elsewhere), T0);

        assertThat(store.newest(10)).extracting(Entry::sourceId).containsExactlyInAnyOrder(SOURCE, "egovernment");
    }

    @Test
    void refusesAnItemOfAnotherSource() {
        Item elsewhere = new Item("egovernment", "x", "", T0, true, "", "Anderswo", "", false, "");
        assertThatThrownBy(() -> store.save(SOURCE, List.of(a, elsewhere), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("egovernment");
    }

    @Test
    void aFailedSaveStoresNothingAndSaysWhatItWasDoing() throws StoreException {
        db.write("add a failing trigger", conn -> {
            try (Statement st = conn.createStatement()) {
                if (stores.dialect() == Database.Dialect.SQLITE) {
                    st.executeUpdate("CREATE TRIGGER boom BEFORE INSERT ON item WHEN NEW.title = 'boom' "
                            + "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
                } else {
                    st.execute("CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                            + "RAISE EXCEPTION 'disk on fire'; END $$");
                    st.execute("CREATE TRIGGER boom BEFORE INSERT ON item FOR EACH ROW WHEN (NEW.title = 'boom') "
                            + "EXECUTE FUNCTION boom()");
                }
            }
            return null;
        });

        assertThatThrownBy(() -> store.save(SOURCE, List.of(a, b, dated("x", "boom", T0)), T0))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: could not save 3 items of source kommune21: ")
                .hasMessageContaining("disk on fire");
        assertThat(store.newest(10)).isEmpty();
        assertThat(store.save(SOURCE, List.of(a), T0)).isEqualTo(new StoreResult(1, 0, 0));
    }

    @Test
    void savesFromSeveralThreadsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoreResult>> results = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                String source = "source-" + s;
                List<Item> items = IntStream.range(0, 100)
                        .mapToObj(i -> new Item(source, "k" + i, "", T0.minusSeconds(i), true, "", "T" + i, "", false, ""))
                        .toList();
                results.add(pool.submit(() -> store.save(source, items, T0)));
            }
            for (Future<StoreResult> result : results) assertThat(result.get()).isEqualTo(new StoreResult(100, 0, 0));
        } finally {
            pool.shutdown();
        }
        assertThat(store.newest(1_000)).hasSize(400);
        assertThat(store.lastSequence()).isEqualTo(400);
        assertThat(store.inSequence(0, 400)).hasSize(400);
    }

    @Test
    void anEmptyListChangesNothing() throws StoreException {
        assertThat(store.save(SOURCE, List.of(), T0)).isEqualTo(StoreResult.NOTHING);
    }

    // --- reading for the feeds ------------------------------------------------------------------

    private static Item of(String source, String key, String region, Instant published) {
        return new Item(source, key, "", published, true, region, "Titel " + key, "", false, "https://example.org/" + key);
    }

    @Test
    void sequenceNumbersFollowTheOrderOfStoringNotThePublishedDate() throws StoreException {
        assertThat(store.lastSequence()).isZero();
        store.save(SOURCE, List.of(a, b), T0);
        Item older = dated("old", "Alte Meldung", T0.minus(Duration.ofDays(400)));
        store.save(SOURCE, List.of(older, a), LATER);
        store.save("egovernment", List.of(of("egovernment", "e", "", MUCH_LATER)), T0);

        assertThat(store.lastSequence()).isEqualTo(4);
        assertThat(store.inSequence(0, 4)).extracting(Entry::title)
                .containsExactly(a.title(), b.title(), "Alte Meldung", "Titel e");
        assertThat(store.inSequence(2, 3)).extracting(Entry::title).containsExactly("Alte Meldung");
        assertThat(store.inSequence(4, 10)).isEmpty();
    }

    @Test
    void anUpdateKeepsTheSequenceNumber() throws StoreException {
        store.save(SOURCE, List.of(a, b), T0);
        store.save(SOURCE, List.of(withTitle(a, "Neuer Titel")), LATER);

        assertThat(store.lastSequence()).isEqualTo(2);
        assertThat(store.inSequence(0, 1)).extracting(Entry::title).containsExactly("Neuer Titel");
    }

    @Test
    void migrationNumbersItemsStoredBeforeItInFirstSeenOrder() throws StoreException {
        db.close();
        try (Database old = stores.open("old.db", Migration.fromClasspath(stores.dialect()).subList(0, 1))) {
            // As version 1 stored them (today's ItemStore needs the later schema): c first, then a and b.
            old.write("store three items as version 1 did", conn -> {
                try (var ps = conn.prepareStatement("INSERT INTO item VALUES (?, ?, ?, '', ?, ?, ?, 0, ?, ?, 1, ?, ?, ?)")) {
                    for (Item item : List.of(c, a, b)) {
                        Instant seen = item == c ? MUCH_LATER : T0;
                        Object[] values = {item.sourceId(), item.key(), BASE + item.key(), item.link(), item.title(),
                                item.summary(), item.region(), item.published().toEpochMilli(), seen.toEpochMilli(),
                                item.published().toEpochMilli(), "h-" + item.key()};
                        for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
        db = stores.open("old.db");
        store = new ItemStore(db, BASE);
        store.save(SOURCE, List.of(dated("d", "Danach", T0)), T0);

        assertThat(store.inSequence(0, 4)).extracting(Entry::title)
                .containsExactly(a.title(), b.title(), c.title(), "Danach");
    }

    @Test
    void entryNumbersCountEntriesOnlyNotItemsHeldBackOrJoinedToAnotherEntry() throws StoreException {
        store = new ItemStore(db, BASE, new DedupConfig(0.8, Duration.ofDays(3), 10), RetentionConfig.KEEP_ALL);
        assertThat(store.archiveLayout()).isEqualTo(new ArchiveLayout(0, 0, 0));
        List<Item> firstFetch = IntStream.range(0, 30).mapToObj(i -> of("busy", "b" + i, "", T0.minusSeconds(i))).toList();
        assertThat(store.save("busy", firstFetch, T0).heldBack()).isEqualTo(20);
        // Another source's first fetch: three stories busy brought already (same links), and one of its own.
        List<Item> copies = IntStream.range(0, 3).mapToObj(i -> new Item("other", "copy" + i, "", T0.minusSeconds(i),
                true, "", "Titel b" + i, "", false, "https://example.org/b" + i)).toList();
        List<Item> other = new ArrayList<>(copies);
        other.add(of("other", "o1", "", LATER));
        assertThat(store.save("other", other, T0).merged()).isEqualTo(3);
        store.save("busy", List.of(of("busy", "b30", "", MUCH_LATER)), MUCH_LATER);

        assertThat(store.lastSequence()).isEqualTo(30 + 4 + 1);
        assertThat(store.archiveLayout()).isEqualTo(new ArchiveLayout(0, 0, 10 + 1 + 1));
        assertThat(store.inEntryOrder(0, Long.MAX_VALUE)).extracting(Entry::title).containsExactlyElementsOf(
                java.util.stream.Stream.concat(IntStream.range(0, 10).mapToObj(i -> "Titel b" + i),
                        java.util.stream.Stream.of("Titel o1", "Titel b30")).toList());
        assertThat(store.inEntryOrder(10, 11)).extracting(Entry::title).containsExactly("Titel o1");
        assertThat(store.inEntryOrder(0, 3).get(0).alsoAt()).extracting(Entry.Origin::sourceId).containsExactly("other");
    }

    @Test
    void anEntryNumberIsNeverGivenTwiceAlsoWhenTheNewestEntryWasPruned() throws StoreException {
        store.save(SOURCE, List.of(dated("a1", "Erste", T0), dated("a2", "Zweite", LATER)), T0);
        store.save(SOURCE, List.of(dated("old", "Alte Meldung, spät gefunden", T0.minus(Duration.ofDays(400)))), LATER);
        ItemStore pruning = new ItemStore(db, BASE, DedupConfig.DEFAULTS, new RetentionConfig(Duration.ZERO, 2));
        assertThat(pruning.prune(MUCH_LATER)).isEqualTo(1);   // the oldest-dated, though the newest stored

        store.save(SOURCE, List.of(dated("a4", "Neu", MUCH_LATER)), MUCH_LATER);

        assertThat(store.archiveLayout().lastEntry()).isEqualTo(4);
        assertThat(store.inEntryOrder(0, 4)).extracting(Entry::title).containsExactly("Erste", "Zweite", "Neu");
        assertThat(store.inEntryOrder(3, 4)).extracting(Entry::title).containsExactly("Neu");
    }

    @Test
    void theUpgradeToEntryNumbersKeepsThePagesFullUnderTheSequenceCutAndNumbersTheEntriesAfterThem() throws Exception {
        db.close();
        // As version 12 stored them: every third item held back, every other fifth joined to entry a/1.
        try (Database v12 = stores.open("v12.db", Migration.fromClasspath(stores.dialect()).subList(0, 12))) {
            v12.write("store 120 items as version 12 did", c -> {
                try (var ps = c.prepareStatement("INSERT INTO item (source_id, item_key, entry_id, guid, link, title, "
                        + "summary, summary_html, region, published, dated, first_seen, updated, content_hash, held_back, "
                        + "merged_into, seq) VALUES (?, ?, ?, '', ?, ?, '', 0, '', ?, 1, ?, ?, ?, ?, ?, ?)")) {
                    for (long seq = 1; seq <= 120; seq++) {
                        String source = merged(seq) ? "b" : "a";
                        Object[] values = {source, "k" + seq, BASE + source + "/" + seq, "https://x.example/" + seq,
                                "Meldung " + seq, 1000 * seq, 1000 * seq, 1000 * seq, "h" + seq, seq % 3 == 0 ? 1 : 0,
                                merged(seq) ? BASE + "a/1" : null, seq};
                        for (int i = 0; i < values.length; i++) {
                            if (values[i] == null) ps.setNull(i + 1, java.sql.Types.VARCHAR);
                            else ps.setObject(i + 1, values[i]);
                        }
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
        db = stores.open("v12.db");
        store = new ItemStore(db, BASE);
        List<String> after = IntStream.rangeClosed(101, 120).filter(seq -> seq % 3 != 0 && !merged(seq))
                .mapToObj(seq -> "Meldung " + seq).toList();
        List<String> onLegacyPages = IntStream.rangeClosed(1, 100).filter(seq -> seq % 3 != 0 && !merged(seq))
                .mapToObj(seq -> "Meldung " + seq).toList();

        assertThat(store.archiveLayout()).isEqualTo(new ArchiveLayout(2, 100, after.size()));
        assertThat(store.inEntryOrder(0, Long.MAX_VALUE)).extracting(Entry::title).containsExactlyElementsOf(after);
        assertThat(store.inSequence(0, 100)).extracting(Entry::title).containsExactlyElementsOf(onLegacyPages);

        store.save("a", List.of(new Item("a", "new", "", T0, true, "", "Danach", "", false, "https://x.example/new")), T0);
        assertThat(store.archiveLayout().lastEntry()).isEqualTo(after.size() + 1);
        assertThat(store.inEntryOrder(after.size(), after.size() + 1)).extracting(Entry::title).containsExactly("Danach");
    }

    /** In the version-12 store above: whether the item numbered {@code seq} joined another entry. */
    private static boolean merged(long seq) {
        return seq % 3 != 0 && seq % 5 == 0;
    }

    @Test
    void newestOfEachSourceKeepsTheNewestFewOfEverySource() throws StoreException {
        List<Item> busy = IntStream.range(0, 5).mapToObj(i -> of("busy", "b" + i, "", T0.minusSeconds(i))).toList();
        store.save("busy", busy, T0);
        store.save("quiet", List.of(of("quiet", "q0", "", T0.minus(Duration.ofDays(30)))), T0);

        assertThat(store.newestOfEachSource(2)).extracting(Entry::title)
                .containsExactly("Titel b0", "Titel b1", "Titel q0");
        assertThatThrownBy(() -> store.newestOfEachSource(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newestInRegionAndOfSourceSelectExactlyThatRegionOrSource() throws StoreException {
        store.save("one", List.of(of("one", "x1", "Baden-Württemberg", T0), of("one", "x2", "Bayern", LATER),
                of("one", "x3", "Baden-Württemberg", MUCH_LATER)), T0);
        store.save("two", List.of(of("two", "y1", "Baden-Württemberg", LATER)), T0);

        assertThat(store.newestInRegion("Baden-Württemberg", 10)).extracting(Entry::title)
                .containsExactly("Titel x3", "Titel y1", "Titel x1");
        assertThat(store.newestInRegion("Baden-Württemberg", 1)).extracting(Entry::title).containsExactly("Titel x3");
        assertThat(store.newestInRegion("baden-württemberg", 10)).isEmpty();
        assertThat(store.newestOfSource("one", 2)).extracting(Entry::title).containsExactly("Titel x3", "Titel x2");
        assertThat(store.newestOfSource("three", 2)).isEmpty();
    }

    @Test
    void theFeedsOfManySourcesOrRegionsAreReadTogetherEachAsItWouldBeAlone() throws StoreException {
        store.save("one", List.of(of("one", "x1", "Baden-Württemberg", T0), of("one", "x2", "Bayern", LATER),
                of("one", "x3", "Baden-Württemberg", MUCH_LATER)), T0);
        store.save("two", List.of(of("two", "y1", "Bayern", LATER)), T0);
        // Same link as one's newest item: it joins that entry, which then names it in alsoAt.
        store.save("late", List.of(new Item("late", "l0", "", MUCH_LATER, true, "", "Titel x3", "", false,
                "https://example.org/x3")), T0);

        Map<String, List<Entry>> sources = store.newestOfSources(List.of("two", "three", "one", "two"), 2);
        Map<String, List<Entry>> regions = store.newestInRegions(List.of("Bayern", "Baden-Württemberg"), 5);

        // The oracle: the newest entries over all sources (another query), filtered and cut in Java.
        List<Entry> all = store.newest(100);
        assertThat(sources.keySet()).containsExactly("two", "three", "one");
        for (String source : sources.keySet()) {
            assertThat(sources.get(source)).as(source)
                    .isEqualTo(all.stream().filter(e -> e.sourceId().equals(source)).limit(2).toList());
        }
        assertThat(sources.get("one")).extracting(Entry::title).containsExactly("Titel x3", "Titel x2");
        assertThat(sources.get("one").get(0).alsoAt()).extracting(Entry.Origin::sourceId).containsExactly("late");
        assertThat(sources.get("three")).isEmpty();
        assertThat(regions.keySet()).containsExactly("Bayern", "Baden-Württemberg");
        for (String region : regions.keySet()) {
            assertThat(regions.get(region)).as(region)
                    .isEqualTo(all.stream().filter(e -> e.region().equals(region)).limit(5).toList());
        }
        assertThat(regions.get("Bayern")).extracting(Entry::title).containsExactlyInAnyOrder("Titel x2", "Titel y1");
    }

    @Test
    void regionsComeInTheOrderTheyFirstAppeared() throws StoreException {
        store.save("one", List.of(of("one", "x1", "Köln", T0), of("one", "x2", "", T0)), T0);
        store.save("two", List.of(of("two", "y1", "Bayern", MUCH_LATER), of("two", "y2", "Köln", LATER),
                of("two", "y3", "Aachen", T0)), T0);

        assertThat(store.regions()).containsExactly("Köln", "Bayern", "Aachen");
    }

    @Test
    void newestOfEachSourceCoversEverySourceAndLeavesOutItemsThatJoinedAnotherEntry() throws StoreException {
        for (int n = 0; n < 30; n++) {
            String source = "s" + n;
            store.save(source, List.of(of(source, source + "-a", "", T0.minusSeconds(n)),
                    of(source, source + "-b", "", T0.minusSeconds(100 + n))), T0);
        }
        // Same link as s0's newest item: it joins that entry and is not an entry of its own.
        store.save("late", List.of(new Item("late", "l0", "", T0.plusSeconds(5), true, "Sachsen", "Titel s0-a", "",
                false, "https://example.org/s0-a")), T0);

        List<Entry> newest = store.newestOfEachSource(1);
        assertThat(newest).hasSize(30).extracting(Entry::title).startsWith("Titel s0-a", "Titel s1-a", "Titel s2-a");
        assertThat(newest).extracting(Entry::sourceId).doesNotContain("late");
        assertThat(newest.get(0).alsoAt()).extracting(Entry.Origin::sourceId).containsExactly("late");
        assertThat(store.newestOfEachSource(5)).hasSize(60);
    }

    @Test
    void aRegionOnlyADuplicateCarriesIsNotARegionOfTheFeeds() throws StoreException {
        store.save("one", List.of(of("one", "x1", "Köln", T0)), T0);
        store.save("two", List.of(new Item("two", "y1", "", LATER, true, "Sachsen", "Titel x1", "", false,
                "https://example.org/x1"), of("two", "y2", "Bayern", LATER)), T0);

        assertThat(store.regions()).containsExactly("Köln", "Bayern");
    }

    @Test
    void theChangeCountMovesWithEveryWriteToAnItemAndOnlyThen() throws StoreException {
        store = new ItemStore(db, BASE, DedupConfig.DEFAULTS, new RetentionConfig(Duration.ofDays(30), 0));
        Item cio = dated("cio", "Neue CIO für den Freistaat", T0);
        Item portal = dated("portal", "Ein Portal für alle Kreise", T0);
        long empty = store.changeCount();

        store.save(SOURCE, List.of(cio, portal), T0);
        long stored = store.changeCount();
        store.save(SOURCE, List.of(cio, portal), LATER);
        new SourceStatusStore(db).save(SourceStatus.never(SOURCE).unchanged(LATER, 304, Validators.NONE));
        long seenAgain = store.changeCount();
        store.save(SOURCE, List.of(withSummary(cio, "Ein neuer Teaser."), portal), LATER);
        long edited = store.changeCount();
        store.prune(T0.plus(Duration.ofDays(31)));
        long pruned = store.changeCount();
        store.prune(T0.plus(Duration.ofDays(31)));

        assertThat(stored).as("two new items").isGreaterThan(empty);
        assertThat(seenAgain).as("the same items seen again, and a source's health written").isEqualTo(stored);
        assertThat(edited).as("a teaser edited").isGreaterThan(seenAgain);
        assertThat(pruned).as("both pruned").isGreaterThan(edited);
        assertThat(store.changeCount()).as("nothing left to prune").isEqualTo(pruned);
    }
}
