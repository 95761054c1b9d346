package org.rundschau.publish;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.Entry;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

/**
 * Input for the page and OPML tests. Titles, regions and dates of the kommune21 entries follow the
 * kommune21.de listing of February 2025 (see fixtures/kommune21/README.md); links, the other sources,
 * the error texts and the hostile strings are made up to cover what sources really send: umlauts and
 * spaces in regions, markup in titles and error messages, HTML summaries, items without a link or with
 * a {@code javascript:} link, dates without a time.
 */
final class PageSample {
    static final FeedConfig FEED = new FeedConfig("Kommunale Digitalnachrichten",
            "tag:rundschau.example.org,2026:combined", "https://news.example.org/feed.atom", 100);

    static final SourceConfig KOMMUNE21 = htmlSource("kommune21", "Kommune21", "https://www.kommune21.de/");
    static final SourceConfig KOELN = feedSource("koeln-presse", "Stadt Köln – Presse & Medien",
            "https://www.stadt-koeln.example/presse/rss.xml");
    static final SourceConfig EGOV = feedSource("egov-blog", "eGov <Blog>", "https://egov-blog.example.org/atom.xml");
    static final SourceConfig NEW = htmlSource("neu", "Neue Quelle", "https://neu.example.org/news");

    /** An error as a source might cause it: the text is the server's, markup and all. */
    static final String HOSTILE_ERROR = "extract: <img src=x onerror=alert(1)> no item matched \"div.news\" & more";

    static final Entry CIO = entry("kommune21", "a1", "Sachsen", "Neue CIO für den Freistaat",
            "Daniela Dylakiewicz ist neue CIO des Freistaats Sachsen.", false,
            "https://www.kommune21.de/meldung_45120.html", "2025-02-06T23:00:00Z");
    static final Entry KFZ = entry("koeln-presse", "k1", "Köln", "Bürgeramt & Kfz-Zulassung <online>",
            "<p>Die <b>Stadt Köln</b> bietet ab sofort &amp; rund um die Uhr Termine an.</p>", true,
            "https://www.stadt-koeln.example/presse/buergeramt?id=17&lang=de", "2025-02-07T08:30:00Z");
    static final Entry SCRIPT = entry("egov-blog", "e1", "Baden-Württemberg", "<script>alert('x')</script> Portal",
            "Ein Text mit </p><h1>Markup</h1> als Text.", false, "javascript:alert(1)", "2025-02-06T16:05:00Z");
    static final Entry AUFENTHALT = entry("kommune21", "a2", "", "OZG: „Aufenthalt“ erreicht alle Milestones",
            "Das OZG-Projekt „Aufenthalt“ hat alle Vorgaben erfüllt.", false,
            "https://www.kommune21.de/meldung_45119.html", "2025-02-05T23:00:00Z");
    static final Entry RECKLINGHAUSEN = entry("kommune21", "a3", "Kreis Recklinghausen",
            "Info-Plattform zum Smart-City-Ansatz", "", false, "", "2025-02-02T23:00:00Z");
    static final Entry STUTTGART = entry("egov-blog", "e2", "Baden Württemberg", "Stuttgart digital",
            "Zweite Schreibweise der Region.", false, "https://egov-blog.example.org/stuttgart", "2025-01-31T10:00:00Z");

    /** Newest first, as the store returns them. */
    static final List<Entry> ENTRIES = List.of(KFZ, CIO, SCRIPT, AUFENTHALT, RECKLINGHAUSEN, STUTTGART);

    static final Instant NOW = Instant.parse("2025-02-07T09:00:00Z");
    static final List<SourceStatus> STATUSES = List.of(
            SourceStatus.never("kommune21").succeeded(NOW, 200, 16, Validators.NONE, "h", "r"),
            SourceStatus.never("koeln-presse").succeeded(NOW, 200, 4, Validators.NONE, "h", "r")
                    .failed(Instant.parse("2025-02-07T09:30:00Z"), 0, HOSTILE_ERROR, Instant.parse("2025-02-07T10:30:00Z"))
                    .failed(Instant.parse("2025-02-07T10:30:00Z"), 0, HOSTILE_ERROR, Instant.parse("2025-02-07T11:30:00Z")),
            SourceStatus.never("egov-blog").succeeded(NOW, 200, 2, Validators.NONE, "h", "r"),
            SourceStatus.never("removed").failed(NOW, 500, "gone source error", NOW));

    private PageSample() {
    }

    static AppConfig config(Path output) {
        return config(output, Locale.GERMAN, FEED);
    }

    static AppConfig config(Path output, Locale locale, FeedConfig feed) {
        return new AppConfig(output.resolve("rundschau.yaml"), feed, output, new DatabaseConfig.Sqlite(output.resolve("t.db")),
                ZoneId.of("Europe/Berlin"), locale, Schedule.parse("every 30m"), FetchConfig.DEFAULTS, Map.of(),
                List.of(KOMMUNE21, KOELN, EGOV, NEW));
    }

    static Entry entry(String sourceId, String key, String region, String title, String summary, boolean html,
                       String link, String published) {
        Instant at = OffsetDateTime.parse(published).toInstant();
        return new Entry("tag:rundschau.example.org,2026:" + sourceId + "/" + key, sourceId, region, title, summary,
                html, link, at, at);
    }

    static SourceConfig htmlSource(String id, String name, String url) {
        SelectorRules rules = new SelectorRules(Selector.parse("div.news"), Selector.parse("h2"),
                Selector.parse("a.more@href"), Selector.parse(".date"), Selector.parse("p"), Selector.NONE);
        return new SourceConfig(id, name, URI.create(url), SourceKind.HTML, "", ZoneId.of("Europe/Berlin"),
                Locale.GERMAN, Schedule.parse("every 30m"), rules);
    }

    static SourceConfig feedSource(String id, String name, String url) {
        return new SourceConfig(id, name, URI.create(url), SourceKind.FEED, "", ZoneId.of("Europe/Berlin"),
                Locale.GERMAN, Schedule.parse("every 1h"), null);
    }
}
