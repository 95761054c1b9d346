package org.rundschau.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;

/**
 * The finder on every page of the HTML corpus, told nothing but the page: its first candidate must
 * find at least 90% of the hand-labelled items with the right title and link. The pages and labels
 * are the extract stage's copies of the corpus ({@code src/test/resources/extract/html/}, origins
 * in its README); the labelled selectors are not used.
 */
class SuggestCorpusTest {
    private static final String DIR = "/extract/html/";
    private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");
    private static final double REQUIRED_SHARE = 0.9;

    private final ListFinder finder = new ListFinder(new HtmlExtractor());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at-derstandard-inland", "de-echte-demokratie-jetzt-blog", "de-handwerksblatt-coronaschutz",
            "en-gohugo-news", "en-hacker-news", "en-schneier-blog"})
    void firstCandidateFindsTheLabelledItemsWithTheirTitlesAndLinks(String name) throws IOException {
        JsonNode label = new ObjectMapper().readTree(bytes(name + ".expected.json"));
        Page page = Page.of(URI.create(label.get("page_url").asText()),
                "text/html; charset=" + label.get("charset").asText(), bytes(name + ".html"), FETCHED);

        List<Candidate> candidates = finder.find(page, ZoneId.of("Europe/Berlin"), Locale.GERMAN);

        assertThat(candidates).as(name + ": candidates").isNotEmpty();
        Candidate first = candidates.get(0);
        JsonNode expected = label.get("items");
        int found = 0;
        for (JsonNode item : expected) {
            if (contains(first.items(), item.get("title").asText(), item.get("link").asText())) found++;
        }
        assertThat((double) found / expected.size())
                .as("%s: %d of %d labelled items found by %s", name, found, expected.size(), first.rules())
                .isGreaterThanOrEqualTo(REQUIRED_SHARE);
    }

    private static boolean contains(List<RawItem> items, String title, String link) {
        return items.stream().anyMatch(i -> collapse(i.title()).equals(collapse(title)) && i.link().equals(link));
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static byte[] bytes(String file) {
        try (InputStream in = SuggestCorpusTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DIR + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
