package org.rundschau.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rundschau.config.SourceConfig;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.fetch.FetchException;
import org.rundschau.fetch.FetchResult;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.model.Extraction;
import org.rundschau.model.Item;
import org.rundschau.model.Page;
import org.rundschau.model.Validators;
import org.rundschau.normalize.Normalizer;

/**
 * Fetches, extracts and normalises one source without storing anything: what an admin runs
 * before committing a source to the config.
 */
public final class SourcePreview {
    private final HttpFetcher fetcher;
    private final HtmlExtractor htmlExtractor;
    private final FeedExtractor feedExtractor;
    private final Normalizer normalizer;

    public SourcePreview(HttpFetcher fetcher, HtmlExtractor htmlExtractor, FeedExtractor feedExtractor,
                         Normalizer normalizer) {
        this.fetcher = fetcher;
        this.htmlExtractor = htmlExtractor;
        this.feedExtractor = feedExtractor;
        this.normalizer = normalizer;
    }

    /**
     * @param page      the fetched page, or null when fetching failed
     * @param extracted items the extractor found (before normalisation)
     * @param items     what would be stored
     * @param error     one sentence when the source failed, else ""
     */
    public record Result(Page page, int extracted, List<Item> items, String error) {
        public Result {
            items = List.copyOf(items);
            Objects.requireNonNull(error, "error");
        }

        public boolean failed() {
            return !error.isEmpty();
        }
    }

    public Result preview(SourceConfig source) {
        Page page = null;
        try {
            // Unconditional: a preview must show the page even when the store has validators for it.
            if (!(fetcher.fetch(source.url(), Validators.NONE) instanceof FetchResult.Fetched fetched)) {
                return new Result(null, 0, List.of(), "the server answered 304 Not Modified to an unconditional request");
            }
            page = fetched.page();
            Extraction extraction = source.isHtml()
                    ? htmlExtractor.extract(page, source.selectors()) : feedExtractor.extract(page);
            List<Item> items = new ArrayList<>();
            for (var raw : extraction.items()) {
                normalizer.normalize(raw, source, extraction.language(), page.fetchedAt()).ifPresent(items::add);
            }
            return new Result(page, extraction.items().size(), items, "");
        } catch (FetchException | ExtractException e) {
            return new Result(page, 0, List.of(), e.getMessage());
        }
    }
}
