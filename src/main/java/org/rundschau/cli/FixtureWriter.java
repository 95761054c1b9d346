package org.rundschau.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceYaml;
import org.rundschau.model.Item;
import org.rundschau.model.Page;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.TextCleaner;
import org.rundschau.refresh.SourcePreview;

/**
 * Saves what {@code check --save-fixture DIR} fetched, laid out as the project's fixtures are
 * (STYLE.md H15, {@code src/test/resources/fixtures/kommune21/}): the page as received,
 * {@code listing-DATE.expected.tsv} with one row per item, and a README naming the origin.
 */
final class FixtureWriter {
    static final int SUMMARY_START = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Path dir;

    FixtureWriter(Path dir) {
        this.dir = dir;
    }

    record Saved(List<Path> files) {
    }

    /** @param result an {@link SourcePreview.Extracted} or {@link SourcePreview.ExtractFailed} result */
    Saved save(SourcePreview.Result result, SourceConfig source) throws IOException {
        Page page;
        if (result instanceof SourcePreview.Extracted e) {
            page = e.page();
        } else if (result instanceof SourcePreview.ExtractFailed f) {
            page = f.page();
        } else {
            throw new IllegalArgumentException("no page to save: " + result.error());
        }
        Files.createDirectories(dir);
        String stem = (source.isHtml() ? "listing-" : "feed-") + DAY.format(page.fetchedAt());
        List<Path> saved = new ArrayList<>();
        Path body = dir.resolve(stem + (source.isHtml() ? ".html" : ".xml"));
        Files.write(body, page.body());
        saved.add(body);
        if (result instanceof SourcePreview.Extracted extracted) {
            Path tsv = dir.resolve(stem + ".expected.tsv");
            Files.writeString(tsv, tsv(extracted.items()), StandardCharsets.UTF_8);
            saved.add(tsv);
        }
        Path readme = dir.resolve("README.md");
        boolean exists = Files.exists(readme);
        Files.writeString(readme, readme(page, source, body, saved.size() > 1, exists), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        saved.add(readme);
        return new Saved(saved);
    }

    /** The same columns as the kommune21 fixture: instant (empty when undated), region, title, link, summary start. */
    static String tsv(List<Normalizer.Explanation> items) {
        StringBuilder tsv = new StringBuilder("date\tregion\ttitle\tlink\tsummary_start\n");
        for (Normalizer.Explanation e : items) {
            Item item = e.item();
            String summary = item.summaryIsHtml() ? TextCleaner.htmlToText(item.summary()) : item.summary();
            tsv.append(item.dated() ? item.published().toString() : "").append('\t')
                    .append(cell(item.region())).append('\t')
                    .append(cell(item.title())).append('\t')
                    .append(cell(item.link())).append('\t')
                    .append(cell(summary.length() <= SUMMARY_START ? summary : summary.substring(0, SUMMARY_START)))
                    .append('\n');
        }
        return tsv.toString();
    }

    private static String cell(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private String readme(Page page, SourceConfig source, Path body, boolean withTsv, boolean append) {
        StringBuilder md = new StringBuilder();
        if (!append) md.append("# ").append(source.id()).append(" fixture\n\n");
        else md.append('\n');
        md.append("- `").append(body.getFileName()).append("`: ").append(page.requestUrl())
                .append(page.url().equals(page.requestUrl()) ? "" : " (final URL " + page.url() + ")")
                .append(" as fetched on ").append(page.fetchedAt()).append(" with Content-Type `")
                .append(page.contentType()).append("`; saved by `rundschau check --save-fixture`. Serve it with the same"
                        + " Content-Type in a test: the charset may come from the header.\n");
        if (withTsv) {
            md.append("- `").append(body.getFileName().toString().replaceFirst("\\.[a-z]+$", ""))
                    .append(".expected.tsv`: what Rundschau made of it, one row per item in page order: the instant"
                            + " (empty = no date on the page), the region, the title, the link and the first 60"
                            + " characters of the summary. CHECK EVERY ROW BY HAND before a test relies on it.\n");
        }
        md.append("\nThe source as checked:\n\n```yaml\n");
        md.append(source.isHtml()
                ? SourceYaml.html("", source.id(), source.name(), source.url(), "", source.selectors())
                : SourceYaml.feed("", source.id(), source.name(), source.url()));
        md.append("```\n");
        return md.toString();
    }
}
