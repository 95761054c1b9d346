package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigLoader;
import org.rundschau.model.Entry;
import org.rundschau.refresh.Backoff;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.SourceStatusStore;

/**
 * A 304, like an identical body, skips extraction only under the rules that extracted the page last:
 * after an admin changes a selector, or after an upgrade of Rundschau, the page is fetched without
 * validators and read with the new rules, though the server would answer 304 to the old validators.
 * A real WireMock server that honours {@code If-None-Match}, a real SQLite store.
 */
class RereadOnNewRulesTest {
    private static final String PAGE = """
            <html><body>
            <article><h2><a href="/a">Sachsen: Neue CIO für den Freistaat</a></h2>
              <p class="teaser">[07.02.2025] Kurz</p><p class="long">[07.02.2025] Ausführlich über die CIO</p></article>
            <article><h2><a href="/b">Digitalisierung: Blick in die Glaskugel</a></h2>
              <p class="teaser">[06.02.2025] Kurz</p><p class="long">[06.02.2025] Ausführlich über die Glaskugel</p></article>
            </body></html>
            """;

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Database database;

    @BeforeEach
    void serveAPageThatAnswers304ToItsETag() throws Exception {
        site.stubFor(get(urlEqualTo("/news.html")).withHeader("If-None-Match", absent()).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=UTF-8").withHeader("ETag", "\"v1\"").withBody(PAGE)));
        site.stubFor(get(urlEqualTo("/news.html")).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        database = Database.open(dir.resolve("data/test.db"));
    }

    @AfterEach
    void closeTheStore() {
        database.close();
    }

    @Test
    void aChangedSelectorReadsThePageAgainThoughTheServerWouldAnswer304() throws Exception {
        AppConfig teasers = config("p.teaser");
        assertThat(refresh(teasers, "build 1").unchanged()).isFalse();
        assertThat(summaries()).containsExactlyInAnyOrder("Kurz", "Kurz");
        assertThat(refresh(teasers, "build 1").unchanged()).as("same rules: the 304 stands").isTrue();

        RefreshOutcome changed = refresh(config("p.long"), "build 1");

        assertThat(changed.unchanged()).isFalse();
        assertThat(changed.stored().updated()).isEqualTo(2);
        assertThat(summaries()).containsExactlyInAnyOrder("Ausführlich über die CIO", "Ausführlich über die Glaskugel");
        assertThat(conditional()).containsExactly(false, true, false);
        assertThat(refresh(config("p.long"), "build 1").unchanged()).as("conditional again under the new rules").isTrue();
        assertThat(conditional()).containsExactly(false, true, false, true);
    }

    @Test
    void anotherBuildReadsThePageAgainOnceThenAsksConditionallyAgain() throws Exception {
        AppConfig teasers = config("p.teaser");
        refresh(teasers, "build 1");
        assertThat(refresh(teasers, "build 1").unchanged()).isTrue();

        assertThat(refresh(teasers, "build 2").unchanged()).isFalse();
        assertThat(refresh(teasers, "build 2").unchanged()).isTrue();

        assertThat(conditional()).containsExactly(false, true, false, true);
    }

    @Test
    void aFailureUnderNewRulesKeepsAskingWithoutValidatorsUntilTheyWork() throws Exception {
        refresh(config("p.teaser"), "build 1");

        RefreshOutcome broken = refresh(config("p.missing", "div.nothing"), "build 1");
        assertThat(broken.status().healthy()).isFalse();
        assertThat(refresh(config("p.long", "div.nothing"), "build 1").status().healthy()).isFalse();
        RefreshOutcome fixed = refresh(config("p.long"), "build 1");

        assertThat(fixed.status().healthy()).isTrue();
        assertThat(fixed.stored().updated()).isEqualTo(2);
        assertThat(conditional()).containsExactly(false, false, false, false);
    }

    private RefreshOutcome refresh(AppConfig config, String build) throws Exception {
        App.Stages stages = App.Stages.of(config, Clock.systemUTC());
        SourceRefresher refresher = new SourceRefresher(stages.fetcher(), stages.html(), stages.feeds(),
                stages.normalizer(), items(), new SourceStatusStore(database), Clock.systemUTC(),
                new Backoff(new SplittableRandom(1)), build);
        return refresher.refresh(config.sources().get(0));
    }

    private ItemStore items() {
        return new ItemStore(database, "tag:test.example.org,2026:");
    }

    private List<String> summaries() throws Exception {
        return items().newestOfSource("news", 10).stream().map(Entry::summary).toList();
    }

    /** For each request so far, in order: whether it carried the ETag. */
    private static List<Boolean> conditional() {
        return site.findAll(getRequestedFor(urlEqualTo("/news.html"))).stream()
                .map(LoggedRequest.class::cast).map(r -> r.containsHeader("If-None-Match")).toList();
    }

    private AppConfig config(String summary) throws Exception {
        return config(summary, "article");
    }

    private AppConfig config(String summary, String item) throws Exception {
        Path file = dir.resolve("rundschau.yaml");
        Files.writeString(file, """
                feed:
                  title: "Test feed"
                  id: "tag:test.example.org,2026:combined"
                output: %1$s/public
                database: %1$s/data/test.db
                fetch: {host-gap: 0}
                timezone: Europe/Berlin
                sources:
                  - id: news
                    url: %2$s/news.html
                    html:
                      item: "%3$s"
                      title: "h2"
                      link: "h2 a[href]"
                      summary: "%4$s"
                """.formatted(dir, site.baseUrl(), item, summary));
        return ConfigLoader.load(file);
    }
}
