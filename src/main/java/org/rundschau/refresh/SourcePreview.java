package org.rundschau.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rundschau.config.SourceConfig;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.extract.HtmlSurvey;
import org.rundschau.fetch.FetchException;
import org.rundschau.fetch.FetchResult;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;
import org.rundschau.model.Validators;
import org.rundschau.normalize.Normalizer;

/**
 * Fetches, extracts and normalises one source without storing anything, and says what went right
 * and wrong field by field: what an admin runs before committing a source to the config.
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

    /** What a preview found. */
    public sealed interface Result {
        /** One sentence for the admin: what went wrong, or "" when nothing did. */
        String error();
    }

    /**
     * Nothing came back to look at.
     *
     * @param httpStatus the HTTP status of the answer, 0 when none came
     */
    public record FetchFailed(String error, int httpStatus) implements Result {
        public FetchFailed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The page came, but no items came out of it; the diagnostics say what the page has instead. */
    public record ExtractFailed(Page page, String error, Diagnostics diagnostics) implements Result {
        public ExtractFailed {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(diagnostics, "diagnostics");
        }
    }

    /**
     * Items came out.
     *
     * @param raw   what the extractor found, in page order
     * @param items what would be stored, each with where its date and region came from
     */
    public record Extracted(Page page, List<RawItem> raw, List<Normalizer.Explanation> items, Diagnostics diagnostics)
            implements Result {
        public Extracted {
            Objects.requireNonNull(page, "page");
            raw = List.copyOf(raw);
            items = List.copyOf(items);
            Objects.requireNonNull(diagnostics, "diagnostics");
        }

        @Override
        public String error() {
            return "";
        }
    }

    public Result preview(SourceConfig source) {
        Page page;
        try {
            // Unconditional: a preview must show the page even when the store has validators for it.
            if (!(fetcher.fetch(source.url(), Validators.NONE) instanceof FetchResult.Fetched fetched)) {
                return new FetchFailed("the server answered 304 Not Modified to an unconditional request", 304);
            }
            page = fetched.page();
        } catch (FetchException e) {
            return new FetchFailed(e.getMessage(), e.httpStatus());
        }
        Optional<HtmlSurvey.Survey> survey;
        try {
            survey = source.isHtml() ? Optional.of(HtmlSurvey.of(page, source.selectors())) : Optional.empty();
        } catch (ExtractException e) {
            return new ExtractFailed(page, e.getMessage(),
                    Diagnostics.of(source, Optional.empty(), List.of(), List.of(), List.of()));
        }
        try {
            Extraction extraction = source.isHtml()
                    ? htmlExtractor.extract(page, source.selectors()) : feedExtractor.extract(page);
            List<Normalizer.Explanation> items = new ArrayList<>();
            List<String> unreadableDates = new ArrayList<>();
            List<Optional<Normalizer.Explanation>> explanations =
                    normalizer.explainAll(extraction.items(), source, extraction.language(), page.fetchedAt());
            for (int i = 0; i < extraction.items().size(); i++) {
                RawItem raw = extraction.items().get(i);
                Optional<Normalizer.Explanation> explained = explanations.get(i);
                explained.ifPresent(items::add);
                if (!raw.date().isBlank() && explained.filter(e -> !e.item().dated()).isPresent()) {
                    unreadableDates.add(raw.date().strip().replaceAll("\\s+", " "));
                }
            }
            return new Extracted(page, extraction.items(), items,
                    Diagnostics.of(source, survey, extraction.items(), items, unreadableDates));
        } catch (ExtractException e) {
            return new ExtractFailed(page, e.getMessage(),
                    Diagnostics.of(source, survey, List.of(), List.of(), List.of()));
        }
    }
}
