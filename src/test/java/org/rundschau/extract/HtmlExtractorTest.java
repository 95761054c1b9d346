package org.rundschau.extract;

import org.junit.jupiter.api.Test;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlExtractorTest {
    private static final URI URL = URI.create("https://news.example.org/aktuell/index.html");
    private final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void readsTextOfEachSelectorInsideItsItem() throws ExtractException {
        String html = """
                <html lang="de"><body>
                <div class="news"><h2> Sachsen:  Neue <b>CIO</b> </h2><span class="date">[07.02.2025]</span>
                  <p class="teaser">Der Freistaat hat <i>eine</i> neue CIO.</p><span class="kicker">Sachsen</span>
                  <a class="more" href="/artikel/1">mehr...</a></div>
                <div class="news"><h2>Digitalisierung: Blick in die Glaskugel</h2>
                  <a class="more" href="artikel/2?x=1&amp;y=2">mehr...</a></div>
                </body></html>""";

        Extraction extraction = extract(html, rules("div.news", "h2", "a.more", ".date", "p.teaser", ".kicker"));

        assertThat(extraction.items()).containsExactly(
                new RawItem("", "Sachsen: Neue CIO", "https://news.example.org/artikel/1", "[07.02.2025]",
                        "Der Freistaat hat eine neue CIO.", false, "Sachsen"),
                new RawItem("", "Digitalisierung: Blick in die Glaskugel", "https://news.example.org/aktuell/artikel/2?x=1&y=2",
                        "", "", false, ""));
        assertThat(extraction.language()).isEqualTo("de");
    }

    @Test
    void attributeSelectorsReadTheAttribute() throws ExtractException {
        String html = """
                <article><a rel="bookmark" href="/a" title="Titel aus dem Attribut" data-url="/b">Text</a>
                <time datetime="2025-02-07T09:30:00+01:00">7. Februar</time></article>""";

        RawItem item = single(html, new SelectorRules(Selector.parse("article"), Selector.parse("a[rel=bookmark]@title"),
                Selector.parse("a@data-url"), Selector.parse("time@datetime"), Selector.NONE, Selector.NONE));

        assertThat(item.title()).isEqualTo("Titel aus dem Attribut");
        assertThat(item.link()).isEqualTo("https://news.example.org/b");
        assertThat(item.date()).isEqualTo("2025-02-07T09:30:00+01:00");
    }

    @Test
    void dateComesFromDatetimeThenContentThenText() throws ExtractException {
        String html = """
                <div class="n"><h2><a href="/1">Eins</a></h2><time datetime="2025-02-07">7.2.</time></div>
                <div class="n"><h2><a href="/2">Zwei</a></h2><time datetime="">8. Februar 2025</time></div>
                <div class="n"><h2><a href="/3">Drei</a></h2><meta itemprop="datePublished" content="2025-02-09"></div>""";

        Extraction extraction = extract(html, rules("div.n", "h2", "h2", "time, meta", "", ""));

        assertThat(extraction.items()).extracting(RawItem::date).containsExactly("2025-02-07", "8. Februar 2025", "2025-02-09");
    }

    @Test
    void aTimeSelectorAddsTheTimeOfDayShownApartFromTheDate() throws ExtractException {
        String html = """
                <div class="post"><h2><a href="/1">Eins</a></h2>
                  <a href="/1" rel="bookmark" title="16:01"><span class="entry-date">13. Januar 2014</span></a></div>
                <div class="post"><h2><a href="/2">Zwei</a></h2><span class="entry-date">14. Januar 2014</span></div>
                <div class="post"><h2><a href="/3">Drei</a></h2><a rel="bookmark" title="09:30">ohne Datum</a></div>""";
        SelectorRules rules = new SelectorRules(Selector.parse("div.post"), Selector.parse("h2"), Selector.parse("h2 a"),
                Selector.parse(".entry-date"), Selector.NONE, Selector.NONE, Selector.parse("a[rel=bookmark]@title"));

        assertThat(extract(html, rules).items()).extracting(RawItem::date)
                .containsExactly("13. Januar 2014 16:01", "14. Januar 2014", "");
    }

    @Test
    void doubleEncodedTitlesAndSummariesAreRepaired() throws ExtractException {
        String html = "<article><h2><a href='/1'>GebÃ¼hren â€“ was sich Ã¤ndert</a></h2><p>Ab 2025 â€ž gÃ¼nstiger â€œ</p></article>"
                + "<article><h2><a href='/2'>Gebühren – was sich ändert</a></h2><p>Café für 5 €</p></article>";

        assertThat(extract(html, rules("article", "h2", "h2 a", "", "p", "")).items())
                .extracting(RawItem::title, RawItem::summary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Gebühren – was sich ändert", "Ab 2025 „ günstiger “"),
                        org.assertj.core.groups.Tuple.tuple("Gebühren – was sich ändert", "Café für 5 €"));
    }

    @Test
    void withoutDateSelectorATimeElementWithDatetimeIsUsed() throws ExtractException {
        String html = "<li><a href='/x'>X</a> <time datetime='2024-06-01T08:00:00Z'>gestern</time></li>";

        assertThat(single(html, rules("li", "a", "a", "", "", "")).date()).isEqualTo("2024-06-01T08:00:00Z");
    }

    @Test
    void linkSelectorOnAContainerTakesItsFirstLink() throws ExtractException {
        String html = "<div class='n'><h2 class='t'><span>Titel</span> <a href='/eins'>Titel</a> <a href='/zwei'>x</a></h2></div>";

        assertThat(single(html, rules("div.n", "h2.t", "h2.t", "", "", "")).link()).isEqualTo("https://news.example.org/eins");
    }

    @Test
    void linkSelectorMatchingNothingGivesNoLinkEvenIfTheItemHasOne() throws ExtractException {
        String html = "<div class='n'><h2>Titel</h2><a href='/werbung'>Anzeige</a></div>";

        assertThat(single(html, rules("div.n", "h2", "a.more", "", "", "")).link()).isEmpty();
    }

    @Test
    void withoutLinkSelectorTheItemsOwnLinkIsUsed() throws ExtractException {
        String html = "<a class='teaser' href='/story/1'><h3>Titel</h3></a>";

        assertThat(single(html, rules("a.teaser", "h3", "", "", "", "")).link()).isEqualTo("https://news.example.org/story/1");
    }

    @Test
    void baseHrefResolvesRelativeLinks() throws ExtractException {
        String html = "<html><head><base href='/archiv/2025/'></head><body><p><a href='meldung.html'>Meldung</a></p></body></html>";

        assertThat(single(html, rules("p", "a", "a", "", "", "")).link()).isEqualTo("https://news.example.org/archiv/2025/meldung.html");
    }

    @Test
    void relativeLinksResolveAgainstTheFinalUrl() throws ExtractException {
        Page page = new Page(URI.create("http://old.example.org/"), URL, 200, "text/html",
                "<p><a href='../impressum'>Impressum</a></p>".getBytes(StandardCharsets.UTF_8), Instant.EPOCH,
                org.rundschau.model.Validators.NONE);

        RawItem item = extractor.extract(page, rules("p", "a", "a", "", "", "")).items().get(0);

        assertThat(item.link()).isEqualTo("https://news.example.org/impressum");
    }

    @Test
    void itemsWithoutTitleAndLinkAreSkipped() throws ExtractException {
        String html = "<div class='n'><h2><a href='/1'>Eins</a></h2></div><div class='n'><p>Werbung</p></div>";

        assertThat(extract(html, rules("div.n", "h2", "h2", "", "", "")).items()).extracting(RawItem::title).containsExactly("Eins");
    }

    @Test
    void itemSelectorMatchingNothingIsAnError() {
        String html = "<div class='artikel'><h2>Titel</h2></div>";

        assertThatThrownBy(() -> extract(html, rules("div.news", "h2", "", "", "", "")))
                .isInstanceOf(ExtractException.class)
                .hasMessage("item selector `div.news` matched nothing on " + URL);
    }

    @Test
    void itemsThatAllLackTitleAndLinkAreAnError() {
        String html = "<div class='news'><p>x</p></div><div class='news'><p>y</p></div>";

        assertThatThrownBy(() -> extract(html, rules("div.news", "h2", "a.more", "", "", "")))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("matched 2 elements").hasMessageContaining("none has a title or link");
    }

    @Test
    void invalidCssIsAnExtractError() {
        assertThatThrownBy(() -> extract("<p>x</p>", rules("p", "h2[", "", "", "", "")))
                .isInstanceOf(ExtractException.class)
                .hasMessageStartingWith("invalid CSS selector `h2[`");
    }

    @Test
    void pageIsDecodedWithItsDeclaredCharset() throws ExtractException {
        byte[] body = "<meta charset=iso-8859-1><h2><a href='/x'>Grüße – €</a></h2>".getBytes(Charset.forName("windows-1252"));
        Page page = Page.of(URL, "text/html", body, Instant.EPOCH);

        assertThat(extractor.extract(page, rules("h2", "a", "a", "", "", "")).items().get(0).title()).isEqualTo("Grüße – €");
    }

    @Test
    void languageIsEmptyWhenThePageDeclaresNone() throws ExtractException {
        assertThat(extract("<html><body><h2><a href='/x'>X</a></h2></body></html>", rules("h2", "a", "a", "", "", "")).language())
                .isEmpty();
    }

    private Extraction extract(String html, SelectorRules rules) throws ExtractException {
        return extractor.extract(Page.of(URL, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Instant.EPOCH), rules);
    }

    private RawItem single(String html, SelectorRules rules) throws ExtractException {
        Extraction extraction = extract(html, rules);
        assertThat(extraction.items()).hasSize(1);
        return extraction.items().get(0);
    }

    private static SelectorRules rules(String item, String title, String link, String date, String summary, String region) {
        return new SelectorRules(Selector.parse(item), Selector.parse(title), Selector.parse(link), Selector.parse(date),
                Selector.parse(summary), Selector.parse(region));
    }
}
