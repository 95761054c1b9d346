package org.rundschau.publish;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.Entry;

/**
 * Realistic publisher input. Titles, regions and dates of the kommune21 entries follow the listing
 * saved in /work/shared/seed/kommune21-listing.txt (kommune21.de, February 2025); links, ids, the
 * other sources and the hostile strings are made up to cover what sources really send: umlauts and
 * spaces in regions, HTML summaries, items without links, control characters and a lone surrogate.
 */
final class SampleFeed {
    static final FeedConfig FEED = new FeedConfig("Kommunale Digitalnachrichten",
            "tag:rundschau.example.org,2026:combined", "https://news.example.org/feed.atom", 100);

    static final SourceConfig KOMMUNE21 = htmlSource("kommune21", "Kommune21", "https://www.kommune21.de/");
    static final SourceConfig BEHOERDEN = htmlSource("behoerden-spiegel", "Behörden Spiegel",
            "https://www.behoerden-spiegel.de/kategorie/digitalisierung/");
    static final SourceConfig KOELN = feedSource("koeln-presse", "Stadt Köln – Presse & Medien",
            "https://www.stadt-koeln.example/presse/rss.xml");
    static final SourceConfig EGOV = feedSource("egov-blog", "eGov <Blog>", "https://egov-blog.example.org/atom.xml");

    static final Map<String, SourceConfig> SOURCES = Stream.of(KOMMUNE21, BEHOERDEN, KOELN, EGOV)
            .collect(Collectors.toMap(SourceConfig::id, Function.identity()));

    /** Newest first, as the store returns them. */
    static final List<Entry> ENTRIES = List.of(
            entry("kommune21", "a1", "Sachsen", "Neue CIO für den Freistaat",
                    "Daniela Dylakiewicz ist neue CIO des Freistaats Sachsen.", false,
                    "https://www.kommune21.de/meldung_45120_Neue+CIO+f%C3%BCr+den+Freistaat.html",
                    "2025-02-06T23:00:00Z", "2025-02-06T23:00:00Z"),
            entry("kommune21", "a2", "", "OZG: „Aufenthalt“ erreicht alle Milestones",
                    "Das maßgeblich vom Land Brandenburg vorangetriebene OZG-Projekt „Aufenthalt“ hat alle Vorgaben erfüllt.",
                    false, "https://www.kommune21.de/meldung_45119_Aufenthalt+erreicht+alle+Milestones.html",
                    "2025-02-06T23:00:00Z", "2025-02-06T23:00:00Z"),
            entry("koeln-presse", "k1", "Köln", "Bürgeramt & Kfz-Zulassung <online>",
                    "<p>Die <b>Stadt Köln</b> bietet ab sofort &amp; rund um die Uhr Termine an.</p>"
                            + "<ul><li>Kfz</li><li>Meldewesen</li></ul>", true,
                    "https://www.stadt-koeln.example/presse/mitteilungen/buergeramt?id=17&lang=de",
                    "2025-02-05T09:30:00Z", "2025-02-07T08:15:42.123456Z"),
            entry("kommune21", "a3", "Kreis Recklinghausen", "Info-Plattform zum Smart-City-Ansatz",
                    "Eine Informationsplattform zur regionalen Digitalisierungsstrategie ist online.", false,
                    "https://www.kommune21.de/meldung_45101_Info-Plattform+zum+Smart-City-Ansatz.html",
                    "2025-02-02T23:00:00Z", "2025-02-02T23:00:00Z"),
            entry("behoerden-spiegel", "b1", "Baden-Württemberg", "Landesportal ohne Detailseite",
                    "Die Meldung steht nur in der Übersicht; sie hat keinen eigenen Link.", false, "",
                    "2025-02-01T10:00:00Z", "2025-02-01T10:00:00Z"),
            entry("egov-blog", "e1", "Thüringen", "Kontroll\u0000zeichen\u0007 und \uD800 im \uFFFETitel\u001F",
                    "Zeile eins\r\nZeile zwei\u000B mit Escape \u001B[0m und Tab\tEnde", false,
                    "https://egov-blog.example.org/2025/01/kontrollzeichen",
                    "2025-01-30T12:00:00+01:00", "2025-01-30T12:00:00+01:00"),
            entry("kommune21", "a4", "Bayern", "Einheitlicher kommunaler IT-Dienstleister geplant",
                    "Im Frühjahr startet die neue Umsetzungsphase der Zukunftskommission #Digitales Bayern 5.0.", false,
                    "https://www.kommune21.de/meldung_45050_Einheitlicher+kommunaler+IT-Dienstleister.html",
                    "2025-01-27T23:00:00Z", "2025-01-27T23:00:00Z"),
            entry("behoerden-spiegel", "b2", "", "Digitalisierung: Blick in die Glaskugel 🔮",
                    "   ", false, "https://www.behoerden-spiegel.de/2025/01/07/blick-in-die-glaskugel/",
                    "2025-01-06T23:00:00Z", "2025-01-06T23:00:00Z"));

    private SampleFeed() {
    }

    static Entry entry(String sourceId, String key, String region, String title, String summary, boolean html,
                       String link, String published, String updated) {
        return new Entry("tag:rundschau.example.org,2026:" + sourceId + "/" + key, sourceId, region, title, summary,
                html, link, OffsetDateTime.parse(published).toInstant(),
                OffsetDateTime.parse(updated).toInstant());
    }

    /** A plain entry of kommune21 with the given key and instant for published and updated. */
    static Entry simple(String key, String instant) {
        return entry("kommune21", key, "", "Meldung " + key, "Text " + key, false,
                "https://www.kommune21.de/meldung_" + key + ".html", instant, instant);
    }

    static FeedConfig feedWithLimit(int entries) {
        return new FeedConfig(FEED.title(), FEED.id(), FEED.self(), entries);
    }

    private static SourceConfig htmlSource(String id, String name, String url) {
        SelectorRules rules = new SelectorRules(Selector.parse("div.news"), Selector.parse("h2"),
                Selector.parse("a.more@href"), Selector.parse(".date"), Selector.parse("p"), Selector.NONE);
        return new SourceConfig(id, name, URI.create(url), SourceKind.HTML, "", ZoneId.of("Europe/Berlin"),
                Locale.GERMAN, Schedule.parse("every 30m"), rules);
    }

    private static SourceConfig feedSource(String id, String name, String url) {
        return new SourceConfig(id, name, URI.create(url), SourceKind.FEED, "", ZoneId.of("Europe/Berlin"),
                Locale.GERMAN, Schedule.parse("every 1h"), null);
    }
}
