package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.testing.AtomChecks;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Identity and duplicates end to end: the fixtures in {@code dedup/} served by WireMock, through
 * {@code once} (each run a fresh process state: a restart) into a real SQLite file, out as Atom.
 */
class DedupIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String LISTING_SELECTORS = """
                html:
                  item: "article"
                  title: "h2, h3"
                  link: "h2 a[href], h3 a[href]"
                  summary: "p"
            """;

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /** One Atom entry as a reader sees it. */
    record Seen(String id, String title, String alternate, List<String> related, List<String> via, String published,
                String updated) {}

    @Test
    void aListingAndTheSameSitesFeedGiveEachStoryOnce() throws Exception {
        serve("/", "dedup/site/listing.html", "text/html; charset=UTF-8");
        serve("/feed.xml", "dedup/site/feed.xml", "application/rss+xml");
        Path config = config("", source("k21", "/", LISTING_SELECTORS), source("k21-rss", "/feed.xml", ""));

        CommandRun run = once(config);

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        AtomChecks.assertValid(feed());
        Map<String, Seen> byTitle = entriesByTitle();
        assertThat(byTitle.keySet()).containsExactlyInAnyOrder("Sachsen: Neue CIO für den Freistaat",
                "OZG: „Aufenthalt“ erreicht alle Milestones",
                "Deutscher Landkreistag: Aufgabenbündelung ja, Verfassungsänderung nein",
                "Digitalisierung: Blick in die Glaskugel", "Digitalisierung: Verwaltung setzt auf KI");
        for (String told : List.of("Sachsen: Neue CIO für den Freistaat", "OZG: „Aufenthalt“ erreicht alle Milestones",
                "Deutscher Landkreistag: Aufgabenbündelung ja, Verfassungsänderung nein")) {
            assertThat(byTitle.get(told).via()).as(told).hasSize(1)
                    .allSatisfy(via -> assertThat(via).isIn(site.baseUrl() + "/", site.baseUrl() + "/feed.xml"));
        }
        Seen landkreistag = byTitle.get("Deutscher Landkreistag: Aufgabenbündelung ja, Verfassungsänderung nein");
        assertThat(List.of(landkreistag.alternate(), landkreistag.related().get(0))).containsExactlyInAnyOrder(
                site.baseUrl() + "/k21-meldungen/deutscher-landkreistag-aufgabenbuendelung-ja-verfassungsaend/",
                site.baseUrl() + "/meldung_45110_Aufgabenbuendelung+ja.html");
        assertThat(byTitle.get("Digitalisierung: Blick in die Glaskugel").via()).isEmpty();
        assertThat(run.out()).contains("already told by another source");
    }

    @Test
    void whyShowsTheOriginsOfAnEntryAndTheDecisionsWithTheirScores() throws Exception {
        serve("/", "dedup/site/listing.html", "text/html; charset=UTF-8");
        serve("/feed.xml", "dedup/site/feed.xml", "application/rss+xml");
        Path config = config("", source("k21", "/", LISTING_SELECTORS), source("k21-rss", "/feed.xml", ""));
        once(config);

        CommandRun byLink = run("why", "--config", config.toString(),
                site.baseUrl() + "/k21-meldungen/sachsen-neue-cio-fuer-den-freistaat/?utm_source=rss&utm_medium=feed");
        CommandRun bySimilarity = run("why", "--config", config.toString(),
                site.baseUrl() + "/meldung_45110_Aufgabenbuendelung+ja.html");
        CommandRun unknown = run("why", "--config", config.toString(), "https://nowhere.example/");

        assertThat(byLink.code()).as(byLink.err()).isZero();
        assertThat(byLink.out()).contains("(in the feed)", "also told by", "joined", "by the same canonical link");
        assertThat(bySimilarity.out()).containsPattern("by similar headline and teaser, score (0\\.9\\d|1\\.00)");
        assertThat(unknown.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(unknown.err()).contains("nothing is stored under 'https://nowhere.example/'");
    }

    @Test
    void anItemThatMovedToANewUrlKeepsItsEntryAndOnlyTheNewItemIsAdded() throws Exception {
        serve("/", "dedup/moved/listing-old.html", "text/html; charset=UTF-8");
        Path config = config("", source("k21", "/", LISTING_SELECTORS));
        once(config);
        Map<String, Seen> before = entriesByTitle();
        assertThat(before).hasSize(3);

        serve("/", "dedup/moved/listing-new.html", "text/html; charset=UTF-8");
        CommandRun second = once(config);

        assertThat(second.out()).contains("4 items: 1 new, 0 updated");
        Map<String, Seen> after = entriesByTitle();
        assertThat(after).hasSize(4).containsKey("Hamburg: Neue Digitalstrategie vorgestellt");
        before.forEach((title, seen) -> {
            assertThat(after.get(title).id()).as(title).isEqualTo(seen.id());
            assertThat(after.get(title).alternate()).as(title).contains("/k21-meldungen/").isNotEqualTo(seen.alternate());
            assertThat(after.get(title).updated()).as(title).isEqualTo(seen.updated());
        });
        CommandRun why = run("why", "--config", config.toString(), before.get("Sachsen: Neue CIO für den Freistaat").alternate());
        assertThat(why.out()).contains("moved", "meldung_45120");
    }

    @Test
    void aGuidThatAFeedRepeatsForDifferentItemsDoesNotMergeThem() throws Exception {
        serve("/feed.xml", "dedup/guid/feed-1.xml", "application/rss+xml");
        Path config = config("", source("landkreis", "/feed.xml", ""));
        once(config);
        Map<String, Seen> first = entriesByTitle();
        assertThat(first).hasSize(3);

        serve("/feed.xml", "dedup/guid/feed-2.xml", "application/rss+xml");
        once(config);

        Map<String, Seen> second = entriesByTitle();
        assertThat(second).hasSize(4).containsKey("Kreisverwaltung stellt Online-Terminvergabe vor");
        first.forEach((title, seen) -> assertThat(second.get(title)).isEqualTo(seen));
    }

    @Test
    void aTitleEditUpdatesTheEntryInPlaceAndImmaterialChangesChangeNothing() throws Exception {
        serve("/feed.xml", "dedup/edit/feed-1.xml", "application/rss+xml");
        Path config = config("", source("blog", "/feed.xml", ""));
        once(config);
        List<Seen> first = entries();

        serve("/feed.xml", "dedup/edit/feed-2.xml", "application/rss+xml");
        CommandRun edit = once(config);
        List<Seen> second = entries();
        byte[] edited = Files.readAllBytes(feed());

        assertThat(edit.out()).contains("2 items: 0 new, 1 updated");
        assertThat(second.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(second.get(0).title()).isEqualTo("Stadtrat beschließt Glasfaserausbau");
        assertThat(second.get(0).published()).isEqualTo(first.get(0).published());
        assertThat(second.get(0).updated()).isGreaterThan(first.get(0).updated());
        assertThat(second.get(1)).isEqualTo(first.get(1));

        serve("/feed.xml", "dedup/edit/feed-3.xml", "application/rss+xml");
        CommandRun immaterial = once(config);

        assertThat(immaterial.out()).contains("2 items: 0 new, 0 updated");
        assertThat(Files.readAllBytes(feed())).isEqualTo(edited);
    }

    @Test
    void aNewSourcePutsOnlyItsNewestItemsInTheFeedAndARestartOnlyWhatIsReallyNew() throws Exception {
        serve("/feed.xml", "dedup/flood/feed-1.xml", "application/rss+xml");
        Path config = config("", source("musterstadt", "/feed.xml", ""));

        CommandRun first = once(config);

        assertThat(first.out()).contains("15 items: 15 new, 0 updated; 5 held back (first fetch)");
        assertThat(entries()).extracting(Seen::title).hasSize(10)
                .startsWith("Pressemitteilung 15: Neues aus dem Rathaus Musterstadt")
                .endsWith("Pressemitteilung 6: Neues aus dem Rathaus Musterstadt");

        serve("/feed.xml", "dedup/flood/feed-2.xml", "application/rss+xml");
        CommandRun restarted = once(config);

        assertThat(restarted.out()).contains("17 items: 2 new, 0 updated").doesNotContain("held back");
        assertThat(entries()).extracting(Seen::title).hasSize(12)
                .startsWith("Pressemitteilung 17: Neues aus dem Rathaus Musterstadt",
                        "Pressemitteilung 16: Neues aus dem Rathaus Musterstadt")
                .endsWith("Pressemitteilung 6: Neues aus dem Rathaus Musterstadt");
    }

    @Test
    void prunedItemsNeverComeBackAndTooOldOnesAreNeverStored() throws Exception {
        serve("/", "dedup/prune/listing-1.html", "text/html; charset=UTF-8");
        Path config = config("retention: {max-per-source: 3, max-age: 3650d}\n", source("kreis", "/", LISTING_SELECTORS));
        once(config);
        assertThat(entries()).extracting(Seen::title).containsExactly("Kreistag beschließt den Haushalt",
                "Neues Bürgerbüro in der Kreisstadt", "Breitbandausbau erreicht die Ortsteile");
        CommandRun why = run("why", "--config", config.toString(), site.baseUrl() + "/meldungen/wahlhelfer/");
        assertThat(why.code()).isZero();
        assertThat(why.out()).contains("Pruned", "it will not be stored again");

        serve("/", "dedup/prune/listing-2.html", "text/html; charset=UTF-8");
        CommandRun second = once(config);

        assertThat(second.out()).contains("6 items: 1 new, 0 updated");
        assertThat(entries()).extracting(Seen::title).containsExactly("Termine online buchen beim Straßenverkehrsamt",
                "Kreistag beschließt den Haushalt", "Neues Bürgerbüro in der Kreisstadt");
    }

    @Test
    void undatedItemsKeepTheTimeTheyWereFirstSeen() throws Exception {
        serve("/", "dedup/undated/listing-1.html", "text/html; charset=UTF-8");
        Path config = config("", source("gemeinde", "/", LISTING_SELECTORS));
        once(config);
        Map<String, Seen> first = entriesByTitle();
        Thread.sleep(1_100);   // published is rendered to the second: let the clock move on

        serve("/", "dedup/undated/listing-2.html", "text/html; charset=UTF-8");
        once(config);

        Map<String, Seen> second = entriesByTitle();
        assertThat(second).hasSize(3);
        first.forEach((title, seen) -> assertThat(second.get(title)).isEqualTo(seen));
        assertThat(second.get("Ferienprogramm für Kinder und Jugendliche").published())
                .isGreaterThan(first.values().iterator().next().published());
    }

    @Test
    void theAnchorsOfOnePageStaySeparateEntriesWithTheirFragmentsAndWhyFindsThem() throws Exception {
        serve("/", "dedup/anchors/listing.html", "text/html; charset=UTF-8");
        Path config = config("", source("gemeinde", "/", LISTING_SELECTORS));

        assertThat(once(config).out()).contains("4 items: 4 new");

        assertThat(entries()).extracting(Seen::alternate).containsExactlyInAnyOrder(
                site.baseUrl() + "/presse.html#meldung-1", site.baseUrl() + "/presse.html#meldung-2",
                site.baseUrl() + "/presse.html#meldung-3?utm_source=x", site.baseUrl() + "/artikel/7.html");
        CommandRun why = run("why", "--config", config.toString(), site.baseUrl() + "/presse.html?utm_source=rss#meldung-2");
        assertThat(why.code()).as(why.err()).isZero();
        assertThat(why.out()).contains("(in the feed)", "/presse.html#meldung-2");
    }

    // --- helpers ---

    private void serve(String path, String resource, String contentType) throws IOException {
        String body = new String(resource(resource), StandardCharsets.UTF_8).replace("https://www.kommune21.de", site.baseUrl());
        site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String source(String id, String path, String html) {
        return "  - id: " + id + "\n    url: " + site.baseUrl() + path + "\n" + html;
    }

    private Path config(String settings, String... sources) throws IOException {
        Path config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed:
                  title: "Test feed"
                  id: "tag:test.example.org,2026:combined"
                  entries: 100
                output: %1$s/public
                database: %1$s/data/test.db
                fetch: {host-gap: 0}
                %2$ssources:
                %3$s""".formatted(dir, settings, String.join("", sources)));
        return config;
    }

    private static CommandRun once(Path config) {
        CommandRun run = run("once", "--config", config.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        return run;
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path feed() {
        return dir.resolve("public/feed.atom");
    }

    private Map<String, Seen> entriesByTitle() throws Exception {
        return entries().stream().collect(Collectors.toMap(Seen::title, Function.identity()));
    }

    private List<Seen> entries() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList list = factory.newDocumentBuilder().parse(feed().toFile()).getElementsByTagNameNS(ATOM, "entry");
        List<Seen> entries = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            entries.add(new Seen(child(e, "id"), child(e, "title"), links(e, "alternate").stream().findFirst().orElse(""),
                    links(e, "related"), links(e, "via"), child(e, "published"), child(e, "updated")));
        }
        return entries;
    }

    private static String child(Element entry, String name) {
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static List<String> links(Element entry, String rel) {
        List<String> hrefs = new ArrayList<>();
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "link".equals(e.getLocalName()) && rel.equals(e.getAttribute("rel"))) {
                hrefs.add(e.getAttribute("href"));
            }
        }
        return hrefs;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DedupIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
