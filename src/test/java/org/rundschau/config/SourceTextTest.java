package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source ids, YAML entries, text-level insertion into sources:, and OPML reading for import-opml and suggest. */
class SourceTextTest {
    private static final String CONFIG = """
            # Rundschau configuration
            feed:
              title: "T"   # the title
              id: "tag:t.example.org,2026:feed"

            sources:
              # first source
              - id: one
                url: https://one.example.org/feed.xml

              - id: two          # a comment
                url: https://two.example.org/
                html:
                  item: "article"
                  title: "h2"
                  link: "h2 a"
                # an indented comment after the last source
            # commented out:
            #  - id: three
            #    url: https://three.example.org/

            regions:
              "Rhein-Neckar": []
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"'Behörden Spiegel – News', behoerden-spiegel-news", "'  Café Überblick!! ', cafe-ueberblick",
            "'Straße & Verkehr', strasse-verkehr", "'???', ''", "'heise online: IT-News', heise-online-it-news"})
    void slugSpellsOutUmlautsAndJoinsWordsWithDashes(String title, String slug) {
        assertThat(SourceIds.slug(title)).isEqualTo(slug);
        if (!slug.isEmpty()) assertThat(SourceConfig.ID.matcher(slug).matches()).isTrue();
    }

    @Test
    void longTitlesAreCutAtAWord() {
        String slug = SourceIds.slug("Eine sehr lange Überschrift für einen Feed mit vielen Wörtern darin");
        assertThat(slug).hasSizeLessThanOrEqualTo(SourceIds.MAX_LENGTH).doesNotEndWith("-").startsWith("eine-sehr-lange");
    }

    @ParameterizedTest
    @CsvSource({"https://www.kommune21.de/, kommune21", "https://news.ycombinator.com/, news-ycombinator",
            "http://localhost:8080/x, localhost", "https://gohugo.io/news/, gohugo",
            "http://127.0.0.1:8080/feed.xml, 127-0-0-1", "http://10.1.2.3/, 10-1-2-3", "http://[::1]:8080/, ipv6-1",
            "http://[2001:db8::7]/, ipv6-2001-db8-7", "https://www2.1und1.de/, 1und1"})
    void idFromHostDropsWwwAndTheTopLevelDomain(String url, String id) {
        assertThat(SourceIds.fromHost(URI.create(url))).isEqualTo(id);
    }

    @Test
    void uniqueIdCountsUpPastTakenOnes() {
        assertThat(SourceIds.unique("heise", Set.of("heise", "heise-2"))).isEqualTo("heise-3");
        assertThat(SourceIds.unique("heise", Set.of())).isEqualTo("heise");
        assertThat(SourceIds.unique("", Set.of())).isEqualTo("source");
    }

    @Test
    void yamlEntryQuotesNamesAndSelectorsAndKeepsSafeUrlsPlain() {
        SelectorRules rules = new SelectorRules(Selector.parse("div.post"), Selector.parse("h2 \"x\""),
                Selector.parse("a@href"), Selector.parse("time"), Selector.NONE, Selector.NONE);
        String yaml = SourceYaml.html("  ", "blog", "A \"quoted\" name", URI.create("https://blog.example.org/?p=1&q=2"),
                "en", rules);
        assertThat(yaml).isEqualTo("""
                  - id: blog
                    name: "A \\"quoted\\" name"
                    url: https://blog.example.org/?p=1&q=2
                    locale: en
                    html:
                      item: "div.post"
                      title: "h2 \\"x\\""
                      link: "a@href"
                      date: "time"
                """);
        assertThat(SourceYaml.url("https://example.org/a b#c")).isEqualTo("\"https://example.org/a b#c\"");
    }

    @Test
    void appendedSourcesGoAfterTheLastSourceAndEveryOtherByteStays() throws ConfigException {
        SourcesBlock block = SourcesBlock.of(CONFIG);
        String entry = SourceYaml.feed(block.indent(), "new", "New", URI.create("https://new.example.org/rss"));

        String result = block.append(List.of(entry), "imported from feeds.opml");

        assertThat(result).isEqualTo(CONFIG.replace("""
                      link: "h2 a"
                """, """
                      link: "h2 a"

                  # imported from feeds.opml
                  - id: new
                    name: "New"
                    url: https://new.example.org/rss
                """));
        AppConfig config = ConfigLoader.parse(Path.of("rundschau.yaml"), result);
        assertThat(config.sources()).extracting(SourceConfig::id).containsExactly("one", "two", "new");
        assertThat(config.regions()).containsKey("Rhein-Neckar");
    }

    @Test
    void appendKeepsCrlfAndTheFilesOwnIndentation() {
        String text = "feed: {title: T, id: \"tag:t.example.org,2026:f\"}\r\nsources:\r\n- id: one\r\n  url: https://one.example.org/\r\n";
        SourcesBlock block = SourcesBlock.of(text);
        assertThat(block.indent()).isEmpty();

        String result = block.append(List.of(SourceYaml.feed(block.indent(), "two", "", URI.create("https://two.example.org/"))), "");

        assertThat(result).isEqualTo(text.replace("  url: https://one.example.org/\r\n",
                "  url: https://one.example.org/\r\n\r\n- id: two\r\n  url: https://two.example.org/\r\n"));
    }

    @Test
    void aFileWithoutSourcesGetsTheKeyAtTheEnd() {
        String text = "feed:\n  title: T\n";
        String result = SourcesBlock.of(text).append(List.of(SourceYaml.feed("  ", "a", "", URI.create("https://a.example.org/"))), "");
        assertThat(result).isEqualTo("feed:\n  title: T\nsources:\n  - id: a\n    url: https://a.example.org/\n");
    }

    @Test
    void aFlowStyleSourcesListIsRefusedWithAHint() {
        SourcesBlock block = SourcesBlock.of("sources: [{id: a, url: 'https://a.example.org/'}]\n");
        assertThatThrownBy(() -> block.append(List.of("- id: b\n"), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flow list");
    }

    @Test
    void opmlFeedsAreReadAtAnyDepthWithTitleOrText() throws Exception {
        Path opml = dir.resolve("feeds.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <opml version="2.0"><head><title>Abos</title></head><body>
                  <outline text="Verwaltung">
                    <outline type="rss" text="eGovernment" title="eGovernment News" xmlUrl="https://www.egovernment.de/rss/news.xml"/>
                    <outline type="rss" text="Behörden Spiegel" xmlUrl="https://www.behoerden-spiegel.de/feed/"/>
                  </outline>
                  <outline text="Mail" xmlUrl="mailto:x@example.org"/>
                  <outline text="no feed" htmlUrl="https://example.org/"/>
                </body></opml>
                """, StandardCharsets.ISO_8859_1);

        OpmlFile.Contents contents = OpmlFile.read(opml);

        assertThat(contents.feeds()).containsExactly(
                new OpmlFile.Feed("eGovernment News", URI.create("https://www.egovernment.de/rss/news.xml")),
                new OpmlFile.Feed("Behörden Spiegel", URI.create("https://www.behoerden-spiegel.de/feed/")));
        assertThat(contents.skipped()).singleElement().asString().contains("Mail").contains("not an http(s) URL");
    }

    @Test
    void aFileThatIsNotOpmlIsNamedInTheError() throws IOException {
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<html><body>hi</body></html>");
        assertThatThrownBy(() -> OpmlFile.read(html)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(html + ": not an OPML file");
    }
}
