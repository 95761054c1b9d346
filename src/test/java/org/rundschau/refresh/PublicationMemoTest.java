package org.rundschau.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.refresh.RealisticStore.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.Item;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.PublicationMemos;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;

/**
 * A new process (a cron {@code once}) starting from what the last one of its build rendered, kept
 * in the store: it renders only what changed since, and everything whenever the memo cannot be
 * trusted. Real SQLite, real files; each "process" is a new republisher.
 */
class PublicationMemoTest {
    private static final String BUILD = "1.0 jar 18161074 1764770000000";

    @TempDir
    Path dir;
    Database db;
    ItemStore store;
    PublishedFolder folder;

    @BeforeEach
    void fillTheStore() throws StoreException {
        db = Database.open(dir.resolve("data/r.db"));
        store = new ItemStore(db, "tag:rundschau.example.org,2026:");
        RealisticStore.fill(store);
        folder = new PublishedFolder(dir, store, new SourceStatusStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Republisher.Published publishInANewProcess(String build) throws Exception {
        return publishInANewProcess(build, config());
    }

    private Republisher.Published publishInANewProcess(String build, AppConfig config) throws Exception {
        return folder.newProcess(new PublicationMemos(db, build)).publish(config);
    }

    private AppConfig config() {
        return RealisticStore.config(dir, PublishedFolder.feed(""));
    }

    @Test
    void aNewProcessOfTheSameBuildLeavesEveryFeedAsItIsWhenNothingChanged() throws Exception {
        Republisher.Published first = publishInANewProcess(BUILD);
        Map<String, byte[]> bytes = new HashMap<>();
        Map<String, FileTime> times = new HashMap<>();
        for (String file : folder.files()) {
            bytes.put(file, Files.readAllBytes(folder.out().resolve(file)));
            times.put(file, Files.getLastModifiedTime(folder.out().resolve(file)));
        }
        Files.delete(folder.out().resolve("index.html"));

        Republisher.Published again = publishInANewProcess(BUILD);

        assertThat(first.rendered()).isTrue();
        assertThat(again.feedsRendered()).isEmpty();
        assertThat(again.changed()).isFalse();
        assertThat(again.entries()).isEqualTo(first.entries());
        assertThat(folder.files()).containsExactlyInAnyOrderElementsOf(bytes.keySet());
        for (String file : bytes.keySet()) {
            if (file.endsWith(".html") || file.endsWith(".opml")) continue;   // pages: written every time
            assertThat(Files.readAllBytes(folder.out().resolve(file))).as(file).isEqualTo(bytes.get(file));
            assertThat(Files.getLastModifiedTime(folder.out().resolve(file))).as(file).isEqualTo(times.get(file));
        }
        assertThat(folder.out().resolve("index.html")).as("the index shows health: written every time").exists();
    }

    @Test
    void aNewProcessAfterAnEditRendersOnlyTheFeedsThatShowTheItem() throws Exception {
        publishInANewProcess(BUILD);
        Item listed = RealisticStore.ticker(0, 70).get(69);   // in Bayern
        store.save("ticker", List.of(new Item(listed.sourceId(), listed.key(), listed.guid(), listed.published(),
                listed.dated(), listed.region(), "Tickermeldung 69: korrigiert", listed.summary(), listed.summaryIsHtml(),
                listed.link())), T0.plusSeconds(60));

        Republisher.Published again = publishInANewProcess(BUILD);

        assertThat(again.feedsRendered()).containsExactlyInAnyOrder("feed.atom", "feed.rss", "feed.json",
                "source/ticker.atom", "region/bayern.atom");
        assertThat(folder.entryTitles("source/ticker.atom")).contains("Bayern: Tickermeldung 69: korrigiert");
        folder.assertSameAsAFullRendering();
    }

    @Test
    void anotherBuildRendersEveryFeed() throws Exception {
        publishInANewProcess(BUILD);

        Republisher.Published again = publishInANewProcess("1.0 jar 18161074 1764770999999");

        assertThat(again.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
    }

    @Test
    void otherSettingsInTheNewProcessRenderEveryFeed() throws Exception {
        publishInANewProcess(BUILD);
        AppConfig config = config();
        FeedConfig feed = config.feed();
        // another title, which every region and source feed carries (the toString collision is tested below)
        FeedConfig retitled = new FeedConfig(feed.title() + ", id=x", feed.id(), feed.self(), feed.entries(),
                feed.link(), feed.perSource(), feed.hub());

        Republisher.Published again = publishInANewProcess(BUILD, new AppConfig(config.file(), retitled,
                config.output(), config.database(), config.timezone(), config.locale(), config.schedule(),
                config.fetch(), config.regions(), config.sources(), config.dedup(), config.retention()));

        assertThat(again.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
        assertThat(Files.readString(folder.out().resolve("region/bayern.atom"))).contains(feed.title() + ", id=x");
    }

    @Test
    void aFeedFileChangedOrRemovedBetweenTheProcessesIsWrittenAgain() throws Exception {
        publishInANewProcess(BUILD);
        Map<String, byte[]> before = new HashMap<>();
        for (String file : List.of("region/bayern.atom", "source/ticker.atom", "archive/1.atom", "feed.json")) {
            before.put(file, Files.readAllBytes(folder.out().resolve(file)));
        }
        Files.writeString(folder.out().resolve("source/ticker.atom"), "<feed/>");
        Files.delete(folder.out().resolve("region/bayern.atom"));
        Files.delete(folder.out().resolve("archive/1.atom"));
        Files.writeString(folder.out().resolve("feed.json"), "{}");

        Republisher.Published again = publishInANewProcess(BUILD);

        assertThat(again.feedsRendered()).contains("source/ticker.atom", "region/bayern.atom")
                .doesNotContain("source/kommune21.atom");
        for (Map.Entry<String, byte[]> file : before.entrySet()) {
            assertThat(Files.readAllBytes(folder.out().resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void aDamagedMemoIsNotUsedAndDoesNotFailThePublication() throws Exception {
        publishInANewProcess(BUILD);
        PublicationMemos memos = new PublicationMemos(db, BUILD);
        String output = folder.out().toAbsolutePath().normalize().toString();
        byte[] memo = memos.load(output).orElseThrow();
        memos.save(output, Arrays.copyOf(memo, memo.length / 2));

        Republisher.Published cut = publishInANewProcess(BUILD);
        memos.save(output, new byte[] {0, 0, 0, 7, 1});
        Republisher.Published foreign = publishInANewProcess(BUILD);

        // a full rendering, as without a memo, and no failure; then the memo is good again and used
        assertThat(cut.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
        assertThat(foreign.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
        assertThat(publishInANewProcess(BUILD).feedsRendered()).as("each rendering keeps a good memo again").isEmpty();
    }

    @Test
    void theSettingsFingerprintTellsApartWhatARecordsTextDoesNot() {
        FeedConfig a = new FeedConfig("Nachrichten, id=tag:x", "tag:y", "", 10);
        FeedConfig b = new FeedConfig("Nachrichten", "tag:x, id=tag:y", "", 10);

        assertThat(a.toString()).isEqualTo(b.toString());
        assertThat(Republisher.settingsFingerprint(a)).isNotEqualTo(Republisher.settingsFingerprint(b));
        assertThat(Republisher.settingsFingerprint(a, List.of(), Path.of("/srv")))
                .isEqualTo(Republisher.settingsFingerprint(new FeedConfig("Nachrichten, id=tag:x", "tag:y", "", 10),
                        List.of(), Path.of("/srv")));
    }


}
