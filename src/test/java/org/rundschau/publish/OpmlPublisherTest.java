package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;

class OpmlPublisherTest {
    @TempDir
    Path output;

    private final OpmlPublisher opml = new OpmlPublisher();

    private Document write(AppConfig config) throws Exception {
        opml.write(config);
        Path file = output.resolve("sources.opml");
        // Read with the JDK's XML parser first: it fails on anything that is not well-formed.
        javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(file.toFile());
        return Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
    }

    @Test
    void isAnOpmlTwoDocumentWithTheFeedTitle() throws Exception {
        Document doc = write(PageSample.config(output));

        assertThat(doc.selectFirst("opml").attr("version")).isEqualTo("2.0");
        assertThat(doc.selectFirst("head > title").text()).isEqualTo("Kommunale Digitalnachrichten – Quellen");
        assertThat(doc.select("body > outline")).hasSize(4);
    }

    @Test
    void feedSourcesAreRssOutlinesWithTheirOwnFeed() throws Exception {
        Element koeln = write(PageSample.config(output)).select("body > outline").get(1);

        assertThat(koeln.attr("type")).isEqualTo("rss");
        assertThat(koeln.attr("text")).isEqualTo("Stadt Köln – Presse & Medien");
        assertThat(koeln.attr("title")).isEqualTo("Stadt Köln – Presse & Medien");
        assertThat(koeln.attr("xmlUrl")).isEqualTo("https://www.stadt-koeln.example/presse/rss.xml");
        assertThat(koeln.hasAttr("htmlUrl")).isFalse();
        assertThat(koeln.attr("language")).isEqualTo("de");
    }

    @Test
    void htmlSourcesNameTheirPageAndTheFeedRundschauMakesOfThem() throws Exception {
        Element kommune21 = write(PageSample.config(output)).select("body > outline").get(0);

        assertThat(kommune21.attr("type")).isEqualTo("rss");
        assertThat(kommune21.attr("text")).isEqualTo("Kommune21");
        assertThat(kommune21.attr("htmlUrl")).isEqualTo("https://www.kommune21.de/");
        assertThat(kommune21.attr("xmlUrl")).isEqualTo("https://news.example.org/source/kommune21.atom");
    }

    @Test
    void withoutAPublicFeedUrlRundschauFeedsAreRelativeToTheOpmlFile() throws Exception {
        FeedConfig noSelf = new FeedConfig("T", "tag:t.example.org,2026:feed", "", 10);
        Elements outlines = write(PageSample.config(output, Locale.ENGLISH, noSelf)).select("body > outline");

        assertThat(outlines.get(0).attr("xmlUrl")).isEqualTo("source/kommune21.atom");
        assertThat(outlines.get(3).attr("xmlUrl")).isEqualTo("source/neu.atom");
        assertThat(outlines.get(2).attr("xmlUrl")).isEqualTo("https://egov-blog.example.org/atom.xml");
    }

    @Test
    void markupInNamesIsEscaped() throws Exception {
        Element egov = write(PageSample.config(output)).select("body > outline").get(2);

        assertThat(egov.attr("text")).isEqualTo("eGov <Blog>");
        assertThat(Files.readString(output.resolve("sources.opml"))).contains("text=\"eGov &lt;Blog&gt;\"");
    }

    @Test
    void unchangedSourcesDoNotRewriteTheFile() throws Exception {
        AppConfig config = PageSample.config(output);
        assertThat(opml.write(config)).isTrue();
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(output.resolve("sources.opml"), old);

        assertThat(opml.write(config)).isFalse();
        assertThat(Files.getLastModifiedTime(output.resolve("sources.opml"))).isEqualTo(old);
    }
}
