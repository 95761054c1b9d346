package org.rundschau.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.rundschau.config.FeedConfig;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.Generator;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.JsonFeedPublisher;
import org.rundschau.publish.RssPublisher;
import org.rundschau.store.ItemStore;
import org.rundschau.store.PublicationMemos;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.store.StoreException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A publication of the {@link RealisticStore} into {@code <dir>/public}, and what its documents say. */
final class PublishedFolder {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String BASE = "https://news.example.org/";
    static final int PAGE_SIZE = 20;
    static final int ENTRIES = 30;
    static final int PER_SOURCE = 5;

    private final Path dir;
    private final ItemStore store;
    private final SourceStatusStore statuses;
    private final int pageSize;
    private final Republisher republisher;

    PublishedFolder(Path dir, ItemStore store, SourceStatusStore statuses) {
        this(dir, store, statuses, PAGE_SIZE);
    }

    /** @param pageSize the archive's page size ({@link FeedArchive#PAGE_SIZE} for a store of an earlier version) */
    PublishedFolder(Path dir, ItemStore store, SourceStatusStore statuses, int pageSize) {
        this.dir = dir;
        this.store = store;
        this.statuses = statuses;
        this.pageSize = pageSize;
        this.republisher = republisher(null);
    }

    static FeedConfig feed(String hub) {
        return new FeedConfig("Kommunale Digitalnachrichten", RealisticStore.FEED_ID, BASE + "feed.atom", ENTRIES, "",
                PER_SOURCE, hub);
    }

    /** Publishes with the same republisher each time, as {@code run} does: it skips feeds that cannot have changed. */
    Republisher.Published publish(FeedConfig feed) throws StoreException, IOException {
        return republisher.publish(RealisticStore.config(dir, feed));
    }

    /** Publishes {@code config} with the same republisher as {@link #publish(FeedConfig)}. */
    Republisher.Published publish(org.rundschau.config.AppConfig config) throws StoreException, IOException {
        return republisher.publish(config);
    }

    /** Publishes with a new republisher, as a new {@code once} process does: it renders every feed. */
    Republisher.Published publishAfresh(FeedConfig feed) throws StoreException, IOException {
        return republisher(null).publish(RealisticStore.config(dir, feed));
    }

    /**
     * A republisher as a new process of a build makes it: it starts from the memo that build kept in
     * the store, and keeps its own there.
     */
    Republisher newProcess(PublicationMemos memos) {
        return republisher(memos);
    }

    private Republisher republisher(PublicationMemos memos) {
        Generator generator = new Generator("Rundschau", "", "test");
        return new Republisher(store, statuses, new FeedPublisher(new AtomPublisher("de", generator),
                new RssPublisher("de", generator), new JsonFeedPublisher("de")), new FeedArchive(pageSize),
                new HubNotifier(HttpClient.newHttpClient(), Duration.ofSeconds(5), "Rundschau/test"),
                new PagePublisher(), new OpmlPublisher(), null, memos);
    }

    Path out() {
        return dir.resolve("public");
    }

    /** Every file under the output folder, as a path relative to it. */
    List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(out())) {
            return files.filter(Files::isRegularFile).map(f -> out().relativize(f).toString().replace('\\', '/')).toList();
        }
    }

    /** Every feed file and source page as a new republisher without a memo, which renders every feed, would write it. */
    void assertSameAsAFullRendering() throws Exception {
        Map<String, String> partly = new HashMap<>();
        for (String file : files()) partly.put(file, Files.readString(out().resolve(file)));

        publishAfresh(feed(""));

        assertThat(files()).containsExactlyInAnyOrderElementsOf(partly.keySet());
        for (String file : files()) {
            // and the source pages, rendered with the feeds and only when their entries change
            if (file.endsWith(".atom") || file.endsWith(".rss") || file.endsWith(".json")
                    || file.startsWith("source/") && file.endsWith(".html")) {
                assertThat(Files.readString(out().resolve(file))).as(file).isEqualTo(partly.get(file));
            }
        }
    }

    /** The region and source feeds in the output folder, however many. */
    List<String> regionAndSourceFeedsOrNone() throws IOException {
        return files().stream()
                .filter(f -> (f.startsWith("region/") || f.startsWith("source/")) && f.endsWith(".atom")).toList();
    }

    /** The region and source feeds in the output folder (the store's regions and sources have some). */
    List<String> regionAndSourceFeeds() throws IOException {
        List<String> feeds = files().stream()
                .filter(f -> (f.startsWith("region/") || f.startsWith("source/")) && f.endsWith(".atom")).toList();
        assertThat(feeds).contains("source/ticker.atom", "region/bayern.atom");
        return feeds;
    }

    List<Element> entries(String path) throws Exception {
        NodeList list = document(path).getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) entries.add((Element) list.item(i));
        return entries;
    }

    List<String> entryTitles(String path) throws Exception {
        return entries(path).stream().map(e -> text(e, "title")).toList();
    }

    Instant updated(String path) throws Exception {
        return Instant.parse(feedChild(path, "updated", "").orElseThrow().getTextContent());
    }

    /** The output path the feed-level link {@code rel} of {@code path} points to; null when there is none. */
    String link(String path, String rel) throws Exception {
        return feedChild(path, "link", rel).map(e -> e.getAttribute("href"))
                .map(href -> href.startsWith(BASE) ? href.substring(BASE.length()) : href).orElse(null);
    }

    private java.util.Optional<Element> feedChild(String path, String name, String rel) throws Exception {
        for (Node n = document(path).getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name) && (rel.isEmpty() || e.getAttribute("rel").equals(rel))) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    private Document document(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(out().resolve(path).toFile());
    }

    static String text(Element entry, String name) {
        NodeList list = entry.getElementsByTagNameNS(ATOM, name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }
}
