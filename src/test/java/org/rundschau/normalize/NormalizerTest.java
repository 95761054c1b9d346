package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.Item;
import org.rundschau.model.RawItem;

class NormalizerTest {
    private static final RegionMapper REGIONS = RegionMapper.bundled(Map.of());
    private static final Instant FETCHED = Instant.parse("2025-02-08T09:00:00Z");
    /** Headline and teaser as on https://www.kommune21.de/ in February 2025 (see resources/normalize/README.md). */
    private static final String K21_TITLE = "Sachsen: Neue CIO für den Freistaat";
    private static final String K21_TEASER = "[07.02.2025] Daniela Dylakiewicz ist neue CIO des Freistaats Sachsen. "
            + "Um die digitale Verwaltungstransformation voranzutreiben, strebt sie eine enge Zusammenarbeit mit "
            + "den Kommunen des Landes an. mehr...";

    private final Normalizer normalizer = new Normalizer(REGIONS);

    private static SourceConfig source(String region) {
        return new SourceConfig("kommune21", "Kommune21", URI.create("https://www.kommune21.de/"), SourceKind.FEED,
                region, ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse("every 30m"), null);
    }

    /** A source as the config loader makes it, with the global locale {@code de} unless it sets its own. */
    private static SourceConfig source(Locale ownLocale, String dateFormat, int summaryLength) {
        boolean explicit = ownLocale != null;
        return new SourceConfig("blog", "Blog", URI.create("https://blog.example.org/"), SourceKind.FEED, "",
                ZoneId.of("Europe/Berlin"), explicit ? ownLocale : Locale.GERMAN, Schedule.parse("every 30m"), null,
                explicit, dateFormat, summaryLength);
    }

    private static RawItem raw(String title, String link, String date, String summary) {
        return new RawItem("", title, link, date, summary, false, "");
    }

    private Item normalize(RawItem raw) {
        return normalizer.normalize(raw, source(""), "de", FETCHED).orElseThrow();
    }

    @Test
    void normalisesAKommune21TeaserEndToEnd() {
        String link = "https://www.kommune21.de/meldung_45412_Neue+CIO+f%C3%BCr+den+Freistaat.html?utm_source=rss#top";
        Item item = normalize(raw(K21_TITLE, link, "", K21_TEASER));

        assertThat(item.published()).isEqualTo(Instant.parse("2025-02-06T23:00:00Z"));
        assertThat(item.dated()).isTrue();
        assertThat(item.region()).isEqualTo("Sachsen");
        assertThat(item.title()).isEqualTo("Neue CIO für den Freistaat");
        assertThat(item.summary()).isEqualTo("Daniela Dylakiewicz ist neue CIO des Freistaats Sachsen. Um die digitale "
                + "Verwaltungstransformation voranzutreiben, strebt sie eine enge Zusammenarbeit mit den Kommunen des "
                + "Landes an.");
        assertThat(item.summaryIsHtml()).isFalse();
        assertThat(item.link()).isEqualTo("https://www.kommune21.de/meldung_45412_Neue+CIO+f%C3%BCr+den+Freistaat.html");
        assertThat(item.guid()).isEmpty();
        assertThat(item.key()).isEqualTo(ItemKeys.key("", item.link(), K21_TITLE, ""));
        assertThat(item.sourceId()).isEqualTo("kommune21");
    }

    @Test
    void anUndatedItemIsPublishedAtTheFetchTime() {
        Item item = normalize(raw("Ein Titel", "https://example.org/a", "", "Kein Datum hier. mehr..."));
        assertThat(item.dated()).isFalse();
        assertThat(item.published()).isEqualTo(FETCHED);
        assertThat(item.summary()).isEqualTo("Kein Datum hier.");
    }

    @Test
    void aDateMoreThanADayAfterTheFetchIsASiteErrorAndTreatedAsUndated() {
        Item item = normalize(raw("Ein Titel", "https://example.org/a", "2025-03-01T10:00:00Z", ""));
        assertThat(item.dated()).isFalse();
        assertThat(item.published()).isEqualTo(FETCHED);
    }

    @Test
    void aDateWithinADayAfterTheFetchIsKept() {
        Item item = normalize(raw("Ein Titel", "https://example.org/a", "2025-02-08T20:00:00Z", ""));
        assertThat(item.dated()).isTrue();
        assertThat(item.published()).isEqualTo(Instant.parse("2025-02-08T20:00:00Z"));
    }

    @Test
    void aFutureStampInTheSummaryIsStrippedButNotUsed() {
        Item item = normalize(raw("Ein Titel", "https://example.org/a", "", "[07.02.2031] Text."));
        assertThat(item.dated()).isFalse();
        assertThat(item.summary()).isEqualTo("Text.");
    }

    @Test
    void theDateFieldWinsAndAStampOfTheSameDayLeavesTheSummary() {
        Item item = normalize(raw("Ein Titel", "https://example.org/a", "07.02.2025", K21_TEASER));
        assertThat(item.published()).isEqualTo(Instant.parse("2025-02-06T23:00:00Z"));
        assertThat(item.summary()).startsWith("Daniela Dylakiewicz");
    }

    @Test
    void aStampOfAnotherDayStaysInTheSummary() {
        Item item = normalize(raw("Ein Titel", "https://example.org/a", "08.02.2025", "[01.02.2025] Nachtrag."));
        assertThat(item.summary()).isEqualTo("[01.02.2025] Nachtrag.");
    }

    @Test
    void aTopicPrefixStaysInTheTitle() {
        Item item = normalize(raw("Digitalisierung: Blick in die Glaskugel", "https://example.org/a", "", ""));
        assertThat(item.region()).isEmpty();
        assertThat(item.title()).isEqualTo("Digitalisierung: Blick in die Glaskugel");
    }

    @Test
    void theRegionSelectorWinsAndIsCanonicalisedOrKeptAsGiven() {
        RawItem nrw = new RawItem("", "Digitalisierung: Neue Förderung", "https://example.org/a", "", "", false, " NRW ");
        assertThat(normalizer.normalize(nrw, source(""), "de", FETCHED).orElseThrow().region())
                .isEqualTo("Nordrhein-Westfalen");
        RawItem ruhr = new RawItem("", "Sachsen: Neue CIO", "https://example.org/a", "", "", false, "Ruhrgebiet");
        Item item = normalizer.normalize(ruhr, source(""), "de", FETCHED).orElseThrow();
        assertThat(item.region()).isEqualTo("Ruhrgebiet");
        assertThat(item.title()).isEqualTo("Sachsen: Neue CIO");
    }

    @Test
    void aTitlePrefixNamingTheSelectedRegionIsRemoved() {
        RawItem raw = new RawItem("", K21_TITLE, "https://example.org/a", "", "", false, "Freistaat Sachsen");
        Item item = normalizer.normalize(raw, source(""), "de", FETCHED).orElseThrow();
        assertThat(item.region()).isEqualTo("Sachsen");
        assertThat(item.title()).isEqualTo("Neue CIO für den Freistaat");
    }

    @Test
    void theSourcesFixedRegionIsTheLastResort() {
        RawItem raw = raw("Vitako: 10-Punkte-Plan", "https://example.org/a", "", "");
        assertThat(normalizer.normalize(raw, source("RLP"), "de", FETCHED).orElseThrow().region())
                .isEqualTo("Rheinland-Pfalz");
        assertThat(normalizer.normalize(raw, source("Westpfalz"), "de", FETCHED).orElseThrow().region())
                .isEqualTo("Westpfalz");
        assertThat(normalizer.normalize(raw(K21_TITLE, "https://example.org/a", "", ""), source("RLP"), "de", FETCHED)
                .orElseThrow().region()).isEqualTo("Sachsen");
    }

    @Test
    void anItemWithoutTitleLinkAndSummaryIsDropped() {
        assertThat(normalizer.normalize(raw(" ", "", "07.02.2025", "\u00A0"), source(""), "de", FETCHED)).isEmpty();
    }

    @Test
    void aMissingTitleIsTakenFromTheSummary() {
        Item item = normalize(raw("", "", "", "[07.02.2025] Hamburg hat seine neue Digitalstrategie präsentiert. "
                + "In den kommenden Jahren soll das Angebot wachsen."));
        assertThat(item.title()).isEqualTo("Hamburg hat seine neue Digitalstrategie präsentiert");
        assertThat(item.key()).isEqualTo(ItemKeys.key("", "", "Hamburg hat seine neue Digitalstrategie präsentiert", ""));
    }

    @Test
    void theGuidIsTheIdentityWhenTheSourceHasOne() {
        RawItem raw = new RawItem(" urn:uuid:1 ", "Titel", "https://example.org/a", "", "", false, "");
        Item item = normalizer.normalize(raw, source(""), "de", FETCHED).orElseThrow();
        assertThat(item.guid()).isEqualTo("urn:uuid:1");
        assertThat(item.key()).isEqualTo(ItemKeys.key("urn:uuid:1", "", "", ""));
    }

    @Test
    void cleansTitlesAndCutsLongSummariesAtTheSourcesSummaryLength() {
        RawItem raw = raw("  Bits &amp; Bytes\u00AD im\u00A0Rathaus ", "https://example.org/a", "",
                "Eine Informationsplattform zur regionalen Digitalisierungsstrategie haben der Kreis und die Städte "
                        + "online geschaltet. Weiterlesen »");
        Item item = normalizer.normalize(raw, source(Locale.GERMAN, "", 60), "de", FETCHED).orElseThrow();
        assertThat(item.title()).isEqualTo("Bits & Bytes im Rathaus");
        assertThat(item.summary()).isEqualTo("Eine Informationsplattform zur regionalen…");

        Item longer = normalizer.normalize(raw, source(Locale.GERMAN, "", 300), "de", FETCHED).orElseThrow();
        assertThat(longer.summary()).isEqualTo("Eine Informationsplattform zur regionalen Digitalisierungsstrategie "
                + "haben der Kreis und die Städte online geschaltet.");
    }

    @Test
    void aShortHtmlSummaryStaysSanitisedHtml() {
        RawItem raw = new RawItem("", "Titel", "https://example.org/news/1", "",
                "<p>Neu: <a href=\"/portal\">Portal</a><script>x()</script> <a href=\"/news/1\">mehr...</a></p>", true, "");
        Item item = normalizer.normalize(raw, source(""), "de", FETCHED).orElseThrow();
        assertThat(item.summaryIsHtml()).isTrue();
        assertThat(item.summary()).isEqualTo("<p>Neu: <a href=\"https://example.org/portal\">Portal</a></p>");
    }

    @Test
    void aDateStampedHtmlSummaryBecomesPlainText() {
        RawItem raw = new RawItem("", "Titel", "https://example.org/news/1", "",
                "<p>[07.02.2025] <b>Daniela Dylakiewicz</b> ist neue CIO.</p>", true, "");
        Item item = normalizer.normalize(raw, source(""), "de", FETCHED).orElseThrow();
        assertThat(item.summaryIsHtml()).isFalse();
        assertThat(item.summary()).isEqualTo("Daniela Dylakiewicz ist neue CIO.");
        assertThat(item.published()).isEqualTo(Instant.parse("2025-02-06T23:00:00Z"));
    }

    @Test
    void aLongHtmlSummaryStaysHtmlAndIsCutAtAWordWithItsMarkupClosed() {
        RawItem raw = new RawItem("", "Titel", "https://example.org/news/1", "",
                "<p>Die <b>Stadtverwaltung</b> hat ein neues <a href=\"/portal\">Bürgerportal</a> eröffnet.</p>"
                        + "<p>Dort lassen sich viele Anträge stellen.</p>", true, "");
        Item item = normalizer.normalize(raw, source(null, "", 50), "de", FETCHED).orElseThrow();
        assertThat(item.summaryIsHtml()).isTrue();
        assertThat(item.summary()).isEqualTo(
                "<p>Die <b>Stadtverwaltung</b> hat ein neues <a href=\"https://example.org/portal\">Bürgerportal</a>…</p>");
    }

    @Test
    void withoutItsOwnLocaleASourceReadsDatesInThePagesDeclaredLanguage() {
        RawItem raw = raw("Release notes", "https://blog.example.org/1", "09/03/2019", "");
        Item english = normalizer.normalize(raw, source(null, "", 300), "en-US", FETCHED).orElseThrow();
        assertThat(english.published()).isEqualTo(Instant.parse("2019-09-02T22:00:00Z"));   // 3 September

        Item undeclared = normalizer.normalize(raw, source(null, "", 300), "", FETCHED).orElseThrow();
        assertThat(undeclared.published()).isEqualTo(Instant.parse("2019-03-08T23:00:00Z"));   // global de: 9 March
    }

    @Test
    void aLocaleTheSourceSetsItselfWinsOverThePagesDeclaredLanguage() {
        RawItem raw = raw("Release notes", "https://blog.example.org/1", "09/03/2019", "");
        Item item = normalizer.normalize(raw, source(Locale.GERMAN, "", 300), "en-US", FETCHED).orElseThrow();
        assertThat(item.published()).isEqualTo(Instant.parse("2019-03-08T23:00:00Z"));
    }

    @Test
    void thePagesLanguageStillReadsDatesTheSourcesLocaleCannot() {
        RawItem raw = raw("Notícias", "https://blog.example.org/1", "16 de novembro de 2022", "");
        Item item = normalizer.normalize(raw, source(Locale.GERMAN, "", 300), "pt-BR", FETCHED).orElseThrow();
        assertThat(item.dated()).isTrue();
        assertThat(item.published()).isEqualTo(Instant.parse("2022-11-15T23:00:00Z"));
    }

    @Test
    void theSourcesDateFormatComesBeforeTheBuiltInRules() {
        // 03/04/2024 is 3 April by the built-in rules on a German source; the pattern says month first
        RawItem raw = raw("Termin", "https://blog.example.org/1", "03/04/2024 08:15", "");
        Item item = normalizer.normalize(raw, source(Locale.GERMAN, "MM/dd/yyyy HH:mm", 300), "de", FETCHED)
                .orElseThrow();
        assertThat(item.published()).isEqualTo(Instant.parse("2024-03-04T07:15:00Z"));

        Item builtIn = normalizer.normalize(raw, source(Locale.GERMAN, "", 300), "de", FETCHED).orElseThrow();
        assertThat(builtIn.published()).isEqualTo(Instant.parse("2024-04-03T06:15:00Z"));
    }
}
