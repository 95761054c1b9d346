package org.rundschau.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the HTML corpus with the selectors an admin would configure (from its
 * {@code expected.json}): every labelled item must come out, in order, with its title, link, raw
 * date and the start of its summary.
 */
class HtmlCorpusTest {
    private static final String DIR = "/extract/html/";
    private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");

    private final HtmlExtractor extractor = new HtmlExtractor();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at-derstandard-inland", "de-echte-demokratie-jetzt-blog", "de-handwerksblatt-coronaschutz",
            "en-gohugo-news", "en-hacker-news", "en-schneier-blog"})
    void extractsEveryLabelledItem(String name) throws Exception {
        JsonNode label = new ObjectMapper().readTree(bytes(name + ".expected.json"));
        Page page = Page.of(URI.create(label.get("page_url").asText()),
                "text/html; charset=" + label.get("charset").asText(), bytes(name + ".html"), FETCHED);

        Extraction extraction = extractor.extract(page, rules(label.get("selectors")));

        JsonNode expected = label.get("items");
        assertThat(extraction.items()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertItem(extraction.items().get(i), expected.get(i), i);
        }
        assertLanguage(extraction.language(), label.get("language").asText());
    }

    // The label is the language a reader sees; the extractor reports what <html lang> declares
    // (a regional variant such as de-DE, or nothing: Hacker News and Schneier declare none).
    private static void assertLanguage(String declared, String labelled) {
        if (!declared.isEmpty()) {
            assertThat(declared.split("-")[0]).isEqualToIgnoringCase(labelled.split("-")[0]);
        }
    }

    private static void assertItem(RawItem item, JsonNode expected, int index) {
        String where = "item " + index + " (" + expected.get("title").asText() + ")";
        assertThat(item.title()).as(where + " title").isEqualTo(expected.get("title").asText());
        assertThat(item.link()).as(where + " link").isEqualTo(expected.get("link").asText());
        if (hasValue(expected, "date_raw")) {
            assertThat(item.date()).as(where + " date").isEqualTo(expected.get("date_raw").asText());
        }
        if (hasValue(expected, "summary")) {
            assertThat(item.summary()).as(where + " summary").startsWith(expected.get("summary").asText());
        }
        assertThat(item.region()).as(where + " region").isEmpty();
    }

    // The corpus writes "link" + "link_attr: abs:href"; our selectors spell that "link@href".
    private static SelectorRules rules(JsonNode selectors) {
        return new SelectorRules(selector(selectors, "item"), selector(selectors, "title"), selector(selectors, "link"),
                selector(selectors, "date"), selector(selectors, "summary"), selector(selectors, "region"));
    }

    private static Selector selector(JsonNode selectors, String field) {
        if (!hasValue(selectors, field)) return Selector.NONE;
        String attr = hasValue(selectors, field + "_attr") ? selectors.get(field + "_attr").asText().replaceFirst("^abs:", "") : "";
        return new Selector(selectors.get(field).asText(), attr);
    }

    private static boolean hasValue(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isEmpty();
    }

    private static byte[] bytes(String file) {
        try (InputStream in = HtmlCorpusTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DIR + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
