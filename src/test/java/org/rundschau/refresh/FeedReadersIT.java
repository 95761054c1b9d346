package org.rundschau.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rundschau.config.FeedConfig;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.Generator;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.JsonFeedPublisher;
import org.rundschau.publish.RssPublisher;
import org.rundschau.store.Database;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.store.ItemStore;
import org.rundschau.testing.FeedReaders;
import org.rundschau.testing.FeedReaders.ReadEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The published documents as real feed readers show them: every entry with its title, link and
 * date. Published without {@code feed.self}, the shipped configuration, so the documents link each
 * other relatively. The JSON Feed is not read here: neither Debian's newsboat 2.21 nor its
 * feedparser 6.0 reads JSON Feed; FeedFormats checks it instead.
 */
class FeedReadersIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    static Path dir;

    @BeforeAll
    static void publishARealisticStore() throws Exception {
        try (Database db = Database.open(dir.resolve("data/r.db"))) {
            ItemStore store = new ItemStore(db, "tag:rundschau.example.org,2026:");
            RealisticStore.fill(store);
            Generator generator = new Generator("Rundschau", "", "test");
            new Republisher(store, new SourceStatusStore(db), new FeedPublisher(new AtomPublisher("de", generator),
                    new RssPublisher("de", generator), new JsonFeedPublisher("de")), new FeedArchive(20),
                    new HubNotifier(HttpClient.newHttpClient(), Duration.ofSeconds(1), "test"), new PagePublisher(),
                    new OpmlPublisher())
                    .publish(RealisticStore.config(dir, new FeedConfig("Kommunale Digitalnachrichten",
                            RealisticStore.FEED_ID, "", 30, "", 5, "")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"feed.atom", "feed.rss", "archive/1.atom", "region/baden-wuerttemberg.atom",
            "region/landkreis-goerlitz.atom", "source/koeln-presse.atom", "source/egov-blog.atom"})
    void newsboatShowsEveryEntryWithItsTitleLinkAndDate(String document) throws Exception {
        List<ReadEntry> expected = expected(document);

        List<ReadEntry> shown = FeedReaders.newsboat(out().resolve(document), dir.resolve("newsboat/" + document));

        assertThat(expected).isNotEmpty();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"feed.atom", "feed.rss", "archive/1.atom", "region/baden-wuerttemberg.atom",
            "region/landkreis-goerlitz.atom", "source/koeln-presse.atom", "source/egov-blog.atom"})
    void feedparserShowsEveryEntryWithItsTitleLinkAndDate(String document) throws Exception {
        // feedparser reads an Atom id like an RSS guid without isPermaLink="false": an entry without
        // link shows its id as link (feedparser/namespaces/_base.py, _end_guid). Nothing else can be shown.
        List<ReadEntry> expected = expected(document).stream()
                .map(e -> e.link().isEmpty() && document.endsWith(".atom")
                        ? new ReadEntry(e.id(), e.title(), e.id(), e.published()) : e)
                .toList();

        List<ReadEntry> shown = FeedReaders.feedparser(out().resolve(document),
                document.endsWith(".rss") ? "application/rss+xml" : "application/atom+xml");

        assertThat(expected).isNotEmpty();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Path out() {
        return dir.resolve("public");
    }

    /** What the document says: id, title, link ("" for none) and first date of every entry. */
    private static List<ReadEntry> expected(String document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(out().resolve(document).toFile());
        List<ReadEntry> entries = new ArrayList<>();
        if (document.endsWith(".rss")) {
            NodeList items = xml.getElementsByTagName("item");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                entries.add(new ReadEntry(child(item, null, "guid"), child(item, null, "title"), child(item, null, "link"),
                        ZonedDateTime.parse(child(item, null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toEpochSecond()));
            }
            return entries;
        }
        NodeList atom = xml.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < atom.getLength(); i++) {
            Element entry = (Element) atom.item(i);
            entries.add(new ReadEntry(child(entry, ATOM, "id"), child(entry, ATOM, "title"), alternate(entry),
                    Instant.parse(child(entry, ATOM, "published")).getEpochSecond()));
        }
        return entries;
    }

    private static String child(Element parent, String namespace, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                return e.getTextContent();
            }
        }
        return "";
    }

    private static String alternate(Element entry) {
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "link".equals(e.getLocalName()) && "alternate".equals(e.getAttribute("rel"))) {
                return e.getAttribute("href");
            }
        }
        return "";
    }
}
