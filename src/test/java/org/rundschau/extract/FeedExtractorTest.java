package org.rundschau.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedExtractorTest {
    private static final URI URL = URI.create("https://example.org/news/feed.xml");
    private static final String SECRET = "SECRET-FILE-CONTENT";

    private final FeedExtractor extractor = new FeedExtractor();

    // --- security ---------------------------------------------------------------------------

    @Test
    void externalEntityIsNotResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>a&x;b</title><link>http://a.example/</link>"
                + "<description>&x;</description></item></channel></rss>";

        RawItem item = single(xml);

        assertThat(item.toString()).doesNotContain(SECRET);
        assertThat(item.title()).isEqualTo("ab");
    }

    @Test
    void etcPasswdIsNotLeaked() throws ExtractException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><item><title>&x;</title><link>http://a.example/</link></item></channel></rss>";

        assertThat(single(xml).title()).doesNotContain("root:").isEmpty();
    }

    @Test
    void externalDtdAndParameterEntitiesAreNotLoaded(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\">"
                + "<rss version=\"2.0\"><channel><item><title>[&leak;]</title><link>http://a.example/</link></item></channel></rss>";
        String parameter = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>"
                + "<rss version=\"2.0\"><channel><item><title>[&leak;]</title><link>http://a.example/</link></item></channel></rss>";

        for (String xml : new String[] {external, parameter}) {
            Extraction extraction = extractOrNull(xml);
            if (extraction != null) assertThat(extraction.items().toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void doctypeOfNetscapeRss091IsAllowed() throws ExtractException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>t</title>"
                + "<link>http://a.example/</link><description>d</description><language>en</language>"
                + "<item><title>Eins</title><link>http://a.example/1</link></item></channel></rss>";

        assertThat(single(xml).title()).isEqualTo("Eins");
    }

    @Test
    void entityExpansionBombIsNotExpanded() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lollollollol\">");
        for (int i = 1; i < 10; i++) xml.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        xml.append("]><rss version=\"2.0\"><channel><item><title>&l9;</title><link>http://a.example/</link></item></channel></rss>");

        // The JDK stops the strict parse at 64,000 expansions; the lenient reader expands nothing.
        Extraction extraction = extractOrNull(xml.toString());

        if (extraction != null) assertThat(extraction.items().toString()).doesNotContain("lollol");
    }

    // --- not a feed, broken feeds -------------------------------------------------------------

    @Test
    void htmlPageIsNotAFeed() {
        Page page = Page.of(URL, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Start</title></head><body><p>Hallo<br>Welt</body></html>".getBytes(StandardCharsets.UTF_8),
                Instant.EPOCH);

        assertThatThrownBy(() -> extractor.extract(page)).isInstanceOf(ExtractException.class)
                .hasMessage("expected an RSS or Atom feed but got an HTML page (text/html)");
    }

    @Test
    void wellFormedXhtmlPageIsNotAFeed() {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body/></html>";

        assertThatThrownBy(() -> extract(xhtml)).hasMessage("expected an RSS or Atom feed but got an HTML page (application/xml)");
    }

    @Test
    void otherXmlIsNotAFeed() {
        assertThatThrownBy(() -> extract("<sitemap><url>x</url></sitemap>"))
                .hasMessage("not a readable RSS/Atom document: root element <sitemap> is neither RSS nor Atom");
    }

    @Test
    void emptyBodyIsNotAFeed() {
        assertThatThrownBy(() -> extract("")).hasMessage("not a readable RSS/Atom document: the response body is empty");
    }

    @Test
    void truncatedFeedYieldsItsCompleteItems() throws ExtractException {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Eins</title><link>http://a.example/1</link></item>"
                + "<item><title>Zwei</title><link>http://a.example/2</link></item>"
                + "<item><title>Drei</title><link>http://a.exa";

        assertThat(extract(xml).items()).extracting(RawItem::title).containsExactly("Eins", "Zwei");
    }

    @Test
    void illFormedMarkupInsideItemsIsRepaired() throws ExtractException {
        String xml = "<rss version=\"2.0\"><channel><item><title>Eins</title><link>http://a.example/1</link>"
                + "<description>Zeile<br>Zeile</description></item></channel></rss>";

        RawItem item = single(xml);

        assertThat(item.title()).isEqualTo("Eins");
        assertThat(item.link()).isEqualTo("http://a.example/1");
    }

    @Test
    void truncatedFeedWithoutCompleteItemNamesTheParserProblemAndLine() {
        String xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>t</title>\n<item><title>Ei";

        assertThatThrownBy(() -> extract(xml)).isInstanceOf(ExtractException.class)
                .hasMessageStartingWith("not a readable RSS/Atom document: ")
                .hasMessageEndingWith("(line 5)");
    }

    @Test
    void lineNumberCountsCommentsBeforeTheXmlDeclaration() {
        Page page = Page.of(URL, "application/xml", FeedCorpusTest.bytes("feedparser__rss_incomplete_cdata.xml"), Instant.EPOCH);

        assertThatThrownBy(() -> extractor.extract(page)).hasMessageEndingWith("(line 13)");
    }

    // --- encodings ----------------------------------------------------------------------------

    @Test
    void declaredIso88591WithWindows1252BytesDecodesAsWindows1252() throws ExtractException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item>"
                + "<title>5 € – „Grüße“</title><link>http://a.example/</link></item></channel></rss>").getBytes(Charset.forName("windows-1252"));

        assertThat(single(body, "application/rss+xml").title()).isEqualTo("5 € – „Grüße“");
    }

    @Test
    void undeclaredLatin1BytesDecodeAsWindows1252() throws ExtractException {
        byte[] body = "<rss version=\"2.0\"><channel><item><title>Grüße</title><link>http://a.example/</link></item></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(single(body, "").title()).isEqualTo("Grüße");
    }

    @Test
    void httpCharsetIsUsedWhenTheDocumentDeclaresNone() throws ExtractException {
        byte[] body = "<rss version=\"2.0\"><channel><item><title>Привет</title><link>http://a.example/</link></item></channel></rss>"
                .getBytes(Charset.forName("KOI8-R"));

        assertThat(single(body, "application/rss+xml; charset=koi8-r").title()).isEqualTo("Привет");
    }

    @Test
    void xmlDeclarationBeatsAServerDefaultCharset() throws ExtractException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><rss version=\"2.0\"><channel><item><title>Œuvre €</title>"
                + "<link>http://a.example/</link></item></channel></rss>").getBytes(Charset.forName("ISO-8859-15"));

        assertThat(single(body, "text/xml; charset=utf-8").title()).isEqualTo("Œuvre €");
    }

    @Test
    void utf16WithByteOrderMarkIsRead() throws ExtractException {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><item><title>Ähre</title>"
                + "<link>http://a.example/</link></item></channel></rss>";

        assertThat(single(xml.getBytes(StandardCharsets.UTF_16BE), "").title()).isEqualTo("Ähre");
    }

    @Test
    void windows1252CharactersWrittenAsC1ControlsAreRepaired() throws ExtractException {
        String xml = "<rss version=\"2.0\"><channel><item><title>don\u0092t say \u0093no\u0094</title>"
                + "<link>http://a.example/</link></item></channel></rss>";

        assertThat(single(xml).title()).isEqualTo("don’t say “no”");
    }

    // --- mapping ------------------------------------------------------------------------------

    @Test
    void guidIsOnlyWhatTheDocumentDeclares() throws ExtractException {
        String xml = "<rss version=\"2.0\"><channel>"
                + "<item><title>Ohne</title><link>http://a.example/1</link></item>"
                + "<item><title>Mit</title><link>http://a.example/2</link><guid isPermaLink=\"false\">id-2</guid></item>"
                + "</channel></rss>";

        assertThat(extract(xml).items()).extracting(RawItem::guid).containsExactly("", "id-2");
    }

    @Test
    void guidBecomesTheLinkOnlyWhenItIsAPermalinkUrl() throws ExtractException {
        String xml = "<rss version=\"2.0\"><channel>"
                + "<item><title>A</title><guid>https://a.example/permalink</guid></item>"
                + "<item><title>B</title><guid isPermaLink=\"false\">https://a.example/not-a-permalink</guid></item>"
                + "<item><title>C</title><guid>tag:a.example,2025:3</guid></item>"
                + "</channel></rss>";

        assertThat(extract(xml).items()).extracting(RawItem::link).containsExactly("https://a.example/permalink", "", "");
    }

    @Test
    void relativeLinksResolveAgainstXmlBaseThenTheFeedUrl() throws ExtractException {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de-DE\"><title>t</title><id>urn:x</id>"
                + "<updated>2025-02-07T10:00:00Z</updated>"
                + "<entry xml:base=\"https://other.example/blog/\"><title>A</title><id>urn:a</id><link href=\"post-1\"/>"
                + "<updated>2025-02-07T10:00:00Z</updated></entry>"
                + "<entry><title>B</title><id>urn:b</id><link href=\"../post-2\"/><updated>2025-02-07T10:00:00Z</updated></entry>"
                + "</feed>";

        Extraction extraction = extract(xml);

        assertThat(extraction.items()).extracting(RawItem::link)
                .containsExactly("https://other.example/blog/post-1", "https://example.org/post-2");
        assertThat(extraction.language()).isEqualTo("de-DE");
    }

    @Test
    void atomPublishedBeatsUpdatedAndDatesBecomeInstants() throws ExtractException {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:x</id><updated>2025-02-08T10:00:00Z</updated>"
                + "<entry><title>A</title><id>urn:a</id><link href=\"https://a.example/\"/>"
                + "<updated>2025-02-08T10:00:00+01:00</updated><published>2025-02-07T10:00:00+01:00</published></entry></feed>";

        assertThat(single(xml).date()).isEqualTo("2025-02-07T09:00:00Z");
    }

    @Test
    void datesRomeCannotReadOrWithoutTimeStayAsWritten() throws ExtractException {
        String xml = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<item><title>A</title><link>http://a.example/1</link><pubDate>Fr, 07 Feb 2025 10:00:00 +0100</pubDate></item>"
                + "<item><title>B</title><link>http://a.example/2</link><dc:date>2025-02-07</dc:date></item>"
                + "<item><title>C</title><link>http://a.example/3</link><pubDate>Fri, 07 Feb 2025 10:00:00 +0100</pubDate></item>"
                + "</channel></rss>";

        assertThat(extract(xml).items()).extracting(RawItem::date)
                .containsExactly("Fr, 07 Feb 2025 10:00:00 +0100", "2025-02-07", "2025-02-07T09:00:00Z");
    }

    @Test
    void entriesRomeListsOtherwiseThanTheMarkupKeepRomesDates() throws ExtractException {
        // Rome reads only the RSS 1.0 namespace's items; the markup also counts the foreign one, so
        // the two lists cannot be matched and Rome's own reading of each date is what is left.
        String xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:x=\"urn:other\">"
                + "<channel rdf:about=\"https://example.org/\"><title>t</title><link>https://example.org/</link></channel>"
                + "<item rdf:about=\"https://example.org/1\"><title>A</title><link>https://example.org/1</link>"
                + "<dc:date>2025-02-07T10:00:00+01:00</dc:date></item>"
                + "<x:item><x:date>2025-01-01T00:00:00Z</x:date></x:item></rdf:RDF>";

        assertThat(single(xml).date()).isEqualTo("2025-02-07T09:00:00Z");
    }

    @Test
    void everyDateElementIsReadOnceRomeHasBuiltTheFeed() throws ExtractException {
        // Rome's parse of an item's dates is skipped (the dates are read from the markup): each
        // date element must still be there, in every format, for the item that carries it.
        String rss = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>t</title>"
                + "<item><title>A</title><link>http://a.example/1</link><pubDate>Fri, 07 Feb 2025 10:00:00 +0100</pubDate></item>"
                + "<item><title>B</title><link>http://a.example/2</link><dc:date>2025-02-06T10:00:00+01:00</dc:date></item>"
                + "<item><title>C</title><link>http://a.example/3</link><pubDate>gestern</pubDate></item>"
                + "<item><title>D</title><link>http://a.example/4</link></item></channel></rss>";
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:x</id><updated>2025-02-08T10:00:00Z</updated>"
                + "<entry><title>A</title><id>urn:a</id><updated>2025-02-05T10:00:00Z</updated></entry>"
                + "<entry><title>B</title><id>urn:b</id><published>2025-02-04T10:00:00Z</published></entry></feed>";

        assertThat(extract(rss).items()).extracting(RawItem::date)
                .containsExactly("2025-02-07T09:00:00Z", "2025-02-06T09:00:00Z", "gestern", "");
        assertThat(extract(atom).items()).extracting(RawItem::date)
                .containsExactly("2025-02-05T10:00:00Z", "2025-02-04T10:00:00Z");
    }

    @Test
    void unreadablePublicationDateGivesWayToAReadableOne() throws ExtractException {
        String xml = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<item><title>A</title><link>http://a.example/1</link><pubDate>gestern</pubDate>"
                + "<dc:date>2025-02-07T10:00:00+01:00</dc:date></item></channel></rss>";

        assertThat(single(xml).date()).isEqualTo("2025-02-07T09:00:00Z");
    }

    @Test
    void summaryIsHtmlForRssDescriptionsAndByTypeForAtom() throws ExtractException {
        String rss = "<rss version=\"2.0\"><channel><item><title>A</title><link>http://a.example/</link>"
                + "<description>&lt;b&gt;fett&lt;/b&gt;</description></item></channel></rss>";
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:x</id><updated>2025-02-07T10:00:00Z</updated>"
                + "<entry><title>A</title><id>urn:a</id><updated>2025-02-07T10:00:00Z</updated><summary>nur Text</summary></entry>"
                + "<entry><title>B</title><id>urn:b</id><updated>2025-02-07T10:00:00Z</updated>"
                + "<content type=\"html\">&lt;p&gt;Absatz&lt;/p&gt;</content></entry></feed>";

        assertThat(single(rss)).extracting(RawItem::summary, RawItem::summaryIsHtml).containsExactly("<b>fett</b>", true);
        assertThat(extract(atom).items()).extracting(RawItem::summary, RawItem::summaryIsHtml)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nur Text", false),
                        org.assertj.core.groups.Tuple.tuple("<p>Absatz</p>", true));
    }

    @Test
    void relativeReferencesInAnHtmlSummaryResolveAgainstItsXmlBaseElseTheItemLinkElseTheFeedUrl()
            throws ExtractException {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:x</id>"
                + "<updated>2022-04-21T00:00:00Z</updated>"
                + "<entry><title>A</title><id>https://numi.st/post/2022/travel-uke</id><updated>2022-04-21T00:00:00Z</updated>"
                + "<content type=\"html\" xml:base=\"https://numi.st/post/2022/travel-uke/\">"
                + "&lt;p&gt;&lt;img src=\"IMG_1232.jpeg\" /&gt;&lt;/p&gt;</content></entry></feed>";
        String rss = "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>A</title><link>https://blog.example/2025/02/a.html</link>"
                + "<description>&lt;a href=\"/impressum\"&gt;I&lt;/a&gt; &lt;img src=\"bild.png\"&gt;</description></item>"
                + "<item><title>B</title><description>&lt;a href=\"archiv/b.html\"&gt;B&lt;/a&gt;</description></item>"
                + "</channel></rss>";

        assertThat(single(atom).summary()).isEqualTo("<p><img src=\"https://numi.st/post/2022/travel-uke/IMG_1232.jpeg\"></p>");
        assertThat(extract(rss).items()).extracting(RawItem::summary).containsExactly(
                "<a href=\"https://blog.example/impressum\">I</a> <img src=\"https://blog.example/2025/02/bild.png\">",
                "<a href=\"https://example.org/news/archiv/b.html\">B</a>");
    }

    // --- helpers ------------------------------------------------------------------------------

    private Extraction extract(String xml) throws ExtractException {
        return extractor.extract(Page.of(URL, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
    }

    private Extraction extractOrNull(String xml) {
        try {
            return extract(xml);
        } catch (ExtractException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            return null;
        }
    }

    private RawItem single(String xml) throws ExtractException {
        return single(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    private RawItem single(byte[] body, String contentType) throws ExtractException {
        Extraction extraction = extractor.extract(Page.of(URL, contentType, body, Instant.EPOCH));
        assertThat(extraction.items()).hasSize(1);
        return extraction.items().get(0);
    }
}
