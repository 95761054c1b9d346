package org.rundschau.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks what RSS 2.0 (https://www.rssboard.org/rss-specification) and JSON Feed 1.1
 * (https://www.jsonfeed.org/version/1.1/) require of a document, plus the rules Rundschau adds:
 * unique non-permalink guids and ids, parseable dates, absolute links.
 */
public final class FeedFormats {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private FeedFormats() {
    }

    /**
     * RSS 2.0: {@code <rss version="2.0">} with one {@code channel} holding the required {@code
     * title}, {@code link} and {@code description}; every {@code item} has a title or a
     * description. Rundschau's own rules: a {@code guid isPermaLink="false"} unique per item, an
     * RFC 822 {@code pubDate}, absolute item links, an {@code atom:link rel="self"}.
     */
    public static void assertValidRss(Path file) {
        Element rss = parse(file).getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        assertThat(children(rss, "channel")).as("channels").isEqualTo(1);
        Element channel = child(rss, "channel");
        for (String required : new String[] {"title", "link", "description"}) {
            assertThat(children(channel, required)).as("channel/%s", required).isEqualTo(1);
            assertThat(text(channel, required)).as("channel/%s", required).isNotBlank();
        }
        assertThat(channel.getElementsByTagNameNS(ATOM, "link").getLength()).as("atom:link").isPositive();
        Set<String> guids = new HashSet<>();
        NodeList items = channel.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertThat(text(item, "title") + text(item, "description")).as("item %d title or description", i).isNotBlank();
            Element guid = child(item, "guid");
            assertThat(guid).as("item %d guid", i).isNotNull();
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(guids.add(guid.getTextContent())).as("guid %s is unique", guid.getTextContent()).isTrue();
            assertThat(ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
            if (child(item, "link") != null) {
                assertThat(URI.create(text(item, "link")).isAbsolute()).as("link of item %d", i).isTrue();
            }
        }
    }

    /**
     * JSON Feed 1.1: {@code version} (the 1.1 URL), {@code title}, {@code items}; each item has an
     * {@code id} (unique here) and {@code content_html} or {@code content_text}; dates are RFC 3339;
     * URLs, when present, are absolute; authors are objects with a name.
     *
     * @return the parsed document, for further checks
     */
    public static JsonNode assertValidJsonFeed(Path file) {
        JsonNode feed;
        try {
            feed = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + file + ": " + e.getMessage(), e);
        }
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").isTextual()).as("title").isTrue();
        assertThat(feed.path("items").isArray()).as("items").isTrue();
        for (String url : new String[] {"home_page_url", "feed_url"}) {
            if (feed.has(url)) {
                assertThat(URI.create(feed.get(url).asText()).isAbsolute()).as(url).isTrue();
            }
        }
        assertAuthors(feed);
        Set<String> ids = new HashSet<>();
        for (JsonNode item : feed.get("items")) {
            assertThat(item.path("id").isTextual()).as("item id").isTrue();
            assertThat(ids.add(item.get("id").asText())).as("id %s is unique", item.get("id")).isTrue();
            assertThat(item.path("content_html").isTextual() || item.path("content_text").isTextual())
                    .as("content of %s", item.get("id")).isTrue();
            for (String date : new String[] {"date_published", "date_modified"}) {
                if (item.has(date)) {
                    assertThat(OffsetDateTime.parse(item.get(date).asText())).isNotNull();
                }
            }
            if (item.has("url")) {
                assertThat(URI.create(item.get("url").asText()).isAbsolute()).as("url of %s", item.get("id")).isTrue();
            }
            assertAuthors(item);
        }
        return feed;
    }

    private static void assertAuthors(JsonNode node) {
        if (node.has("authors")) {
            assertThat(node.get("authors").isArray()).isTrue();
            node.get("authors").forEach(author -> assertThat(author.path("name").isTextual()).isTrue());
        }
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + file + ": " + e.getMessage(), e);
        }
    }

    private static int children(Element parent, String name) {
        int count = 0;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNamespaceURI() == null && e.getLocalName().equals(name)) count++;
        }
        return count;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNamespaceURI() == null && e.getLocalName().equals(name)) return e;
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent();
    }
}
