package org.rundschau.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.refresh.RealisticStore.T0;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.model.ArchiveLayout;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;
import org.rundschau.publish.FeedArchive;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;

/**
 * The combined feed's archive pages hold entries only: items held back on a first fetch and items
 * that joined another source's entry take no place on them. Pages written before that rule, by a
 * store of schema version 12, stay as they were.
 */
class ArchivePagesTest {
    private static final FileTime PAST = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final String FIXTURE = "fixtures/archive-v12/";
    private static final String BASE = "tag:rundschau.example.org,2026:";

    @TempDir
    Path dir;
    Database db;
    ItemStore store;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void aFirstFetchWithItemsHeldBackAndDuplicatesOfAnotherSourceGivesFullPagesOnly() throws Exception {
        open(dir.resolve("data/r.db"));
        RealisticStore.fill(store);                          // kommune21 and the ticker: most items held back
        store.save("ticker-spiegel", mirrorOfTheTicker(), T0.plusSeconds(30));   // joined or held back: no entries
        store.save("ticker", RealisticStore.ticker(70, 130), T0.plusSeconds(60));
        PublishedFolder folder = new PublishedFolder(dir, store, new SourceStatusStore(db));
        long entries = store.archiveLayout().lastEntry();
        int pages = (int) (entries / PublishedFolder.PAGE_SIZE);
        assertThat(store.lastSequence() - entries).as("items that are no entries").isGreaterThan(100);
        assertThat(pages).isGreaterThanOrEqualTo(3);

        folder.publish(PublishedFolder.feed(""));

        for (int page = 1; page <= pages; page++) {
            assertThat(folder.entries(archivePage(page))).as(archivePage(page)).hasSize(PublishedFolder.PAGE_SIZE);
        }
        assertThat(folder.files()).doesNotContain(archivePage(pages + 1));
        assertThat(folder.link("feed.atom", "prev-archive")).isEqualTo(archivePage(pages));
        assertEveryEntryOnceOnAPageOrInTheCurrentFeed(folder, pages);
    }

    @Test
    void pagesWrittenBeforeEntryNumbersStayAsTheyWereAndFullPagesFollowThem() throws Exception {
        // Written by the build before entry numbers (see fixtures/archive-v12/README.md): 19, 11 and
        // 0 entries on the pages of 50 sequence numbers each.
        Path legacy = dir.resolve("legacy");
        copyFixture(legacy);
        open(legacy.resolve("data/r.db"));                  // upgrades the store to the shipped schema
        PublishedFolder folder = new PublishedFolder(legacy, store, new SourceStatusStore(db), FeedArchive.PAGE_SIZE);
        assertThat(store.archiveLayout()).isEqualTo(new ArchiveLayout(3, 150, 0));

        folder.publish(PublishedFolder.feed(""));
        assertLegacyPagesAsWritten(folder, true);
        assertThat(folder.files()).doesNotContain(archivePage(4));
        assertThat(folder.link("feed.atom", "prev-archive")).isEqualTo(archivePage(3));

        store.save("ticker", RealisticStore.ticker(70, 200), T0.plusSeconds(60));
        folder.publish(PublishedFolder.feed(""));

        int pages = 3 + (int) (store.archiveLayout().lastEntry() / FeedArchive.PAGE_SIZE);
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertLegacyPagesAsWritten(folder, true);
        for (int page = 4; page <= pages; page++) {
            assertThat(folder.entries(archivePage(page))).as(archivePage(page)).hasSize(FeedArchive.PAGE_SIZE);
            assertThat(folder.link(archivePage(page), "prev-archive")).isEqualTo(archivePage(page - 1));
        }
        assertThat(folder.files()).doesNotContain(archivePage(pages + 1));
        assertThat(folder.link("feed.atom", "prev-archive")).isEqualTo(archivePage(pages));
        assertEveryEntryOnceOnAPageOrInTheCurrentFeed(folder, pages);

        byte[] fourth = Files.readAllBytes(folder.out().resolve(archivePage(4)));
        for (int page : List.of(1, 3, 4)) Files.delete(folder.out().resolve(archivePage(page)));
        folder.publish(PublishedFolder.feed(""));

        assertLegacyPagesAsWritten(folder, false);
        assertThat(Files.readAllBytes(folder.out().resolve(archivePage(4)))).isEqualTo(fourth);
    }

    private void open(Path file) throws StoreException {
        db = Database.open(file);
        store = new ItemStore(db, BASE, DedupConfig.DEFAULTS, RetentionConfig.KEEP_ALL);
    }

    /** The ticker's first 70 items as a second source brings them, under the same links. */
    private static List<Item> mirrorOfTheTicker() {
        return RealisticStore.ticker(0, 70).stream().map(i -> new Item("ticker-spiegel", "s" + i.key(), "",
                i.published(), true, i.region(), i.title(), i.summary(), false, i.link())).toList();
    }

    /** The store and archive pages a version-12 build left, under {@code target}; the pages dated long ago. */
    private static void copyFixture(Path target) throws IOException {
        Files.createDirectories(target.resolve("data"));
        Files.createDirectories(target.resolve("public/archive"));
        try (InputStream in = new GZIPInputStream(resource("rundschau-v12.db.gz"))) {
            Files.copy(in, target.resolve("data/r.db"));
        }
        for (int page = 1; page <= 3; page++) {
            Path file = target.resolve("public").resolve(archivePage(page));
            try (InputStream in = resource(archivePage(page))) {
                Files.copy(in, file);
            }
            Files.setLastModifiedTime(file, PAST);
        }
    }

    private static void assertLegacyPagesAsWritten(PublishedFolder folder, boolean untouched) throws IOException {
        for (int page = 1; page <= 3; page++) {
            Path file = folder.out().resolve(archivePage(page));
            try (InputStream in = resource(archivePage(page))) {
                assertThat(Files.readAllBytes(file)).as(archivePage(page)).isEqualTo(in.readAllBytes());
            }
            if (untouched) assertThat(Files.getLastModifiedTime(file)).as(archivePage(page)).isEqualTo(PAST);
        }
    }

    /** Pages 1 to {@code pages} share no entry, and with the current feed hold every stored entry. */
    private void assertEveryEntryOnceOnAPageOrInTheCurrentFeed(PublishedFolder folder, int pages) throws Exception {
        List<String> archived = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            folder.entries(archivePage(page)).forEach(e -> archived.add(PublishedFolder.text(e, "id")));
        }
        Set<String> everywhere = new HashSet<>(archived);
        folder.entries("feed.atom").forEach(e -> everywhere.add(PublishedFolder.text(e, "id")));

        assertThat(archived).doesNotHaveDuplicates();
        assertThat(everywhere).containsExactlyInAnyOrderElementsOf(
                store.newest(100_000).stream().map(Entry::entryId).toList());
    }

    private static String archivePage(int page) {
        return "archive/" + page + ".atom";
    }

    private static InputStream resource(String name) {
        InputStream in = ArchivePagesTest.class.getClassLoader().getResourceAsStream(FIXTURE + name);
        if (in == null) throw new IllegalStateException("test resource " + FIXTURE + name + " is missing");
        return in;
    }
}
