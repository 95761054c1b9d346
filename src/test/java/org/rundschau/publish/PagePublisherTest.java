package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.publish.PageSample.ENTRIES;
import static org.rundschau.publish.PageSample.HOSTILE_ERROR;
import static org.rundschau.publish.PageSample.STATUSES;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

class PagePublisherTest {
    @TempDir
    Path output;

    private final PagePublisher pages = new PagePublisher();

    private Document index() throws IOException {
        pages.write(PageSample.config(output), ENTRIES, STATUSES);
        return read(output.resolve("index.html"));
    }

    private static Document read(Path file) throws IOException {
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "https://news.example.org/");
    }

    // --- entries ----------------------------------------------------------------------------------

    @Test
    void entriesAreGroupedByDayUnderGermanDayHeadingsInTheFeedsTimeZone() throws IOException {
        Document page = index();

        assertThat(page.select("main section.day > h2").eachText()).containsExactly(
                "Freitag, 7. Februar 2025", "Donnerstag, 6. Februar 2025", "Montag, 3. Februar 2025",
                "Freitag, 31. Januar 2025");
        assertThat(page.select("main section.day").get(0).select("article h3").eachText())
                .containsExactly("Bürgeramt & Kfz-Zulassung <online>", "Neue CIO für den Freistaat");
    }

    @Test
    void eachEntryShowsTimeRegionSourceLinkedTitleAndSummary() throws IOException {
        Element kfz = index().select("main article").get(0);

        assertThat(kfz.selectFirst("time").text()).isEqualTo("09:30");
        assertThat(kfz.selectFirst("time").attr("datetime")).isEqualTo("2025-02-07T09:30:00+01:00");
        assertThat(kfz.selectFirst(".meta").text()).isEqualTo("09:30 · Köln · Stadt Köln – Presse & Medien");
        assertThat(kfz.selectFirst(".region").attr("href")).isEqualTo("region/koeln.html");
        assertThat(kfz.selectFirst("h3 a").attr("href"))
                .isEqualTo("https://www.stadt-koeln.example/presse/buergeramt?id=17&lang=de");
        assertThat(kfz.selectFirst(".summary").text())
                .isEqualTo("Die Stadt Köln bietet ab sofort & rund um die Uhr Termine an.");
    }

    @Test
    void anEntryWithOnlyADateShowsNoInventedTime() throws IOException {
        Element cio = index().select("main article").get(1);

        assertThat(cio.select("time")).isEmpty();
        assertThat(cio.selectFirst(".meta").text()).isEqualTo("Sachsen · Kommune21");
    }

    @Test
    void markupInTitlesAndSummariesIsShownAsTextNeverAsElements() throws IOException {
        Document page = index();
        Element script = page.select("main article").get(2);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("main h1")).isEmpty();
        assertThat(script.selectFirst("h3").text()).isEqualTo("<script>alert('x')</script> Portal");
        assertThat(script.selectFirst(".summary").text()).isEqualTo("Ein Text mit </p><h1>Markup</h1> als Text.");
        assertThat(Files.readString(output.resolve("index.html"))).doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void onlyWebLinksAreLinked() throws IOException {
        Elements articles = index().select("main article");

        assertThat(articles.get(2).select("h3 a")).as("javascript: link").isEmpty();
        assertThat(articles.get(4).select("h3 a")).as("no link").isEmpty();
        assertThat(articles.get(4).selectFirst("h3").text()).isEqualTo("Info-Plattform zum Smart-City-Ansatz");
        assertThat(articles.get(4).select(".summary")).as("blank summary").isEmpty();
    }

    @Test
    void theIndexShowsAtMostTheFeedsNumberOfEntries() throws IOException {
        FeedConfig two = new FeedConfig(PageSample.FEED.title(), PageSample.FEED.id(), PageSample.FEED.self(), 2);
        pages.write(PageSample.config(output, Locale.GERMAN, two), ENTRIES, STATUSES);

        assertThat(read(output.resolve("index.html")).select("main article")).hasSize(2);
    }

    @Test
    void anEmptyStoreGivesAPageThatSaysSo() throws IOException {
        pages.write(PageSample.config(output), List.of(), List.of());
        Document page = read(output.resolve("index.html"));

        assertThat(page.selectFirst("main").text()).isEqualTo("Noch keine Meldungen.");
        assertThat(page.select("#sources li.source.new")).hasSize(4);
    }

    // --- feeds, regions, page basics --------------------------------------------------------------

    @Test
    void pageAdvertisesTheCombinedFeedsForAutodiscovery() throws IOException {
        Elements alternates = index().select("head link[rel=alternate]");

        assertThat(alternates.eachAttr("type"))
                .containsExactly("application/atom+xml", "application/rss+xml", "application/feed+json");
        assertThat(alternates.eachAttr("href")).containsExactly("feed.atom", "feed.rss", "feed.json");
        assertThat(alternates.eachAttr("title")).allMatch(t -> t.startsWith("Kommunale Digitalnachrichten ("));
    }

    @Test
    void pageLinksToEveryFeedRegionPageAndTheOpml() throws IOException {
        List<String> links = index().select("a[href]").eachAttr("href");

        assertThat(links).contains("feed.atom", "feed.rss", "feed.json", "sources.opml",
                "region/baden-wuerttemberg.html", "region/baden-wuerttemberg.atom", "region/koeln.html",
                "region/koeln.atom", "region/kreis-recklinghausen.atom", "region/sachsen.atom",
                "source/kommune21.atom", "source/koeln-presse.atom", "source/egov-blog.atom", "source/neu.atom");
    }

    @Test
    void regionsAreListedByNameAndEachSpellingHasThePageOfItsOwnFeed() throws IOException {
        Document page = index();

        // Two spellings that share a plain slug get two feeds (feeds keep the first one's name), and
        // so two pages under the same names: a region feed's alternate link always finds its page.
        assertThat(page.select("#regions li > a:not(.feed)").eachText())
                .containsExactly("Baden Württemberg", "Baden-Württemberg", "Köln", "Kreis Recklinghausen", "Sachsen");
        assertThat(page.select("#regions li > a:not(.feed)").eachAttr("href")).doesNotHaveDuplicates();
    }

    @Test
    void eachRegionHasAPageWithItsEntriesItsFeedAndAWayBack() throws IOException {
        pages.write(PageSample.config(output), ENTRIES, STATUSES);
        Document bw = read(output.resolve("region/baden-wuerttemberg.html"));

        assertThat(bw.selectFirst("h1").text()).isEqualTo("Baden-Württemberg");
        assertThat(bw.title()).isEqualTo("Baden-Württemberg – Kommunale Digitalnachrichten");
        assertThat(bw.select("main article h3").eachText()).containsExactly("<script>alert('x')</script> Portal");
        assertThat(bw.selectFirst("header nav a").attr("href")).isEqualTo("baden-wuerttemberg.atom");
        assertThat(bw.selectFirst("header a").attr("href")).isEqualTo("../index.html");
        assertThat(bw.select("head link[rel=alternate]").eachAttr("href"))
                .containsExactly("baden-wuerttemberg.atom", "../feed.atom", "../feed.rss", "../feed.json");
        assertThat(bw.selectFirst("head link[rel=alternate]").attr("title"))
                .isEqualTo("Kommunale Digitalnachrichten – Baden-Württemberg (Atom)");
        assertThat(bw.select("main .region").eachAttr("href")).containsOnly("../region/baden-wuerttemberg.html");
        assertThat(output.resolve("region")).isDirectoryContaining("glob:**/koeln.html")
                .isDirectoryContaining("glob:**/sachsen.html").isDirectoryContaining("glob:**/kreis-recklinghausen.html");
    }

    @Test
    void pageIsPlainMobileFriendlyHtmlWithoutScriptOrExternalResources() throws IOException {
        Document page = index();

        assertThat(page.documentType().name()).isEqualTo("html");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("script, img, iframe, link[rel=stylesheet], [style], [onclick], [onerror]")).isEmpty();
        assertThat(page.title()).isEqualTo("Kommunale Digitalnachrichten");
    }

    @Test
    void englishLocaleGivesEnglishHeadingsAndWords() throws IOException {
        pages.write(PageSample.config(output, Locale.ENGLISH, PageSample.FEED), ENTRIES, STATUSES);
        Document page = read(output.resolve("index.html"));

        assertThat(page.select("main section.day > h2").first().text()).isEqualTo("Friday, February 7, 2025");
        assertThat(page.selectFirst("#sources h2").text()).isEqualTo("Sources");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    // --- health -----------------------------------------------------------------------------------

    @Test
    void everyConfiguredSourceIsListedWithItsHealthInConfigOrder() throws IOException {
        Elements sources = index().select("#sources li.source");

        assertThat(sources.eachAttr("class"))
                .containsExactly("source ok", "source failing", "source ok", "source new");
        assertThat(sources.get(0).text()).contains("Kommune21", "● ok", "zuletzt erfolgreich: 07.02.2025, 10:00",
                "16 Meldungen beim letzten Abruf");
        assertThat(sources.get(0).selectFirst("h3 a").attr("href")).isEqualTo("https://www.kommune21.de/");
        assertThat(sources.get(0).select(".error")).isEmpty();
        assertThat(sources.get(3).text()).contains("Neue Quelle", "noch nicht abgerufen").doesNotContain("erfolgreich");
    }

    @Test
    void countsOfOneAreSingular() throws IOException {
        Elements sources = index().select("#sources li.source");

        assertThat(sources.get(0).text()).contains("16 Meldungen beim letzten Abruf");
        pages.write(PageSample.config(output), ENTRIES, List.of(
                SourceStatus.never("kommune21").succeeded(PageSample.NOW, 200, 1,
                        Validators.NONE, "", "r")
                        .failed(PageSample.NOW, 0, "kaputt", PageSample.NOW)));
        Element one = read(output.resolve("index.html")).select("#sources li.source").get(0);

        assertThat(one.text()).contains("gestört (1 Fehlversuch)", "1 Meldung beim letzten Abruf");
    }

    @Test
    void aFailingSourceShowsItsEscapedErrorAndNextAttempt() throws IOException {
        Element koeln = index().select("#sources li.source").get(1);

        assertThat(koeln.text()).contains("gestört (2 Fehlversuche in Folge)", "zuletzt erfolgreich: 07.02.2025, 10:00",
                "Nächster Versuch: 07.02.2025, 12:30");
        assertThat(koeln.selectFirst(".error").text()).isEqualTo("Letzter Fehler: " + HOSTILE_ERROR);
        assertThat(koeln.select("img")).isEmpty();
    }

    @Test
    void errorTextsAppearOnlyInTheHealthListNeverAsEntries() throws IOException {
        Document page = index();

        assertThat(page.selectFirst("main").text()).doesNotContain("no item matched").doesNotContain("extract:");
        assertThat(page.text()).doesNotContain("gone source error");
        assertThat(page.selectFirst("#sources").text()).contains("no item matched");
    }

    // --- writing ----------------------------------------------------------------------------------

    @Test
    void unchangedPagesAreNotRewritten() throws IOException {
        AppConfig config = PageSample.config(output);
        List<Path> first = pages.write(config, ENTRIES, STATUSES);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(output.resolve("index.html"), old);

        List<Path> second = pages.write(config, ENTRIES, STATUSES);

        assertThat(first).hasSize(6).endsWith(output.resolve("index.html"));
        assertThat(second).isEmpty();
        assertThat(Files.getLastModifiedTime(output.resolve("index.html"))).isEqualTo(old);
    }

    @Test
    void aChangedHealthRewritesOnlyTheIndex() throws IOException {
        AppConfig config = PageSample.config(output);
        pages.write(config, ENTRIES, STATUSES);

        List<Path> written = pages.write(config, ENTRIES, STATUSES.subList(0, 1));

        assertThat(written).containsExactly(output.resolve("index.html"));
    }
}
