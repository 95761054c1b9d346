package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.publish.SampleFeed.ENTRIES;
import static org.rundschau.publish.SampleFeed.FEED;
import static org.rundschau.publish.SampleFeed.SOURCES;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.Entry;
import org.rundschau.testing.FeedFormats;

class JsonFeedPublisherTest {
    private static final FeedConfig WITH_HUB = new FeedConfig(FEED.title(), FEED.id(), FEED.self(), 100, "", 25,
            "https://hub.example.org/");

    private final JsonFeedPublisher publisher = new JsonFeedPublisher("de");

    @TempDir
    Path dir;

    @Test
    void hasEveryFieldJsonFeed11RequiresAndTheRecommendedOnes() throws IOException {
        JsonNode feed = write(ENTRIES, WITH_HUB);

        assertThat(feed.get("title").asText()).isEqualTo("Kommunale Digitalnachrichten");
        assertThat(feed.get("home_page_url").asText()).isEqualTo("https://news.example.org/index.html");
        assertThat(feed.get("feed_url").asText()).isEqualTo("https://news.example.org/feed.json");
        assertThat(feed.get("language").asText()).isEqualTo("de");
        assertThat(feed.get("authors").get(0).get("name").asText()).isEqualTo("Kommunale Digitalnachrichten");
        assertThat(feed.get("hubs").get(0).get("type").asText()).isEqualTo("WebSub");
        assertThat(feed.get("hubs").get(0).get("url").asText()).isEqualTo("https://hub.example.org/");
        assertThat(feed.get("items")).hasSize(ENTRIES.size());
    }

    @Test
    void itemsCarryIdLinkTitleContentDatesAuthorAndRegion() throws IOException {
        JsonNode items = write(ENTRIES, FEED).get("items");

        JsonNode first = items.get(0);
        assertThat(first.get("id").asText()).isEqualTo("tag:rundschau.example.org,2026:kommune21/a1");
        assertThat(first.get("url").asText()).isEqualTo(ENTRIES.get(0).link());
        assertThat(first.get("title").asText()).isEqualTo("Sachsen: Neue CIO für den Freistaat");
        assertThat(first.get("content_text").asText()).isEqualTo(ENTRIES.get(0).summary());
        assertThat(first.get("date_published").asText()).isEqualTo("2025-02-06T23:00:00Z");
        assertThat(first.get("authors").get(0).get("name").asText()).isEqualTo("Kommune21");
        assertThat(first.get("tags").get(0).asText()).isEqualTo("Sachsen");
        JsonNode html = items.get(2);
        assertThat(html.get("content_html").asText()).isEqualTo(ENTRIES.get(2).summary());
        assertThat(html.has("content_text")).isFalse();
        assertThat(html.get("date_modified").asText()).isEqualTo("2025-02-07T08:15:42Z");
        assertThat(items.get(4).has("url")).as("no url for the entry without link").isFalse();
        assertThat(items.get(7).get("content_text").asText()).as("blank summary").isEmpty();
        assertThat(items.get(1).has("tags")).as("no region").isFalse();
    }

    @Test
    void controlCharactersAreStrippedAndQuotesEscaped() throws IOException {
        JsonNode items = write(ENTRIES, FEED).get("items");

        assertThat(items.get(5).get("title").asText()).isEqualTo("Thüringen: Kontrollzeichen und  im Titel");
        assertThat(items.get(5).get("content_text").asText()).isEqualTo("Zeile eins\nZeile zwei mit Escape [0m und Tab\tEnde");
        assertThat(items.get(1).get("title").asText()).isEqualTo("OZG: „Aufenthalt“ erreicht alle Milestones");
        String text = new String(render(List.of(SampleFeed.entry("kommune21", "q", "", "Ein \"Zitat\" \\ \u2028", "",
                false, "", "2025-02-01T10:00:00Z", "2025-02-01T10:00:00Z")), FEED), StandardCharsets.UTF_8);
        assertThat(text).contains("\"title\": \"Ein \\\"Zitat\\\" \\\\ \\u2028\"");
    }

    @Test
    void withoutSelfThereAreNoFeedOrHomeUrls() throws IOException {
        JsonNode feed = write(List.of(), new FeedConfig("Leer", FEED.id(), "", 10));

        assertThat(feed.has("feed_url")).isFalse();
        assertThat(feed.has("home_page_url")).isFalse();
        assertThat(feed.get("items")).isEmpty();
    }

    @Test
    void sameInputGivesTheSameBytes() {
        assertThat(render(List.copyOf(ENTRIES), FEED)).isEqualTo(render(ENTRIES, FEED));
    }

    private JsonNode write(List<Entry> entries, FeedConfig feed) throws IOException {
        Path file = dir.resolve("feed.json");
        Files.write(file, render(entries, feed));
        return FeedFormats.assertValidJsonFeed(file);
    }

    private byte[] render(List<Entry> entries, FeedConfig feed) {
        return publisher.renderBytes(new FeedLayout(feed), entries, feed, SOURCES);
    }
}
