package org.rundschau.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;

/** The list finder on small pages written for one behaviour each. */
class ListFinderTest {
    private static final Instant FETCHED = Instant.parse("2025-02-08T09:00:00Z");
    private final HtmlExtractor extractor = new HtmlExtractor();
    private final ListFinder finder = new ListFinder(extractor);

    private static final String MENU = """
            <nav><ul class="menu">
              <li><a href="/">Start</a></li><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li>
              <li><a href="/kultur">Kultur</a></li><li><a href="/sport">Sport</a></li><li><a href="/kontakt">Kontakt</a></li>
            </ul></nav>
            """;
    private static final String FOOTER = """
            <footer><ul><li><a href="/impressum">Impressum</a></li><li><a href="/datenschutz">Datenschutz</a></li>
              <li><a href="/agb">AGB</a></li><li><a href="/jobs">Jobs</a></li></ul></footer>
            """;

    private static String article(int n) {
        return """
                <article class="teaser">
                  <h2 class="headline"><a href="/meldung/%1$d">Meldung %1$d: Der Landkreis digitalisiert seine Verwaltung</a></h2>
                  <span class="date">0%1$d.02.2025</span>
                  <p class="intro">Der Kreistag hat beschlossen, alle Anträge bis Ende des Jahres online anzubieten.</p>
                  <a class="more" href="/meldung/%1$d">mehr...</a>
                </article>
                """.formatted(n);
    }

    private static Page page(String body) {
        String html = "<html lang=\"de\"><head><title>Nachrichten</title></head><body>" + body + "</body></html>";
        return Page.of(URI.create("https://news.example.org/"), "text/html; charset=UTF-8",
                html.getBytes(StandardCharsets.UTF_8), FETCHED);
    }

    private List<Candidate> find(Page page) {
        return finder.find(page, ZoneId.of("Europe/Berlin"), Locale.GERMAN);
    }

    @Test
    void findsTheArticlesWithHeadlineDateAndTeaserRatherThanTheMenuOrTheFooter() {
        Page page = page(MENU + "<main>" + article(1) + article(2) + article(3) + article(4) + "</main>" + FOOTER);

        Candidate first = find(page).get(0);

        assertThat(first.items()).extracting(RawItem::link)
                .containsExactly("https://news.example.org/meldung/1", "https://news.example.org/meldung/2",
                        "https://news.example.org/meldung/3", "https://news.example.org/meldung/4");
        assertThat(first.items().get(0).title()).isEqualTo("Meldung 1: Der Landkreis digitalisiert seine Verwaltung");
        assertThat(first.dated()).isEqualTo(4);
        assertThat(first.summarised()).isEqualTo(4);
        assertThat(first.rules().item().css()).isEqualTo("article");
        assertThat(first.rules().date().css()).isEqualTo("span.date");
        assertThat(first.rules().summary().css()).isEqualTo("p.intro");
    }

    @Test
    void scopesTheItemSelectorWhenTheSameMarkupAlsoHoldsAnotherList() {
        String news = "<div id=\"news\"><ul>" + "<li><h3><a href=\"/n/%d\">Neue Förderung für digitale Schulen im ganzen Land</a></h3><p>%d.01.2025</p></li>".repeat(1)
                .formatted(1, 11) + "<li><h3><a href=\"/n/2\">Stadtrat beschließt den Ausbau der Radwege bis 2027</a></h3><p>12.01.2025</p></li>"
                + "<li><h3><a href=\"/n/3\">Bürgerbüro bietet Termine jetzt auch am Samstag an</a></h3><p>13.01.2025</p></li>"
                + "<li><h3><a href=\"/n/4\">Neue Kita im Nordviertel öffnet im Frühjahr ihre Türen</a></h3><p>14.01.2025</p></li></ul></div>";
        String aside = "<div id=\"links\"><ul>"
                + "<li><h3><a href=\"https://a.example.org/\">Partner A</a></h3></li>"
                + "<li><h3><a href=\"https://b.example.org/\">Partner B</a></h3></li>"
                + "<li><h3><a href=\"https://c.example.org/\">Partner C</a></h3></li></ul></div>";

        Candidate first = find(page(news + aside)).get(0);

        assertThat(first.rules().item().css()).isEqualTo("#news li");
        assertThat(first.items()).hasSize(4).allSatisfy(i -> assertThat(i.link()).contains("/n/"));
    }

    @Test
    void aPageWithoutRepeatedLinksHasNoCandidates() {
        assertThat(find(page("<h1>Hallo</h1><p>Ein Text mit <a href=\"/x\">einem Link</a>.</p>"))).isEmpty();
    }

    @Test
    void everyCandidateIsExactlyWhatTheExtractorReadsWithItsSelectors() throws ExtractException {
        Page page = page(MENU + "<main>" + article(1) + article(2) + article(3) + "</main>" + FOOTER);

        for (Candidate candidate : find(page)) {
            assertThat(extractor.extract(page, candidate.rules()).items()).isEqualTo(candidate.items());
        }
    }

    @ParameterizedTest
    @CsvSource({"nav, true", "nav-bg, true", "top-nav, true", "widget-area, true", "sidebar, true",
            "content-with-sidebar, false", "main, false", "navigator-news-list, false", "news, false"})
    void boilerplateNamesAreWholeWordsAtTheStartOrTheEndOfShortNames(String name, boolean boilerplate) {
        assertThat(Boilerplate.named(name)).isEqualTo(boilerplate);
    }
}
