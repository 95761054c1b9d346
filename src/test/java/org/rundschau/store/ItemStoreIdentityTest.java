package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;

/** Identity across URL moves and repeated guids, duplicates across sources, first fetches, retention. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Backend.class)
class ItemStoreIdentityTest {

    @Parameter
    TestStore.Backend backend;
    TestStore stores;
    private static final String BASE = "tag:news.example.org,2026:";
    private static final Instant T0 = Instant.parse("2025-02-07T08:00:00Z");
    private static final Instant DAY = Instant.parse("2025-02-07T00:00:00Z").minus(Duration.ofHours(1));  // midnight Berlin

    private static final String CIO = "Neue CIO für den Freistaat";
    private static final String CIO_TEASER = "Das Sächsische Staatsministerium des Innern hat eine neue Beauftragte "
            + "für Informationstechnologie berufen. Sie tritt ihr Amt am 1. März an und verantwortet die "
            + "Digitalisierung der Landesverwaltung.";

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

    private static Item item(String source, String key, String title, String summary, String link, Instant published) {
        return new Item(source, key, "", published, true, "", title, summary, false, link);
    }

    private static Item guided(String source, String key, String title, String link, Instant published) {
        return new Item(source, key, "guid-" + key, published, true, "", title, "", false, link);
    }

    private static Item withLink(Item i, String key, String link) {
        return new Item(i.sourceId(), key, i.guid(), i.published(), i.dated(), i.region(), i.title(), i.summary(),
                i.summaryIsHtml(), link);
    }

    private static Item withTitle(Item i, String title) {
        return new Item(i.sourceId(), i.key(), i.guid(), i.published(), i.dated(), i.region(), title, i.summary(),
                i.summaryIsHtml(), i.link());
    }

    private final Item listed = item("kommune21", "k-cio", CIO, CIO_TEASER,
            "https://www.kommune21.de/k21-meldungen/neue-cio/", DAY);

    // --- duplicates across sources ---

    @Test
    void aStoryFromASecondSourceUnderTheSameLinkJoinsTheFirstEntry() throws StoreException {
        store.save("kommune21", List.of(listed), T0);
        Item fromFeed = new Item("kommune21-rss", "g-cio", "https://www.kommune21.de/?p=4711",
                DAY.plus(Duration.ofHours(10)), true, "", "Sachsen: " + CIO, "Kurz: neue CIO", false, listed.link());

        assertThat(store.save("kommune21-rss", List.of(fromFeed), T0)).isEqualTo(new StoreResult(1, 0, 0, 1, 0, 0));

        Entry entry = onlyEntry();
        assertThat(entry.sourceId()).isEqualTo("kommune21");
        assertThat(entry.entryId()).isEqualTo(store.entryIdFor("kommune21", "k-cio"));
        assertThat(entry.alsoAt()).containsExactly(new Entry.Origin("kommune21-rss", listed.link()));
    }

    @Test
    void aSimilarStoryFromAnotherSourceWithinTheWindowJoinsTheFirstEntry() throws StoreException {
        store.save("kommune21", List.of(listed), T0);
        Item portal = item("portal", "p-1", CIO, CIO_TEASER.substring(0, 90) + " …",
                "https://portal.example.org/meldung/123", DAY.plus(Duration.ofHours(30)));

        assertThat(store.save("portal", List.of(portal), T0).merged()).isEqualTo(1);

        assertThat(onlyEntry().alsoAt()).containsExactly(new Entry.Origin("portal", portal.link()));
    }

    @Test
    void storedItemsWhoseShinglesAreMissingOrDamagedAreComparedByTheirText() throws Exception {
        double intact = scoreOfAThirdCopy(store, db, false);
        Database damagedDb = stores.open("damaged.db");
        double damaged = scoreOfAThirdCopy(new ItemStore(damagedDb, BASE), damagedDb, true);

        assertThat(damaged).isEqualTo(intact).isGreaterThan(0.8);
    }

    /**
     * Stores {@link #listed} and a shortened copy from a second source, maybe damages both items'
     * stored shingles (none for one, a value cut short for the other), then stores a third copy
     * and returns the score it joined with.
     */
    private double scoreOfAThirdCopy(ItemStore store, Database db, boolean damage) throws Exception {
        store.save("kommune21", List.of(listed), T0);
        store.save("portal", List.of(item("portal", "p-1", CIO, CIO_TEASER.substring(0, 120) + " …",
                "https://portal.example.org/meldung/123", DAY.plus(Duration.ofHours(30)))), T0);
        if (damage) {
            db.write("damage the stored shingles", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE item SET shingles = NULL WHERE source_id = 'portal'")
                            + st.executeUpdate("UPDATE item SET shingles = " + (stores.dialect() == Database.Dialect.SQLITE
                            ? "X'0100000003'" : "'\\x0100000003'::bytea") + " WHERE source_id = 'kommune21'");
                }
            });
        }
        Item blog = item("blog", "b-1", CIO, CIO_TEASER.substring(0, 90) + " …", "https://blog.example.org/cio",
                DAY.plus(Duration.ofHours(40)));
        assertThat(store.save("blog", List.of(blog), T0).merged()).isEqualTo(1);
        return store.provenance(blog.link()).get(0).origins().stream().filter(o -> o.sourceId().equals("blog"))
                .findFirst().orElseThrow().matchScore();
    }

    @Test
    void theSameHeadlineOutsideTheWindowIsAnotherStory() throws StoreException {
        store.save("kommune21", List.of(listed), T0);
        Item weekLater = item("portal", "p-1", CIO, CIO_TEASER, "https://portal.example.org/meldung/123",
                DAY.plus(Duration.ofDays(7)));

        assertThat(store.save("portal", List.of(weekLater), T0).merged()).isZero();
        assertThat(store.newest(10)).hasSize(2);
    }

    @Test
    void storiesSharingATopicPrefixStaySeparate() throws StoreException {
        store.save("kommune21", List.of(item("kommune21", "a", "Digitalisierung: Blick in die Glaskugel",
                "Was bringt das Jahr 2025 für die Verwaltung? Experten wagen eine Prognose.", "https://a.example/1", DAY)), T0);
        store.save("portal", List.of(item("portal", "b", "Digitalisierung: Verwaltung setzt auf KI",
                "Immer mehr Kommunen setzen künstliche Intelligenz ein.", "https://b.example/2", DAY)), T0);

        assertThat(store.newest(10)).hasSize(2).allSatisfy(e -> assertThat(e.alsoAt()).isEmpty());
    }

    @Test
    void aLinkSharedByItemsOfOneSourceIsNoEvidence() throws StoreException {
        String home = "https://www.example.org/";
        store.save("a", List.of(guided("a", "1", "Haushalt beschlossen für das kommende Jahr", home, DAY),
                guided("a", "2", "Bürgerbüro schließt wegen Umbau im März", home, DAY)), T0);

        store.save("b", List.of(guided("b", "3", "Feuerwehr erhält neues Fahrzeug heute", home, DAY)), T0);

        assertThat(store.newest(10)).hasSize(3);
    }

    @Test
    void itemsOfOneSourceNeverJoinEachOther() throws StoreException {
        Item second = item("kommune21", "k-other", CIO, CIO_TEASER, "https://www.kommune21.de/other", DAY.plus(Duration.ofDays(2)));

        assertThat(store.save("kommune21", List.of(listed, second), T0).merged()).isZero();
        assertThat(store.newest(10)).hasSize(2);
    }

    @Test
    void aThirdSourceJoinsTheEntryTheSecondJoined() throws StoreException {
        store.save("kommune21", List.of(listed), T0);
        store.save("portal", List.of(item("portal", "p", CIO, CIO_TEASER, "https://portal.example/p", DAY)), T0.plusSeconds(1));
        store.save("blog", List.of(item("blog", "b", CIO, CIO_TEASER, "https://blog.example/b", DAY)), T0.plusSeconds(2));

        assertThat(onlyEntry().alsoAt()).extracting(Entry.Origin::sourceId).containsExactly("portal", "blog");
    }

    @Test
    void anItemWhoseTeaserChangedIsComparedByItsNewTeaser() throws StoreException {
        String budget = "Der Landtag hat den Doppelhaushalt für die Jahre 2025 und 2026 mit breiter Mehrheit "
                + "beschlossen; die Kommunen erhalten mehr Mittel für Schulen und Straßen.";
        String weather = "Ein Sturmtief hat in der Nacht zahlreiche Bäume entwurzelt und Bahnstrecken im "
                + "ganzen Land blockiert; die Feuerwehren rückten mehrere hundert Mal aus.";
        store.save("kommune21", List.of(listed), T0);
        // kommune21's item is scored as a candidate with its first teaser (same headline, another story: no merge).
        assertThat(store.save("other", List.of(item("other", "o", CIO, budget, "https://other.example/o", DAY)),
                T0.plusSeconds(1)).merged()).isZero();
        Item rewritten = item("kommune21", "k-cio", CIO, weather, listed.link(), DAY);
        assertThat(store.save("kommune21", List.of(rewritten), T0.plusSeconds(2)).updated()).isEqualTo(1);

        // Compared with the teaser as it is now, not as it was when first scored.
        Item told = item("portal", "p", CIO, CIO_TEASER, "https://portal.example/p", DAY);
        assertThat(store.save("portal", List.of(told), T0.plusSeconds(3)).merged()).isZero();
        assertThat(store.newest(10)).hasSize(3);
    }

    @Test
    void aStoryNeverJoinsAnEntryHeldBackOnItsSourcesFirstFetch() throws StoreException {
        store = new ItemStore(db, BASE, new DedupConfig(0.8, Duration.ofDays(3), 0), RetentionConfig.KEEP_ALL);
        store.save("new-source", List.of(item("new-source", "k", CIO, CIO_TEASER, listed.link(), DAY)), T0);
        assertThat(store.newest(10)).isEmpty();

        Item told = item("portal", "p", CIO, CIO_TEASER, "https://portal.example/p", DAY);
        store = new ItemStore(db, BASE);
        assertThat(store.save("portal", List.of(told), T0).merged()).isZero();

        assertThat(onlyEntry().sourceId()).isEqualTo("portal");
    }

    @Test
    void provenanceShowsTheEntryItsOriginsAndTheScores() throws StoreException {
        store.save("kommune21", List.of(listed), T0);
        store.save("portal", List.of(item("portal", "p", CIO, CIO_TEASER, "https://portal.example/p", DAY)), T0);

        List<Provenance> found = store.provenance("https://portal.example/p");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).entry().sourceId()).isEqualTo("kommune21");
        assertThat(found.get(0).entry().isDuplicate()).isFalse();
        Provenance.StoredItem origin = found.get(0).origins().get(0);
        assertThat(origin.mergedInto()).isEqualTo(found.get(0).entry().entryId());
        assertThat(origin.matchRule()).isEqualTo("similar");
        assertThat(origin.matchScore()).isEqualTo(1.0);
        assertThat(store.provenance(found.get(0).entry().entryId())).isEqualTo(found);
        assertThat(store.provenance("https://nowhere.example/")).isEmpty();
    }

    // --- URL moves ---

    @Test
    void anItemReappearingUnderANewUrlWithTheSameHeadlineAndDateKeepsItsEntry() throws StoreException {
        Item old = withLink(listed, "k-old", "https://www.kommune21.de/meldung_12345.html");
        store.save("kommune21", List.of(old), T0);
        String id = onlyEntry().entryId();

        Item moved = withLink(listed, "k-new", "https://www.kommune21.de/k21-meldungen/neue-cio/");
        assertThat(store.save("kommune21", List.of(moved), T0.plusSeconds(60))).isEqualTo(new StoreResult(0, 0, 1));
        assertThat(store.save("kommune21", List.of(moved), T0.plusSeconds(120))).isEqualTo(new StoreResult(0, 0, 1));

        Entry entry = onlyEntry();
        assertThat(entry.entryId()).isEqualTo(id);
        assertThat(entry.link()).isEqualTo(moved.link());
        assertThat(entry.updated()).isEqualTo(DAY);
        assertThat(store.provenance(old.link())).singleElement()
                .satisfies(p -> assertThat(p.entry().aliases()).singleElement().satisfies(alias -> {
                    assertThat(alias.key()).isEqualTo("k-new");
                    assertThat(alias.formerLink()).isEqualTo(old.link());
                    assertThat(alias.reason()).isEqualTo("moved");
                }));
    }

    private static Item undated(String key, String title, String link) {
        return new Item("presse", key, "", T0, false, "", title, "", false, link);
    }

    @Test
    void anUndatedItemStoredWithoutItsFragmentKeepsItsEntryWhenTheLinkKeepsIt() throws StoreException {
        // Stores of builds that dropped fragments hold one item for a page's anchors, keyed by the bare link.
        store.save("presse", List.of(undated("bare", "Neue Kita in der Altstadt eröffnet", "https://stadt.example/presse")), T0);
        String id = onlyEntry().entryId();
        List<Item> anchors = List.of(
                undated("a1", "Neue Kita in der Altstadt eröffnet", "https://stadt.example/presse#meldung-1"),
                undated("a2", "Haushalt 2026 beschlossen", "https://stadt.example/presse#meldung-2"),
                undated("a3", "Sperrung der Brückenstraße", "https://stadt.example/presse#meldung-3"));

        assertThat(store.save("presse", anchors, T0.plusSeconds(60))).isEqualTo(new StoreResult(2, 0, 1));
        assertThat(store.save("presse", anchors, T0.plusSeconds(120))).isEqualTo(new StoreResult(0, 0, 3));

        assertThat(store.newest(10)).hasSize(3).filteredOn(e -> e.entryId().equals(id)).singleElement()
                .satisfies(e -> assertThat(e.link()).isEqualTo("https://stadt.example/presse#meldung-1"));
    }

    @Test
    void anAnchoredItemLeftAloneOnItsPageKeepsItsEntryUnderTheBareLink() throws StoreException {
        // A link keeps its fragment only while another item of the fetch shares its page.
        store.save("presse", List.of(
                undated("a1", "Neue Kita in der Altstadt eröffnet", "https://stadt.example/presse#meldung-1"),
                undated("a2", "Haushalt 2026 beschlossen", "https://stadt.example/presse#meldung-2")), T0);
        String id = store.entryIdFor("presse", "a2");

        assertThat(store.save("presse", List.of(undated("bare", "Haushalt 2026 beschlossen", "https://stadt.example/presse")),
                T0.plusSeconds(60))).isEqualTo(new StoreResult(0, 0, 1));
        assertThat(store.newest(10)).filteredOn(e -> e.entryId().equals(id)).singleElement()
                .satisfies(e -> assertThat(e.link()).isEqualTo("https://stadt.example/presse"));
    }

    @Test
    void aRecurringHeadlineUnderAnotherFragmentIsANewEntry() throws StoreException {
        store.save("presse", List.of(new Item("presse", "r1", "", DAY, true, "", "Wochenmarkt", "", false,
                "https://stadt.example/#!/artikel/1")), T0);

        assertThat(store.save("presse", List.of(new Item("presse", "r2", "", DAY.plus(Duration.ofDays(7)), true, "",
                "Wochenmarkt", "", false, "https://stadt.example/#!/artikel/2")), T0.plusSeconds(60)).added()).isEqualTo(1);
        assertThat(store.save("presse", List.of(undated("a3", "Wochenmarkt", "https://stadt.example/presse#meldung-3")),
                T0.plusSeconds(120)).added()).isEqualTo(1);
        assertThat(store.save("presse", List.of(undated("a4", "Wochenmarkt", "https://stadt.example/presse#meldung-4")),
                T0.plusSeconds(180)).added()).isEqualTo(1);
    }

    @Test
    void aDatedItemUnderTheBarePageOnAnotherDayIsANewEntry() throws StoreException {
        store.save("presse", List.of(new Item("presse", "bare", "", DAY, true, "", "Wochenmarkt", "", false,
                "https://stadt.example/presse")), T0);

        assertThat(store.save("presse", List.of(new Item("presse", "a1", "", DAY.plus(Duration.ofDays(7)), true, "",
                "Wochenmarkt", "", false, "https://stadt.example/presse#meldung-1")), T0.plusSeconds(60)).added()).isEqualTo(1);
    }

    @Test
    void anUndatedItemUnderANewLinkWithOnlyItsHeadlineInCommonIsANewEntry() throws StoreException {
        store.save("presse", List.of(undated("old", "Amtsblatt Nr. 12", "https://stadt.example/amtsblatt/12")), T0);

        assertThat(store.save("presse", List.of(undated("new", "Amtsblatt Nr. 12", "https://stadt.example/amtsblatt?nr=12")),
                T0.plusSeconds(60)).added()).isEqualTo(1);
    }

    @Test
    void aPrunedUndatedItemDoesNotComeBackWhenItsLinkKeepsItsFragment() throws StoreException {
        store = new ItemStore(db, BASE, DedupConfig.DEFAULTS, new RetentionConfig(Duration.ZERO, 1));
        Item older = new Item("presse", "bare", "", T0.minusSeconds(3600), false, "", "Sperrung der Brückenstraße", "",
                false, "https://stadt.example/presse");
        store.save("presse", List.of(older, undated("other", "Haushalt 2026 beschlossen", "https://stadt.example/h")), T0);
        assertThat(store.prune(T0)).isEqualTo(1);

        Item again = withLink(older, "anchored", "https://stadt.example/presse#meldung-3");
        assertThat(store.save("presse", List.of(again), T0.plusSeconds(60)).gone()).isEqualTo(1);
        assertThat(store.newest(10)).extracting(Entry::link).containsExactly("https://stadt.example/h");
    }

    @Test
    void theSameHeadlineOnAnotherDayIsANewItem() throws StoreException {
        store.save("kommune21", List.of(listed), T0);

        store.save("kommune21", List.of(item("kommune21", "k-2", CIO, CIO_TEASER, "https://www.kommune21.de/2",
                DAY.plus(Duration.ofDays(2)))), T0);

        assertThat(store.newest(10)).hasSize(2);
    }

    @Test
    void twoItemsWithOneHeadlineAndDateListedTogetherStayTwo() throws StoreException {
        Item first = item("stadt", "1", "Bekanntmachung der Stadtverwaltung heute", "", "https://stadt.example/1", DAY);
        Item second = item("stadt", "2", "Bekanntmachung der Stadtverwaltung heute", "", "https://stadt.example/2", DAY);
        store.save("stadt", List.of(first), T0);

        assertThat(store.save("stadt", List.of(second, first), T0.plusSeconds(60))).isEqualTo(new StoreResult(1, 0, 1));
        assertThat(store.newest(10)).hasSize(2);
    }

    @Test
    void aMovedItemWhoseTeaserChangedEntirelyIsAnotherItem() throws StoreException {
        store.save("kommune21", List.of(listed), T0);
        Item other = item("kommune21", "k-x", CIO, "Ganz andere Meldung über einen Wechsel im Landratsamt Görlitz.",
                "https://www.kommune21.de/x", DAY);

        assertThat(store.save("kommune21", List.of(other), T0).added()).isEqualTo(1);
    }

    // --- repeated guids ---

    @Test
    void aGuidRepeatedForDifferentItemsInOneFetchKeepsThemApart() throws StoreException {
        Item one = guided("svc", "same", "Kreistag beschließt Haushalt 2025", "https://svc.example/a", DAY);
        Item two = guided("svc", "same", "Landrat eröffnet neues Bürgerbüro", "https://svc.example/b", DAY);

        assertThat(store.save("svc", List.of(one, two), T0)).isEqualTo(new StoreResult(2, 0, 0));
        assertThat(store.save("svc", List.of(two, one), T0.plusSeconds(60))).isEqualTo(new StoreResult(0, 0, 2));

        assertThat(store.newest(10)).extracting(Entry::link).containsExactlyInAnyOrder(one.link(), two.link());
        assertThat(store.newest(10)).extracting(Entry::entryId).contains(store.entryIdFor("svc", "same"));
    }

    @Test
    void aGuidRepeatedWithTheSameLinkIsOneItemAndTheFirstWins() throws StoreException {
        Item one = guided("rtl", "g", "item1", "http://rtl.example/x?id=1", DAY);
        Item two = withTitle(one, "item2");

        assertThat(store.save("rtl", List.of(one, two), T0)).isEqualTo(new StoreResult(1, 0, 0));
        assertThat(onlyEntry().title()).isEqualTo("item1");
    }

    @Test
    void aGuidReusedLaterForAnotherStoryIsANewEntry() throws StoreException {
        Item first = guided("svc", "same", "Kreistag beschließt Haushalt 2025", "https://svc.example/a", DAY);
        store.save("svc", List.of(first), T0);
        Item later = guided("svc", "same", "Landrat eröffnet neues Bürgerbüro", "https://svc.example/b",
                DAY.plus(Duration.ofDays(5)));

        assertThat(store.save("svc", List.of(later), T0.plus(Duration.ofDays(5)))).isEqualTo(new StoreResult(1, 0, 0));
        assertThat(store.newest(10)).extracting(Entry::title).containsExactly(later.title(), first.title());
        // From now on the guid is known to be shared: the first item under its old link is still the first.
        assertThat(store.save("svc", List.of(first, later), T0.plus(Duration.ofDays(6)))).isEqualTo(new StoreResult(0, 0, 2));
    }

    @Test
    void aGuidWhoseHeadlineAndSlugChangeOnTheSameDayIsTheSameItem() throws StoreException {
        Item first = guided("blog", "p42", "Stadtrat berät über Glasfaser", "https://blog.example/stadtrat-glasfaser", DAY);
        store.save("blog", List.of(first), T0);
        String id = onlyEntry().entryId();

        Item edited = new Item("blog", "p42", first.guid(), DAY, true, "", "Stadtrat beschließt Glasfaserausbau", "",
                false, "https://blog.example/stadtrat-beschliesst-glasfaserausbau");
        assertThat(store.save("blog", List.of(edited), T0.plusSeconds(3600))).isEqualTo(new StoreResult(0, 1, 0));

        assertThat(onlyEntry().entryId()).isEqualTo(id);
        assertThat(onlyEntry().link()).isEqualTo(edited.link());
        assertThat(onlyEntry().updated()).isEqualTo(T0.plusSeconds(3600));
    }

    // --- no floods ---

    @Test
    void aNewSourcePutsOnlyItsNewestItemsIntoTheFeed() throws StoreException {
        store = new ItemStore(db, BASE, new DedupConfig(0.8, Duration.ofDays(3), 2), RetentionConfig.KEEP_ALL);
        List<Item> five = IntStream.range(0, 5)
                .mapToObj(i -> item("new", "k" + i, "Meldung Nummer " + i + " aus dem Rathaus", "", "https://n.example/" + i,
                        DAY.minus(Duration.ofDays(i)))).toList();

        assertThat(store.save("new", five, T0)).isEqualTo(new StoreResult(5, 0, 0, 0, 3, 0));
        assertThat(store.newest(10)).extracting(Entry::link).containsExactly("https://n.example/0", "https://n.example/1");

        Item fresh = item("new", "k9", "Ganz frische Meldung aus dem Rathaus", "", "https://n.example/9", DAY.plusSeconds(60));
        List<Item> again = new java.util.ArrayList<>(five);
        again.add(fresh);
        again.set(4, withTitle(five.get(4), "Meldung Nummer 4, korrigiert"));
        assertThat(store.save("new", again, T0.plusSeconds(60))).isEqualTo(new StoreResult(1, 1, 4));
        assertThat(store.newest(10)).extracting(Entry::link)
                .containsExactly("https://n.example/9", "https://n.example/0", "https://n.example/1");
    }

    // --- retention ---

    @Test
    void prunedItemsLeaveTombstonesAndNeverComeBack() throws StoreException {
        store = new ItemStore(db, BASE, DedupConfig.DEFAULTS, new RetentionConfig(Duration.ZERO, 2));
        List<Item> three = IntStream.range(0, 3).mapToObj(i -> item("s", "k" + i, "Meldung Nummer " + i + " im Kreis",
                "", "https://s.example/" + i, DAY.minus(Duration.ofDays(i)))).toList();
        store.save("s", three, T0);

        assertThat(store.prune(T0)).isEqualTo(1);
        assertThat(store.save("s", three, T0.plusSeconds(60))).isEqualTo(new StoreResult(0, 0, 2, 0, 0, 1));
        Item movedPruned = withLink(three.get(2), "k2-new", "https://s.example/neu/2");
        assertThat(store.save("s", List.of(movedPruned), T0.plusSeconds(120)).gone()).isEqualTo(1);

        assertThat(store.newest(10)).extracting(Entry::link).containsExactly("https://s.example/0", "https://s.example/1");
        assertThat(store.tombstones("https://s.example/2")).singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("k2"));
    }

    @Test
    void pruningByAgeTakesAliasesAndJoinedItemsAlong() throws StoreException {
        store = new ItemStore(db, BASE, DedupConfig.DEFAULTS, new RetentionConfig(Duration.ofDays(30), 0));
        Item old = withLink(listed, "k-old", "https://www.kommune21.de/meldung_12345.html");
        store.save("kommune21", List.of(old), T0);
        store.save("kommune21", List.of(withLink(listed, "k-new", "https://www.kommune21.de/neu")), T0);
        store.save("portal", List.of(item("portal", "p", CIO, CIO_TEASER, "https://portal.example/p", DAY)), T0);

        assertThat(store.prune(T0.plus(Duration.ofDays(29)))).isZero();
        assertThat(store.prune(T0.plus(Duration.ofDays(31)))).isEqualTo(2);

        assertThat(store.newest(10)).isEmpty();
        Instant later = T0.plus(Duration.ofDays(32));
        StoreResult again = store.save("kommune21", List.of(withLink(listed, "k-new", "https://www.kommune21.de/neu")), later);
        assertThat(again.gone()).isEqualTo(1);
        assertThat(store.save("portal", List.of(item("portal", "p", CIO, CIO_TEASER, "https://portal.example/p", DAY)),
                later).gone()).isEqualTo(1);
    }

    @Test
    void anItemAlreadyOlderThanTheMaximumAgeIsNotStored() throws StoreException {
        store = new ItemStore(db, BASE, DedupConfig.DEFAULTS, new RetentionConfig(Duration.ofDays(30), 0));

        assertThat(store.save("kommune21", List.of(listed), DAY.plus(Duration.ofDays(31))))
                .isEqualTo(new StoreResult(0, 0, 0, 0, 0, 1));
        assertThat(store.newest(10)).isEmpty();
    }

    // --- upgrade ---

    @Test
    void anUpgradeFromVersionOneKeepsEveryEntryAndIdAndIndexesTheOldItems() throws Exception {
        db.close();
        try (Database v1 = stores.open("v1.db", Migration.fromClasspath(stores.dialect()).subList(0, 1))) {
            v1.write("store two items as version 1 did", c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO item VALUES ('a', 'ka', 'tag:x,2026:a/1', '', 'https://x.example/1', "
                            + "'Gleiche Meldung in zwei Quellen heute', '', 0, '', 1000, 1, 1000, 1000, 'h1'), "
                            + "('b', 'kb', 'tag:x,2026:b/2', '', 'https://x.example/1', "
                            + "'Gleiche Meldung in zwei Quellen heute', '', 0, '', 2000, 1, 2000, 2000, 'h2')");
                }
                return null;
            });
        }
        db = stores.open("v1.db");
        store = new ItemStore(db, BASE);
        assertThat(store.newest(10)).extracting(Entry::entryId).containsExactly("tag:x,2026:b/2", "tag:x,2026:a/1");

        Item third = item("c", "kc", "Gleiche Meldung in zwei Quellen heute", "", "https://x.example/2", Instant.ofEpochMilli(3000));
        assertThat(store.save("c", List.of(third), T0).merged()).isEqualTo(1);

        assertThat(store.newest(10)).extracting(Entry::entryId).containsExactly("tag:x,2026:b/2", "tag:x,2026:a/1");
        assertThat(store.provenance("tag:x,2026:a/1").get(0).origins()).extracting(Provenance.StoredItem::sourceId)
                .containsExactly("c");
    }

    @Test
    void anUpgradeToBucketsNamedBySequenceNumberKeepsFindingTheStoredStories() throws Exception {
        db.close();
        String title = "Gleiche Meldung in zwei Quellen heute";
        long published = 3_000_000_000L;
        try (Database v5 = stores.open("v5.db", Migration.fromClasspath(stores.dialect()).subList(0, 5))) {
            v5.write("store an item and its buckets as version 5 did", c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO item (source_id, item_key, entry_id, guid, link, title, summary, "
                            + "summary_html, region, published, dated, first_seen, updated, content_hash, title_key) "
                            + "VALUES ('a', 'ka', 'tag:x,2026:a/1', '', 'https://x.example/1', '" + title + "', '', 0, '', "
                            + published + ", 1, " + published + ", " + published + ", 'h1', '" + TextFold.titleKey(title) + "')");
                    long week = Math.floorDiv(published, Duration.ofDays(7).toMillis());
                    for (long bucket : MinHash.buckets(Similarity.Text.of("", title, "").title())) {
                        st.executeUpdate("INSERT INTO lsh_bucket (week, bucket, published, source_id, item_key) VALUES ("
                                + week + ", " + bucket + ", " + published + ", 'a', 'ka')");
                    }
                }
                return null;
            });
        }
        db = stores.open("v5.db");
        store = new ItemStore(db, BASE);

        Item second = item("b", "kb", title, "", "https://y.example/2", Instant.ofEpochMilli(published + 60_000));
        assertThat(store.save("b", List.of(second), T0).merged()).isEqualTo(1);
        assertThat(store.newest(10)).extracting(Entry::entryId).containsExactly("tag:x,2026:a/1");
    }

    private Entry onlyEntry() throws StoreException {
        List<Entry> entries = store.newest(10);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
