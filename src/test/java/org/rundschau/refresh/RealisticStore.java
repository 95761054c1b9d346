package org.rundschau.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.Item;
import org.rundschau.store.ItemStore;
import org.rundschau.store.StoreException;

/**
 * A store as a year of running leaves it: the kommune21 listing of February 2025 (its hand-labelled
 * expectations in fixtures/kommune21, with its undated top story), a busy ticker that publishes far
 * more than everyone else, city press releases with HTML summaries, a blog with control characters
 * and undated posts, regions with umlauts and spaces (and two spellings that share a file name), an
 * item without link, an old item found late, and an edited item.
 */
final class RealisticStore {
    static final Instant T0 = Instant.parse("2025-02-07T09:00:00Z");
    static final String FEED_ID = "tag:rundschau.example.org,2026:combined";

    static final SourceConfig KOMMUNE21 = html("kommune21", "Kommune21", "https://www.kommune21.de/");
    static final SourceConfig TICKER = feed("ticker", "Digital-Ticker", "https://ticker.example.org/rss.xml");
    static final SourceConfig KOELN = feed("koeln-presse", "Stadt Köln – Presse & Medien",
            "https://www.stadt-koeln.example/presse/rss.xml");
    static final SourceConfig BLOG = feed("egov-blog", "eGov <Blog>", "https://egov-blog.example.org/atom.xml");
    static final SourceConfig BEHOERDEN = html("behoerden-spiegel", "Behörden Spiegel",
            "https://www.behoerden-spiegel.de/kategorie/digitalisierung/");
    static final List<SourceConfig> SOURCES = List.of(KOMMUNE21, TICKER, KOELN, BLOG, BEHOERDEN);

    private RealisticStore() {
    }

    /** Fills {@code store}; returns how many entries it then holds. */
    static int fill(ItemStore store) throws StoreException {
        int stored = 0;
        stored += store.save("kommune21", kommune21(), T0.minus(Duration.ofDays(1))).added();
        stored += store.save("koeln-presse", koeln(), T0.minus(Duration.ofHours(20))).added();
        stored += store.save("egov-blog", blog(), T0.minus(Duration.ofHours(12))).added();
        stored += store.save("behoerden-spiegel", behoerden(), T0.minus(Duration.ofHours(6))).added();
        stored += store.save("ticker", ticker(0, 70), T0).added();
        // Fetched in parallel, saved later with an earlier fetch time; and an item of 2019 found today.
        stored += store.save("egov-blog", List.of(item("egov-blog", "spaet", "2019-05-02T08:00:00Z", true,
                "Landkreis Görlitz", "Archivfund: Breitbandausbau 2019", "Aus dem Archiv.", false,
                "https://egov-blog.example.org/2019/05/breitband")), T0.minus(Duration.ofHours(30))).added();
        store.save("koeln-presse", List.of(item("koeln-presse", "k1", "2025-02-05T09:30:00Z", true, "Köln",
                "Bürgeramt & Kfz-Zulassung <online> (aktualisiert)", "<p>Jetzt <b>auch</b> samstags.</p>", true,
                "https://www.stadt-koeln.example/presse/buergeramt?id=17&lang=de")), T0.plus(Duration.ofMinutes(5)));
        return stored;
    }

    static AppConfig config(Path dir, FeedConfig feed) {
        return new AppConfig(dir.resolve("rundschau.yaml"), feed, dir.resolve("public"), new DatabaseConfig.Sqlite(dir.resolve("data/r.db")),
                ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse("every 30m"), FetchConfig.DEFAULTS,
                Map.of(), SOURCES);
    }

    /** The ticker's items {@code from} to {@code to} (exclusive), one a minute up to T0. */
    static List<Item> ticker(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> item("ticker", "t" + i,
                T0.minus(Duration.ofMinutes(to - i)).toString(), true, i % 3 == 0 ? "Bayern" : "",
                "Tickermeldung " + i + ": Schnittstelle & <API>", "Kurzmeldung Nummer " + i + ".", false,
                "https://ticker.example.org/meldung/" + i)).toList();
    }

    private static List<Item> kommune21() {
        List<Item> items = new ArrayList<>();
        String[] rows = resource("fixtures/kommune21/listing-2025-02-07.expected.tsv").split("\n");
        for (int i = 1; i < rows.length; i++) {
            String[] row = rows[i].split("\t", -1);
            boolean dated = !row[0].isEmpty();
            items.add(item("kommune21", "row" + i, dated ? row[0] : T0.minus(Duration.ofDays(1)).toString(), dated,
                    row[1], row[2], row[4] + " …", false, row[3]));
        }
        return items;
    }

    private static List<Item> koeln() {
        return List.of(
                item("koeln-presse", "k1", "2025-02-05T09:30:00Z", true, "Köln", "Bürgeramt & Kfz-Zulassung <online>",
                        "<p>Die <b>Stadt Köln</b> bietet ab sofort &amp; rund um die Uhr Termine an.</p>"
                                + "<ul><li>Kfz</li><li>Meldewesen</li></ul>", true,
                        "https://www.stadt-koeln.example/presse/buergeramt?id=17&lang=de"),
                item("koeln-presse", "k2", "2025-02-04T11:00:00Z", true, "KÖLN", "Ratsinformationssystem erneuert",
                        "<p>Neu: <a href=\"https://ratsinfo.example/\">Ratsinfo</a> mit Suche.</p>", true,
                        "https://www.stadt-koeln.example/presse/ratsinfo"),
                item("koeln-presse", "k3", "2025-02-03T08:00:00Z", true, "Rhein-Sieg-Kreis",
                        "Gemeinsames Rechenzentrum", "<p>Kooperation mit dem <i>Rhein-Sieg-Kreis</i>.</p>", true,
                        "https://www.stadt-koeln.example/presse/rechenzentrum"));
    }

    private static List<Item> blog() {
        return List.of(
                item("egov-blog", "e1", "2025-01-30T11:00:00Z", true, "Thüringen",
                        "Kontroll\u0000zeichen\u0007 und \uD800 im \uFFFETitel\u001F",
                        "Zeile eins\r\nZeile zwei\u000B mit Escape \u001B[0m und Tab\tEnde", false,
                        "https://egov-blog.example.org/2025/01/kontrollzeichen"),
                item("egov-blog", "e2", T0.minus(Duration.ofHours(12)).toString(), false, "Landkreis Görlitz",
                        "Ohne Datum: Digitale Verwaltung in der Oberlausitz", "Der Beitrag nennt kein Datum.", false,
                        "https://egov-blog.example.org/oberlausitz"),
                item("egov-blog", "e3", T0.minus(Duration.ofHours(12)).toString(), false, "Mecklenburg-Vorpommern",
                        "Noch einer ohne Datum", "", false, "https://egov-blog.example.org/mv"));
    }

    private static List<Item> behoerden() {
        return List.of(
                item("behoerden-spiegel", "b1", "2025-02-01T10:00:00Z", true, "Baden-Württemberg",
                        "Landesportal ohne Detailseite", "Die Meldung steht nur in der Übersicht; sie hat keinen Link.",
                        false, ""),
                item("behoerden-spiegel", "b2", "2025-01-06T23:00:00Z", true, "",
                        "Digitalisierung: Blick in die Glaskugel 🔮", "   ", false,
                        "https://www.behoerden-spiegel.de/2025/01/07/blick-in-die-glaskugel/"),
                item("behoerden-spiegel", "b3", "2025-01-20T07:00:00Z", true, "Kreis Recklinghausen",
                        "Smart City: \"Anführungszeichen\" & Apostroph's", "Text mit 'Zitaten' und \"mehr\".", false,
                        "https://www.behoerden-spiegel.de/2025/01/20/smart-city/"));
    }

    private static Item item(String source, String key, String published, boolean dated, String region, String title,
                             String summary, boolean html, String link) {
        return new Item(source, key, "", Instant.parse(published), dated, region, title, summary, html, link);
    }

    private static SourceConfig html(String id, String name, String url) {
        SelectorRules rules = new SelectorRules(Selector.parse("article"), Selector.parse("h2"),
                Selector.parse("h2 a@href"), Selector.NONE, Selector.parse("p"), Selector.NONE);
        return new SourceConfig(id, name, URI.create(url), SourceKind.HTML, "", ZoneId.of("Europe/Berlin"),
                Locale.GERMAN, Schedule.parse("every 30m"), rules);
    }

    private static SourceConfig feed(String id, String name, String url) {
        return new SourceConfig(id, name, URI.create(url), SourceKind.FEED, "", ZoneId.of("Europe/Berlin"),
                Locale.GERMAN, Schedule.parse("every 1h"), null);
    }

    private static String resource(String name) {
        try (InputStream in = RealisticStore.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("test resource " + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
