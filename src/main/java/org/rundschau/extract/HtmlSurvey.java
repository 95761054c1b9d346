package org.rundschau.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector.SelectorParseException;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.model.Page;

/**
 * Counts what a source's selectors match on a page, for {@code check}'s diagnostics: how many
 * elements the item selector matched, in how many of them each field selector found an element,
 * and, for comparison, how many elements some common item markup matches. Reads the page only.
 */
public final class HtmlSurvey {
    /** Markup that often holds one news item; counted so an admin sees what the page does have. */
    public static final List<String> COMMON_ITEMS =
            List.of("article", ".post", ".news", ".item", ".teaser", ".entry", "li", "h2", "h3", "tr");

    /**
     * @param itemMatches  elements the item selector matched on the page
     * @param fieldMatches per configured field selector ({@code title}, {@code link}, {@code date},
     *                     {@code summary}, {@code region}): in how many matched items it found an element
     * @param common       each of {@link #COMMON_ITEMS} that matches something, with its count, most first
     */
    public record Survey(int itemMatches, Map<String, Integer> fieldMatches, Map<String, Integer> common) {
        public Survey {
            fieldMatches = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldMatches));
            common = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(common));
        }
    }

    private HtmlSurvey() {
    }

    /** @throws ExtractException when a selector is not valid CSS (the same message as the extractor's) */
    public static Survey of(Page page, SelectorRules rules) throws ExtractException {
        Document document = HtmlDocuments.parse(page);
        Elements items = document.select(compile(rules.item(), page));
        Map<String, Integer> fields = new LinkedHashMap<>();
        Map<String, Selector> selectors = new LinkedHashMap<>();
        selectors.put("title", rules.title());
        selectors.put("link", rules.link());
        selectors.put("date", rules.date());
        selectors.put("summary", rules.summary());
        selectors.put("region", rules.region());
        for (Map.Entry<String, Selector> field : selectors.entrySet()) {
            if (!field.getValue().isPresent()) continue;
            Evaluator query = compile(field.getValue(), page);
            fields.put(field.getKey(), (int) items.stream().filter(item -> item.selectFirst(query) != null).count());
        }
        return new Survey(items.size(), fields, common(document));
    }

    private static Map<String, Integer> common(Document document) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        COMMON_ITEMS.stream()
                .map(css -> Map.entry(css, document.body().select(css).size()))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Evaluator compile(Selector selector, Page page) throws ExtractException {
        try {
            return org.jsoup.select.Selector.evaluatorOf(selector.css());
        } catch (SelectorParseException e) {
            throw new ExtractException(page.url(), "invalid CSS selector `" + selector.css() + "`: " + e.getMessage(), e);
        }
    }
}
