package org.rundschau.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rundschau.config.Schedule;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.fetch.FetchSettings;
import org.rundschau.fetch.HostThrottle;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.Normalizer.RegionOrigin;
import org.rundschau.normalize.RegionMapper;

/** A preview's per-field facts and warnings, on small pages served over loopback. */
class SourcePreviewTest {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PAGE = """
            <html lang="de"><body><main>
              <article><h2><a href="/a">Sachsen: Neue CIO</a></h2><span class="d">07.02.2025</span><p>Text eins, lang genug.</p></article>
              <article><h2><a href="/b">OZG: Zweite Meldung</a></h2><span class="d">November 2021</span><p>Text zwei.</p></article>
              <article><h2><a href="/a">Dritte Meldung mit gleichem Link</a></h2><p>[06.02.2025] Text drei.</p></article>
              <article><p>Nur ein Teaser ohne Titel und Link.</p></article>
            </main></body></html>
            """;

    private final SourcePreview preview = new SourcePreview(
            new HttpFetcher(new FetchSettings("Rundschau/test", Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), 1_000_000, 3, true), Clock.systemUTC(), new HostThrottle(Duration.ZERO)),
            new HtmlExtractor(), new FeedExtractor(), new Normalizer(RegionMapper.bundled(Map.of())));

    private static SourceConfig html(String item, String title, String date, String region) {
        return new SourceConfig("test", "Test", URI.create(site.baseUrl() + "/"), SourceKind.HTML, "Bayern",
                ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse("every 30m"),
                new SelectorRules(Selector.parse(item), Selector.parse(title), Selector.parse("h2 a"), Selector.parse(date),
                        Selector.parse("p"), Selector.parse(region)));
    }

    @Test
    void countsFieldsDateFormatsAndRegionOriginsAndWarnsAboutWhatLooksWrong() {
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8").withBody(PAGE)));

        var result = (SourcePreview.Extracted) preview.preview(html("article", "h2", ".d", ".kicker"));

        Diagnostics d = result.diagnostics();
        assertThat(d.matched()).isEqualTo(4);
        assertThat(d.extracted()).isEqualTo(3);
        assertThat(d.found()).containsEntry("title", 3).containsEntry("date", 2).containsEntry("summary", 3);
        assertThat(d.selectorHits()).containsEntry("title", 3).containsEntry("date", 2).containsEntry("region", 0);
        assertThat(d.dated()).isEqualTo(2);
        assertThat(d.datesFromSummary()).isEqualTo(1);
        assertThat(d.unreadableDates()).containsExactly("November 2021");
        assertThat(d.regionOrigins()).containsEntry(RegionOrigin.TITLE_PREFIX, 1).containsEntry(RegionOrigin.SOURCE_DEFAULT, 2);
        assertThat(d.warnings()).containsExactly(
                "1 of the 4 elements the item selector `article` matched have neither a title nor a link and were skipped",
                "the title selector `h2` matched in only 3 of 4 items",
                "the link selector `h2 a` matched in only 3 of 4 items",
                "the region selector `.kicker` matched in none of the 4 items",
                "2 items share their link with another item; if they are different stories, the link selector may pick"
                        + " a link common to several (a category or \"more\" link)",
                "1 item repeats an earlier one with the same link: stored once, the first as it stands",
                "1 date text could not be read as a complete date (day, month and year), e.g. `November 2021`;"
                        + " point `date:` at an element that holds the full date");
    }

    @Test
    void anItemSelectorThatMatchesNothingReportsTheCommonMarkupOfThePage() {
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8").withBody(PAGE)));

        var result = (SourcePreview.ExtractFailed) preview.preview(html("div.news", "h2", "", ""));

        assertThat(result.error()).contains("`div.news` matched nothing");
        assertThat(result.diagnostics().pageCounts()).containsEntry("article", 4).containsEntry("h2", 3);
        assertThat(result.diagnostics().warnings()).first().asString()
                .startsWith("the item selector `div.news` matched 0 elements; the page has 4 matching `article`");
    }

    @Test
    void aFetchFailureKeepsTheHttpStatus() {
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(404)));

        var result = (SourcePreview.FetchFailed) preview.preview(html("article", "h2", "", ""));

        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.error()).contains("404");
    }
}
