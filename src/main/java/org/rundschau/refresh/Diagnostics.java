package org.rundschau.refresh;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.rundschau.config.SourceConfig;
import org.rundschau.extract.HtmlSurvey;
import org.rundschau.model.RawItem;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.Normalizer.DateOrigin;
import org.rundschau.normalize.Normalizer.RegionOrigin;
import org.rundschau.store.ItemStore;

/**
 * Per-field facts about one preview, and warnings written for the admin.
 *
 * @param matched          HTML: elements the item selector matched; feeds: entries read
 * @param extracted        items the extractor kept (an HTML item needs a title or a link)
 * @param kept             items with something to publish after normalising
 * @param found            per field (title, link, date, summary, region): extracted items where it is not empty
 * @param selectorHits     HTML only: per configured field selector, in how many matched elements it found an element
 * @param dateFormats      per date rule that matched ({@code dd.MM.yyyy}, {@code RFC 1123 …}), how many items
 * @param datesFromSummary items dated by a stamp at the start of the teaser
 * @param unreadableDates  date texts that gave no date (up to three examples)
 * @param unreadableCount  how many date texts gave no date
 * @param regionOrigins    per origin (selector, title prefix, source default, none), how many items
 * @param pageCounts       HTML only: common item markup and how often it occurs on the page
 * @param warnings         sentences for the admin: what looks wrong and what to do
 */
public record Diagnostics(int matched, int extracted, int kept, Map<String, Integer> found,
                          Map<String, Integer> selectorHits, Map<String, Integer> dateFormats, int datesFromSummary,
                          List<String> unreadableDates, int unreadableCount, Map<RegionOrigin, Integer> regionOrigins,
                          Map<String, Integer> pageCounts, List<String> warnings) {
    static final int EXAMPLES = 3;
    static final List<String> FIELDS = List.of("title", "link", "date", "summary", "region");

    public Diagnostics {
        found = copy(found);
        selectorHits = copy(selectorHits);
        dateFormats = copy(dateFormats);
        unreadableDates = List.copyOf(unreadableDates);
        EnumMap<RegionOrigin, Integer> origins = new EnumMap<>(RegionOrigin.class);
        origins.putAll(regionOrigins);
        regionOrigins = Collections.unmodifiableMap(origins);
        pageCounts = copy(pageCounts);
        warnings = List.copyOf(warnings);
    }

    private static <K> Map<K, Integer> copy(Map<K, Integer> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }

    /** Items with a date from the source, by any rule. */
    public int dated() {
        return dateFormats.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * @param unreadable the date texts of extracted items that got no date, in page order
     */
    static Diagnostics of(SourceConfig source, Optional<HtmlSurvey.Survey> survey, List<RawItem> raw,
                          List<Normalizer.Explanation> items, List<String> unreadable) {
        Map<String, Integer> found = new LinkedHashMap<>();
        FIELDS.forEach(f -> found.put(f, (int) raw.stream().filter(r -> !value(r, f).isBlank()).count()));
        Map<String, Integer> formats = new TreeMap<>();
        Map<RegionOrigin, Integer> regions = new EnumMap<>(RegionOrigin.class);
        int fromSummary = 0;
        for (Normalizer.Explanation e : items) {
            if (e.dateFrom() != DateOrigin.NONE) formats.merge(e.dateFormat(), 1, Integer::sum);
            if (e.dateFrom() == DateOrigin.SUMMARY_STAMP) fromSummary++;
            regions.merge(e.regionFrom(), 1, Integer::sum);
        }
        int matched = survey.map(HtmlSurvey.Survey::itemMatches).orElse(raw.size());
        Diagnostics facts = new Diagnostics(matched, raw.size(), items.size(), found,
                survey.map(HtmlSurvey.Survey::fieldMatches).orElse(Map.of()), formats, fromSummary,
                unreadable.stream().distinct().limit(EXAMPLES).toList(), unreadable.size(), regions,
                survey.map(HtmlSurvey.Survey::common).orElse(Map.of()), List.of());
        int repeated = items.size() - ItemStore.firstOfEach(items.stream().map(Normalizer.Explanation::item).toList()).size();
        return facts.withWarnings(PreviewWarnings.of(source, facts, raw, repeated));
    }

    private Diagnostics withWarnings(List<String> list) {
        return new Diagnostics(matched, extracted, kept, found, selectorHits, dateFormats, datesFromSummary,
                unreadableDates, unreadableCount, regionOrigins, pageCounts, list);
    }

    static String value(RawItem raw, String field) {
        return switch (field) {
            case "title" -> raw.title();
            case "link" -> raw.link();
            case "date" -> raw.date();
            case "summary" -> raw.summary();
            case "region" -> raw.region();
            default -> throw new IllegalArgumentException("no such field: " + field);
        };
    }
}
