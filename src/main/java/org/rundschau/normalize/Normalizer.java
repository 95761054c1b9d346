package org.rundschau.normalize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final Map<ParserKey, DateParser> parsers = new ConcurrentHashMap<>();

    private record ParserKey(ZoneId zone, Locale locale, String dateFormat) {
    }

    private record Dating(Optional<ParsedDate> date, String summary) {
    }

    /**
     * @param regions region names and title prefixes
     */
    public Normalizer(RegionMapper regions) {
        this.regions = Objects.requireNonNull(regions, "regions");
    }

    /**
     * Summaries longer than the source's {@code summary-length} are cut at a word with "…".
     *
     * @param language the page's declared language, "" if none: it decides how dates are read when
     *                 the source sets no locale itself, and is tried after the source's locale otherwise
     * @return empty when the raw item has nothing publishable (neither title nor link nor summary)
     */
    public Optional<Item> normalize(RawItem raw, SourceConfig source, String language, Instant fetchedAt) {
        return normalize(raw, source, language, fetchedAt, false);
    }

    /**
     * The items of one fetch, as {@link #normalize} makes each, except that a link keeps a fragment
     * that tells its item apart from another of the fetch ({@link LinkCleaner#anchored}).
     */
    public List<Item> normalizeAll(List<RawItem> raws, SourceConfig source, String language, Instant fetchedAt) {
        Set<String> anchored = LinkCleaner.anchored(raws.stream().map(RawItem::link).toList());
        List<Item> items = new ArrayList<>(raws.size());
        for (RawItem raw : raws) {
            normalize(raw, source, language, fetchedAt, anchored.contains(raw.link())).ifPresent(items::add);
        }
        return items;
    }

    private Optional<Item> normalize(RawItem raw, SourceConfig source, String language, Instant fetchedAt,
                                     boolean keepFragment) {
        String fullTitle = TextCleaner.clean(raw.title());
        String link = LinkCleaner.canonical(raw.link(), keepFragment);
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

        boolean keepHtml = raw.summaryIsHtml() && dating.summary().equals(summaryText);
        String summary = keepHtml ? TextCleaner.sanitizeHtml(raw.summary(), link, source.summaryLength())
                : TextCleaner.summary(plainSummary, source.summaryLength());
        String guid = raw.guid().strip();
        // the title as found (prefix included), so a gazetteer update never changes a key
        String key = ItemKeys.key(guid, link, fullTitle.isEmpty() ? title : fullTitle, rawDate);
        return Optional.of(new Item(source.id(), key, guid, published, dated, region, title, summary, keepHtml, link));
    }

    /**
     * The item's date: from the date field, else from a stamp at the start of the summary, which is
     * then removed. A stamp repeating the date field's day is removed too. Each is read with the
     * parsers of {@link #parsers} in turn. Dates more than a day after the fetch are dropped as
     * site errors.
     */
    private Dating date(String rawDate, String summary, SourceConfig source, String language, Instant fetchedAt) {
        List<DateParser> readers = parsers(source, language);
        Optional<ParsedDate> date = Optional.empty();
        String rest = summary;
        if (!rawDate.isEmpty()) {
            for (DateParser parser : readers) {
                date = parser.parse(rawDate, fetchedAt);
                if (date.isPresent()) {
                    rest = TextCleaner.stripLeadingDate(summary, parser, date.get().instant(), source.timezone());
                    break;
                }
            }
            if (date.isEmpty()) {
                log.debug("source={} no date in '{}'", source.id(), rawDate);
            }
        } else {
            Optional<TextCleaner.LeadingDate> stamp = readers.stream()
                    .flatMap(parser -> TextCleaner.leadingDate(summary, parser, fetchedAt).stream())
                    .findFirst();
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

    /**
     * The date parsers for a source and page, in the order they are tried. A locale the source sets
     * itself comes first and the page's declared language second (a page may be mislabelled, the
     * admin's word is not). When the source sets none, the page's language comes first and the
     * inherited global locale second: the global default is a guess for all sources, the page's
     * declaration is about this page. Locales of one language share their month names, so the
     * second parser is only added for a different language.
     */
    private List<DateParser> parsers(SourceConfig source, String language) {
        Optional<Locale> declared = declaredLocale(language);
        Locale first = source.localeExplicit() ? source.locale() : declared.orElse(source.locale());
        Locale second = source.localeExplicit() ? declared.orElse(source.locale()) : source.locale();
        DateParser primary = parser(source.timezone(), first, source.dateFormat());
        if (second.getLanguage().equals(first.getLanguage())) {
            return List.of(primary);
        }
        return List.of(primary, parser(source.timezone(), second, source.dateFormat()));
    }

    private static Optional<Locale> declaredLocale(String language) {
        Locale locale = Locale.forLanguageTag(language.strip().replace('_', '-'));
        return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
    }

    private DateParser parser(ZoneId zone, Locale locale, String dateFormat) {
        return parsers.computeIfAbsent(new ParserKey(zone, locale, dateFormat), k -> k.dateFormat().isEmpty()
                ? new DateParser(k.zone(), k.locale())
                : DateParser.withPattern(k.dateFormat(), k.zone(), k.locale()));
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
        return explain(raw, source, language, fetchedAt, false);
    }

    /** {@link #explain} for each item of one fetch, in order, with links as {@link #normalizeAll} makes them. */
    public List<Optional<Explanation>> explainAll(List<RawItem> raws, SourceConfig source, String language,
                                                  Instant fetchedAt) {
        Set<String> anchored = LinkCleaner.anchored(raws.stream().map(RawItem::link).toList());
        List<Optional<Explanation>> explained = new ArrayList<>(raws.size());
        for (RawItem raw : raws) explained.add(explain(raw, source, language, fetchedAt, anchored.contains(raw.link())));
        return explained;
    }

    private Optional<Explanation> explain(RawItem raw, SourceConfig source, String language, Instant fetchedAt,
                                          boolean keepFragment) {
        return normalize(raw, source, language, fetchedAt, keepFragment).map(item -> {
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
