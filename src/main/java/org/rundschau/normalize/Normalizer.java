package org.rundschau.normalize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Item;
import org.rundschau.model.RawItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns raw items into clean, identified items: date, region, title, summary, link. Thread-safe. */
public final class Normalizer {
    private static final Logger log = LoggerFactory.getLogger(Normalizer.class);
    /** A date later than this after the fetch is a site error (wrong year, wrong zone), not news from the future. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final RegionMapper regions;
    private final int summaryMaxChars;
    private final Map<ParserKey, DateParser> parsers = new ConcurrentHashMap<>();

    private record ParserKey(ZoneId zone, Locale locale) {
    }

    private record Dating(Optional<ParsedDate> date, String summary) {
    }

    /**
     * @param regions         region names and title prefixes
     * @param summaryMaxChars longest plain-text summary; longer ones are cut at a word with "…"
     */
    public Normalizer(RegionMapper regions, int summaryMaxChars) {
        this.regions = Objects.requireNonNull(regions, "regions");
        if (summaryMaxChars < 20) {
            throw new IllegalArgumentException("summaryMaxChars must be at least 20: " + summaryMaxChars);
        }
        this.summaryMaxChars = summaryMaxChars;
    }

    /**
     * @param language the page's declared language, "" if none (a hint when the source sets no locale)
     * @return empty when the raw item has nothing publishable (neither title nor link nor summary)
     */
    public Optional<Item> normalize(RawItem raw, SourceConfig source, String language, Instant fetchedAt) {
        String fullTitle = TextCleaner.clean(raw.title());
        String link = LinkCleaner.canonical(raw.link());
        String summaryText = raw.summaryIsHtml() ? TextCleaner.htmlToText(raw.summary()) : TextCleaner.clean(raw.summary());
        if (fullTitle.isEmpty() && link.isEmpty() && summaryText.isEmpty()) {
            return Optional.empty();
        }

        String rawDate = TextCleaner.clean(raw.date());
        Dating dating = date(rawDate, summaryText, source, language, fetchedAt);
        boolean dated = dating.date().isPresent();
        Instant published = dating.date().map(ParsedDate::instant).orElse(fetchedAt);
        String plainSummary = TextCleaner.stripReadMore(dating.summary());

        String title = fullTitle;
        String region;
        Optional<RegionMapper.TitleRegion> prefix = regions.fromTitle(fullTitle);
        String selected = TextCleaner.clean(raw.region());
        if (!selected.isEmpty()) {
            region = regions.canonical(selected).orElse(selected);
            if (prefix.isPresent() && prefix.get().region().equals(region)) {
                title = prefix.get().rest();
            }
        } else if (prefix.isPresent()) {
            region = prefix.get().region();
            title = prefix.get().rest();
        } else {
            String fixed = source.region().strip();
            region = fixed.isEmpty() ? "" : regions.canonical(fixed).orElse(fixed);
        }
        if (title.isEmpty() && !plainSummary.isEmpty()) {
            title = TextCleaner.titleFrom(plainSummary, TextCleaner.DERIVED_TITLE_CHARS);
        }

        boolean keepHtml = raw.summaryIsHtml() && dating.summary().equals(summaryText)
                && plainSummary.length() <= summaryMaxChars;
        String summary = keepHtml ? TextCleaner.sanitizeHtml(raw.summary(), link)
                : TextCleaner.summary(plainSummary, summaryMaxChars);
        String guid = raw.guid().strip();
        // the title as found (prefix included), so a gazetteer update never changes a key
        String key = ItemKeys.key(guid, link, fullTitle.isEmpty() ? title : fullTitle, rawDate);
        return Optional.of(new Item(source.id(), key, guid, published, dated, region, title, summary, keepHtml, link));
    }

    /**
     * The item's date: from the date field in the source's locale (then in the page language when
     * that differs), else from a stamp at the start of the summary, which is then removed. A stamp
     * repeating the date field's day is removed too. Dates more than a day after the fetch are
     * dropped as site errors.
     */
    private Dating date(String rawDate, String summary, SourceConfig source, String language, Instant fetchedAt) {
        DateParser parser = parser(source.timezone(), source.locale());
        Optional<ParsedDate> date;
        String rest = summary;
        if (!rawDate.isEmpty()) {
            date = parser.parse(rawDate, fetchedAt);
            if (date.isEmpty()) {
                date = hintParser(source, language).flatMap(p -> p.parse(rawDate, fetchedAt));
            }
            if (date.isPresent()) {
                rest = TextCleaner.stripLeadingDate(summary, parser, date.get().instant(), source.timezone());
            } else {
                log.debug("source={} no date in '{}'", source.id(), rawDate);
            }
        } else {
            Optional<TextCleaner.LeadingDate> stamp = TextCleaner.leadingDate(summary, parser, fetchedAt);
            date = stamp.map(TextCleaner.LeadingDate::date);
            rest = stamp.map(TextCleaner.LeadingDate::rest).orElse(summary);
        }
        if (date.isPresent() && date.get().instant().isAfter(fetchedAt.plus(FUTURE_TOLERANCE))) {
            log.info("source={} date {} is after the fetch at {}: treated as undated", source.id(),
                    date.get().instant(), fetchedAt);
            date = Optional.empty();
        }
        return new Dating(date, rest);
    }

    private Optional<DateParser> hintParser(SourceConfig source, String language) {
        if (language.isBlank()) {
            return Optional.empty();
        }
        Locale hint = Locale.forLanguageTag(language.strip().replace('_', '-'));
        if (hint.getLanguage().isEmpty() || hint.getLanguage().equals(source.locale().getLanguage())) {
            return Optional.empty();
        }
        return Optional.of(parser(source.timezone(), hint));
    }

    private DateParser parser(ZoneId zone, Locale locale) {
        return parsers.computeIfAbsent(new ParserKey(zone, locale), k -> new DateParser(k.zone(), k.locale()));
    }

    /** Where an item's region came from (see {@link #explain}). */
    public enum RegionOrigin { SELECTOR, TITLE_PREFIX, SOURCE_DEFAULT, NONE }

    /** Where an item's date came from (see {@link #explain}). */
    public enum DateOrigin { FIELD, SUMMARY_STAMP, NONE }

    /**
     * What {@link #normalize} made of one raw item, and why: for {@code check}'s diagnostics.
     *
     * @param dateFormat the date rule that matched ({@link ParsedDate#format()}), "" when undated
     */
    public record Explanation(Item item, DateOrigin dateFrom, String dateFormat, RegionOrigin regionFrom) {
        public Explanation {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(dateFrom, "dateFrom");
            Objects.requireNonNull(dateFormat, "dateFormat");
            Objects.requireNonNull(regionFrom, "regionFrom");
        }
    }

    /**
     * {@link #normalize}, plus where the date and the region came from. Follows the same rules (it
     * calls {@code normalize} for the item); slower, so only for diagnostics.
     *
     * @return empty exactly when {@code normalize} is
     */
    public Optional<Explanation> explain(RawItem raw, SourceConfig source, String language, Instant fetchedAt) {
        return normalize(raw, source, language, fetchedAt).map(item -> {
            String rawDate = TextCleaner.clean(raw.date());
            String summaryText = raw.summaryIsHtml() ? TextCleaner.htmlToText(raw.summary()) : TextCleaner.clean(raw.summary());
            Optional<ParsedDate> date = date(rawDate, summaryText, source, language, fetchedAt).date()
                    .filter(d -> item.dated());
            DateOrigin dateFrom = date.isEmpty() ? DateOrigin.NONE : rawDate.isEmpty() ? DateOrigin.SUMMARY_STAMP : DateOrigin.FIELD;
            RegionOrigin regionFrom = !item.hasRegion() ? RegionOrigin.NONE
                    : !TextCleaner.clean(raw.region()).isEmpty() ? RegionOrigin.SELECTOR
                    : regions.fromTitle(TextCleaner.clean(raw.title())).isPresent() ? RegionOrigin.TITLE_PREFIX
                    : RegionOrigin.SOURCE_DEFAULT;
            return new Explanation(item, dateFrom, date.map(ParsedDate::format).orElse(""), regionFrom);
        });
    }
}
