package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}: a configured source or a URL, the table, the diagnostics, the warnings, and --save-fixture. */
class CheckCommandTest {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void serveAndConfigure() throws IOException {
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(resource("fixtures/kommune21/listing-2025-02-07.html"))));
        site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(resource("extract/feeds/feedrs__rss_2.0_encoding_1.xml"))));
        config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed: {title: "T", id: "tag:t.example.org,2026:feed"}
                output: %1$s/public
                database: %1$s/data/t.db
                fetch: {host-gap: 0, allow-private-addresses: true}
                sources:
                  - id: kommune21
                    url: %2$s/
                    html: {item: "article", title: "h2, h3", link: "h2 a[href], h3 a[href]", summary: "p", region: ".kicker"}
                """.formatted(dir, site.baseUrl()));
    }

    @Test
    void diagnosticsCountEachFieldAndSayWhereDatesAndRegionsCameFrom() {
        CommandRun run = check("kommune21");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("selector `article` matched 16 elements; 16 had a title or link; 16 kept")
                .containsPattern("title\\s+found in 16 of 16 items \\(selector `h2, h3` found an element in 16\\)")
                .contains("15 items dated (dd.MM.yyyy: 15), 15 of them from a stamp at the start of the teaser")
                .contains("found for 9 of 16 items: 1 from the selector, 8 from a title prefix, 0 from the source's region")
                .contains("No warnings.");
    }

    @Test
    void aUrlWithSelectorOptionsNeedsNoConfiguredSource() {
        CommandRun run = check(site.baseUrl() + "/", "--item", "article", "--title", "h2, h3", "--link", "h2 a, h3 a");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Neue CIO für den Freistaat").contains("16 items extracted");
    }

    @Test
    void aUrlWithoutItemSelectorIsReadAsAFeed() {
        CommandRun run = check(site.baseUrl() + "/feed.xml");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Diagnostics (feed,").containsPattern("entries\\s+1 entry read, 1 kept");
    }

    @Test
    void aWebPageReadAsAFeedSaysSoAndPointsToSuggestWithoutCountingEntries() {
        CommandRun run = check(site.baseUrl() + "/");

        assertThat(run.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(run.err()).contains("expected an RSS or Atom feed but got an HTML page (text/html")
                .contains("`rundschau suggest " + site.baseUrl() + "/`");
        assertThat(run.out()).doesNotContain("Diagnostics").doesNotContain("No warnings");
    }

    @Test
    void aUrlWithOnlySomeSelectorsIsAUsageErrorThatSaysWhatIsMissing() {
        CommandRun run = check(site.baseUrl() + "/", "--item", "article");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("give --item, --title and --link");
    }

    @Test
    void anInvalidSelectorOptionIsAUsageErrorNamingTheOptionBeforeAnyFetch() {
        CommandRun url = check(site.baseUrl() + "/", "--item", "div.article", "--title", "h2 >", "--link", "a");
        CommandRun configured = check("kommune21", "--item", "article@href");

        assertThat(url.code()).isEqualTo(ExitCode.USAGE);
        assertThat(url.err()).startsWith("check: --title: invalid CSS selector 'h2 >': ")
                .doesNotContain("matched 0 elements");
        assertThat(configured.code()).isEqualTo(ExitCode.USAGE);
        assertThat(configured.err()).contains("check: --item: the item selector picks whole elements; remove '@href'");
        site.verify(0, getRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aTimezoneOrLocaleTheConfigWouldRefuseIsRefusedWithTheConfigsAdvice() {
        CommandRun zone = check("kommune21", "--timezone", "Europe/Berln");
        CommandRun language = check("kommune21", "--locale", "deutsch");
        CommandRun underscore = check("kommune21", "--locale", "de_AT");

        assertThat(zone.code()).isEqualTo(ExitCode.USAGE);
        assertThat(zone.err()).contains("check: --timezone: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?");
        assertThat(language.code()).isEqualTo(ExitCode.USAGE);
        assertThat(language.err()).contains("check: --locale: unknown locale 'deutsch'");
        assertThat(underscore.code()).isEqualTo(ExitCode.USAGE);
        assertThat(underscore.err()).contains("did you mean 'de-AT'?");
    }

    @Test
    void aValidTimezoneAndLocaleAreTaken() {
        CommandRun run = check("kommune21", "--timezone", "Europe/Vienna", "--locale", "de-AT");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("15 items dated");
    }

    @Test
    void anItemSelectorThatMatchesNothingNamesWhatThePageHasAndPointsToSuggest() {
        CommandRun run = check("kommune21", "--item", "div.news");

        assertThat(run.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(run.err()).contains("kommune21: item selector `div.news` matched nothing");
        assertThat(run.out()).contains("the item selector `div.news` matched 0 elements; the page has 16 matching `article`")
                .contains("Try `rundschau suggest " + site.baseUrl() + "/`: it finds a list of");
    }

    @Test
    void aFieldSelectorThatMatchesInNoItemIsAWarning() {
        CommandRun run = check("kommune21", "--date", ".datum");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("! the date selector `.datum` matched in none of the 16 items");
    }

    @Test
    void saveFixtureWritesThePageTheItemsAndAReadme() throws IOException {
        Path fixture = dir.resolve("fixtures/k21");

        CommandRun run = check("kommune21", "--save-fixture", fixture.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<Path> files;
        try (var list = Files.list(fixture)) {
            files = list.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString().replaceAll("\\d{4}-\\d\\d-\\d\\d", "DAY"))
                .containsExactly("README.md", "listing-DAY.expected.tsv", "listing-DAY.html");
        assertThat(Files.readAllBytes(files.get(2))).isEqualTo(resource("fixtures/kommune21/listing-2025-02-07.html"));
        List<String> rows = Files.readAllLines(files.get(1));
        assertThat(rows).hasSize(17).first().isEqualTo("date\tregion\ttitle\tlink\tsummary_start");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-02-06T23:00:00Z\tSachsen\tNeue CIO für den Freistaat\t"));
        assertThat(Files.readString(files.get(0))).contains(site.baseUrl() + "/").contains("text/html; charset=UTF-8")
                .contains("item: \"article\"");
        assertThat(run.out()).contains("Saved " + fixture);
    }

    @Test
    void saveFixtureToAFolderThatCannotBeMadeSaysWhyInWords() throws IOException {
        Files.writeString(dir.resolve("plain"), "a file, not a folder");
        Path fixture = dir.resolve("plain/fixture");

        CommandRun run = check("kommune21", "--save-fixture", fixture.toString());

        assertThat(run.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(run.err()).contains("--save-fixture: could not write to " + fixture + ": a folder on its path is a file");
    }

    private CommandRun check(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return CommandRun.of(all);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = CheckCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }
}
