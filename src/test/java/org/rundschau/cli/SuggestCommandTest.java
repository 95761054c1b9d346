package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code suggest URL}: feeds first, then the lists as paste-able source blocks with a preview. */
class SuggestCommandTest {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void serveAndConfigure() throws IOException {
        site.stubFor(get(urlEqualTo("/blog/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(CheckCommandTest.resource("extract/html/de-echte-demokratie-jetzt-blog.html"))));
        site.stubFor(get(urlEqualTo("/special")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(CheckCommandTest.resource("extract/html/de-handwerksblatt-coronaschutz.html"))));
        site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(CheckCommandTest.resource("extract/feeds/feedrs__rss_2.0_encoding_1.xml"))));
        site.stubFor(get(urlEqualTo("/empty")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body><p>Nothing here, <a href=\"/a\">one link</a>.</p></body></html>")));
        config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed: {title: "T", id: "tag:t.example.org,2026:feed"}
                fetch: {host-gap: 0}
                sources:
                  - id: localhost
                    url: https://example.org/feed.xml
                """);
    }

    @Test
    void printsTheListAsAPasteableBlockWithAPreviewAndRecommendsTheDeclaredFeed() throws Exception {
        CommandRun run = suggest(site.baseUrl() + "/blog/");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("http://www.echte-demokratie-jetzt.de/comments/feed/")
                .contains("Recommended: use the feed http://www.echte-demokratie-jetzt.de/feed/;")
                .contains("#1: 10 items, 10 with a date")
                .contains("  - id: localhost-2\n")
                .contains("      item: \"div.post\"\n")
                .contains("#   2014-01-13 00:00  Liebe Menschen Europas");
        String block = run.out().substring(run.out().indexOf("#1:"));
        block = block.substring(block.indexOf('\n') + 1, block.indexOf("    # first items"));
        Files.writeString(config, Files.readString(config) + block);
        assertThat(CommandRun.of("validate", "--config", config.toString()).code()).as("pasted block validates").isZero();
    }

    @Test
    void aBlockForAPageInAnotherLanguageSetsItsLocaleButOnlyToOneTheConfigTakes() throws IOException {
        String page = new String(CheckCommandTest.resource("extract/html/de-echte-demokratie-jetzt-blog.html"), StandardCharsets.UTF_8);
        site.stubFor(get(urlEqualTo("/fr/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(page.replace("<html lang=\"de-DE\">", "<html lang=\"fr-FR\">"))));
        site.stubFor(get(urlEqualTo("/deutsch/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(page.replace("<html lang=\"de-DE\">", "<html lang=\"deutsch\">"))));

        CommandRun french = suggest(site.baseUrl() + "/fr/");
        CommandRun unknown = suggest(site.baseUrl() + "/deutsch/");

        assertThat(french.code()).as(french.err()).isZero();
        assertThat(french.out()).contains("    locale: fr\n");
        assertThat(unknown.code()).as(unknown.err()).isZero();
        assertThat(unknown.out()).contains("      item: \"div.post\"\n").doesNotContain("locale:");
    }

    @Test
    void probeFindsAFeedAtAUsualPathWhenThePageDeclaresNone() {
        site.stubFor(get(urlEqualTo("/rss.xml")).willReturn(aResponse().withHeader("Content-Type", "text/xml")
                .withBody(resourceUnchecked("extract/feeds/feedrs__rss_2.0_encoding_1.xml"))));

        CommandRun run = suggest(site.baseUrl() + "/special", "--probe");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(site.baseUrl() + "/rss.xml  (/rss.xml answered with a feed)")
                .contains("Recommended: use the feed " + site.baseUrl() + "/rss.xml");
    }

    @Test
    void probeRecommendsNoDeclaredFeedThatDoesNotAnswerWithOne() {
        String special = new String(resourceUnchecked("extract/html/de-handwerksblatt-coronaschutz.html"), StandardCharsets.UTF_8);
        site.stubFor(get(urlEqualTo("/declares")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(special.replaceFirst("(?i)<head>",
                        "<head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/gone.xml\">"))));
        site.stubFor(get(urlEqualTo("/gone.xml")).willReturn(aResponse().withStatus(404)));
        site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(resourceUnchecked("extract/feeds/feedrs__rss_2.0_encoding_1.xml"))));

        CommandRun probed = suggest(site.baseUrl() + "/declares", "--probe");
        CommandRun trusted = suggest(site.baseUrl() + "/declares");

        assertThat(probed.code()).as(probed.err()).isZero();
        assertThat(probed.out()).contains(site.baseUrl() + "/gone.xml  (<link rel=\"alternate\">) did not answer with a feed")
                .contains("Recommended: use the feed " + site.baseUrl() + "/feed.xml");
        assertThat(trusted.out()).as("without --probe the declared feed is taken as it is")
                .contains("Recommended: use the feed " + site.baseUrl() + "/gone.xml");
    }

    @Test
    void withoutProbeOnlyThePageIsFetched() {
        CommandRun run = suggest(site.baseUrl() + "/special");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("declares no feed").contains("#1: 5 items");
        assertThat(site.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aFeedUrlIsRecognisedAndNeedsNoSelectors() {
        CommandRun run = suggest(site.baseUrl() + "/feed.xml");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("is a feed (1 entry): it needs no selectors")
                .contains("url: " + site.baseUrl() + "/feed.xml");
    }

    @Test
    void aPageWithoutListsOrFeedsSaysWhatToTryAndExitsOne() {
        CommandRun run = suggest(site.baseUrl() + "/empty");

        assertThat(run.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(run.out()).contains("No feed and no list of links found").contains("JavaScript");
    }

    @Test
    void somethingThatIsNotAUrlIsAUsageError() {
        CommandRun run = suggest("www.example.org");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("starting with http:// or https://");
    }

    private static byte[] resourceUnchecked(String name) {
        try {
            return CheckCommandTest.resource(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fewerThanOneCandidateIsAUsageErrorBeforeAnyFetch() {
        CommandRun run = suggest(site.baseUrl() + "/blog/", "--candidates", "0");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("suggest: --candidates must be at least 1: 0");
        site.verify(0, getRequestedFor(urlEqualTo("/blog/")));
    }

    private CommandRun suggest(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "suggest";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return CommandRun.of(all);
    }
}
