package org.rundschau.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every feed of the corpus against its hand-checked label in {@code extract/feeds/expected.tsv}:
 * number of complete entries, first entry's title, link and date.
 */
class FeedCorpusTest {
    private static final String DIR = "/extract/feeds/";
    private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");
    // Where a label's expected link depends on the feed's own URL (relative links).
    private static final Map<String, String> FEED_URLS = Map.of(
            "feedrs__atom_relative.xml", "https://example.com/blog/feed.xml",
            "feedrs__rss_2.0_relurl_2.xml", "https://kryogenix.org/random/relurleg.xml");

    private final FeedExtractor extractor = new FeedExtractor();

    /** One row of expected.tsv (only the columns the test checks). */
    record Label(String file, int entryCount, String title, String link, String dateIso, String dateRaw, String format) {
        @Override
        public String toString() {
            return file;
        }

        boolean illFormed() {
            return format.contains("truncated") || format.contains("ill-formed");
        }
    }

    static List<Label> labels() {
        List<String> lines = resource("expected.tsv").lines().skip(1).filter(l -> !l.isBlank()).toList();
        return lines.stream().map(line -> {
            String[] f = Arrays.stream(line.split("\t", -1)).map(FeedCorpusTest::unquote).toArray(String[]::new);
            return new Label(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6]);
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void readsCompleteEntriesWithFirstTitleLinkAndDate(Label label) throws ExtractException {
        Page page = Page.of(feedUrl(label.file()), "application/xml", bytes(label.file()), FETCHED);
        if (label.illFormed() && label.entryCount() == 0) {
            assertThatThrownBy(() -> extractor.extract(page))
                    .isInstanceOf(ExtractException.class)
                    .hasMessageStartingWith("not a readable RSS/Atom document: ")
                    .hasMessageContaining("(line ");
            return;
        }
        Extraction extraction = extractor.extract(page);
        assertThat(extraction.items()).hasSize(label.entryCount());
        if (label.entryCount() == 0) return;
        RawItem first = extraction.items().get(0);
        assertThat(first.title()).isEqualTo(label.title());
        assertThat(first.link()).isEqualTo(label.link());
        assertDate(first.date(), label);
    }

    // Rome's parse is compared as an instant; a date Rome cannot read (or a date without time)
    // must come through as written, for the normaliser.
    private static void assertDate(String date, Label label) {
        if (label.dateIso().isEmpty()) {
            assertThat(date).isEmpty();
            return;
        }
        Optional<Instant> parsed = instant(date);
        if (parsed.isPresent()) {
            assertThat(parsed.get()).isEqualTo(OffsetDateTime.parse(label.dateIso()).toInstant());
        } else {
            String raw = label.dateRaw().replaceFirst("\\s*\\(.*\\)$", "");
            assertThat(date).isEqualTo(raw);
            if (label.dateIso().length() == 10) assertThat(LocalDate.parse(date)).isEqualTo(LocalDate.parse(label.dateIso()));
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static URI feedUrl(String file) {
        return URI.create(FEED_URLS.getOrDefault(file, "https://feeds.example.org/" + file));
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    static byte[] bytes(String file) {
        try (InputStream in = FeedCorpusTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DIR + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
