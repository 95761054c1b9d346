package org.rundschau.suggest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.HtmlDocuments;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;
import org.rundschau.normalize.DateParser;

/**
 * Finds the lists of news on an HTML page without being told any selector, and proposes the
 * selectors for each: what {@code rundschau suggest URL} prints.
 *
 * <p>Repeated structures that carry links (see {@link ItemSets}) become candidate items; inside
 * them the headline, its link, a date and a teaser are located and turned into CSS selectors that
 * work for most items. The most promising drafts are then checked by running the real
 * {@link HtmlExtractor} with their selectors, and ranked on what came out (see {@link ListScore}).
 * Nothing here knows any particular site.
 *
 * <p>Thread-safe: every call works on its own parsed document.
 */
public final class ListFinder {
    /** A list needs at least this many items to be a candidate. */
    public static final int MIN_ITEMS = 3;
    /** Item sets worth locating fields in, by their first impression. */
    static final int SETS_TO_DRAFT = 8;
    /** Drafts worth checking with the extractor (each check parses the page again). */
    static final int DRAFTS_TO_VERIFY = 4;

    private final HtmlExtractor extractor;

    public ListFinder(HtmlExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * @param zone   the zone dates on the page are read in
     * @param locale the language of month names when the page declares none ({@code <html lang>})
     * @return the candidates, best first; empty when the page has no repeated structure with links
     */
    public List<Candidate> find(Page page, ZoneId zone, Locale locale) {
        Document document = HtmlDocuments.parse(page);
        ItemFields fields = new ItemFields(new DateParser(zone, pageLocale(document, locale)), page.fetchedAt());
        ItemSelector itemSelector = new ItemSelector(document);
        List<Draft> drafts = new ArrayList<>();
        ItemSets.of(document, MIN_ITEMS).stream()
                .sorted(Comparator.comparingDouble(ListScore::firstImpression).reversed())
                .limit(SETS_TO_DRAFT)
                .forEach(items -> draft(items, fields, itemSelector).ifPresent(drafts::add));
        drafts.sort(Comparator.comparingDouble(Draft::score).reversed());
        Map<List<String>, Candidate> byLinks = new LinkedHashMap<>();
        drafts.stream().limit(DRAFTS_TO_VERIFY)
                .forEach(draft -> verify(page, draft, fields).ifPresent(c -> byLinks.merge(links(c), c,
                        (a, b) -> a.score() >= b.score() ? a : b)));
        List<Candidate> candidates = new ArrayList<>(byLinks.values());
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return List.copyOf(candidates);
    }

    /** The page's declared language, when it names one, else the caller's locale. */
    static Locale pageLocale(Document document, Locale fallback) {
        String lang = document.select("html").attr("lang").strip();
        Locale declared = Locale.forLanguageTag(lang.replace('_', '-'));
        return declared.getLanguage().isEmpty() ? fallback : declared;
    }

    /**
     * Selectors for one set of items before the extractor checked them, scored on the elements
     * they aim at.
     */
    record Draft(SelectorRules rules, List<RawItem> expected, ListScore.Markup markup, double score) {
    }

    private static Optional<Draft> draft(List<Element> items, ItemFields fields, ItemSelector itemSelector) {
        Targets targets = Targets.locate(items, fields);
        Optional<String> item = itemSelector.of(items);
        Optional<String> title = RelativeSelectors.best(items, targets.titles(), sameText());
        Optional<String> link = RelativeSelectors.best(items, targets.links(), sameLink());
        if (item.isEmpty() || title.isEmpty() || link.isEmpty()) return Optional.empty();
        SelectorRules rules = new SelectorRules(css(item), css(title), css(link),
                css(RelativeSelectors.best(items, targets.dates(), sameDate())),
                css(RelativeSelectors.best(items, targets.summaries(), sameText())), Selector.NONE);
        List<RawItem> expected = targets.rawItems();
        ListScore.Markup markup = ListScore.markup(items, targets.titles());
        return Optional.of(new Draft(rules, expected, markup, ListScore.of(expected, fields, markup)));
    }

    private Optional<Candidate> verify(Page page, Draft draft, ItemFields fields) {
        Extraction extraction;
        try {
            extraction = extractor.extract(page, draft.rules());
        } catch (ExtractException e) {
            return Optional.empty();
        }
        List<RawItem> items = extraction.items();
        if (items.size() < MIN_ITEMS) return Optional.empty();
        int dated = (int) items.stream().filter(i -> fields.isDate(i.date())).count();
        int summarised = (int) items.stream().filter(ListScore::hasSummary).count();
        return Optional.of(new Candidate(draft.rules(), items, dated, summarised,
                ListScore.of(items, fields, draft.markup())));
    }

    private static List<String> links(Candidate candidate) {
        return candidate.items().stream().map(RawItem::link).toList();
    }

    private static Selector css(Optional<String> css) {
        return css.map(c -> new Selector(c, "")).orElse(Selector.NONE);
    }

    private static BiPredicate<Element, Element> sameText() {
        return (found, target) -> found.text().equals(target.text());
    }

    /** The extractor reads a link from the element's href, else from its first link inside. */
    private static BiPredicate<Element, Element> sameLink() {
        return (found, target) -> {
            Element a = found.hasAttr("href") ? found : found.selectFirst("a[href]");
            return a != null && a.absUrl("href").equals(target.absUrl("href"));
        };
    }

    private static BiPredicate<Element, Element> sameDate() {
        return (found, target) -> ItemFields.dateValue(found).equals(ItemFields.dateValue(target));
    }
}
