package org.rundschau.suggest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.rundschau.normalize.DateParser;

/**
 * Finds, inside one item element, the elements that hold its fields: the headline, its link, a
 * date and a teaser. Works on one item at a time; {@link RelativeSelectors} then finds the CSS that
 * picks the same elements in every item.
 */
final class ItemFields {
    static final int MIN_SUMMARY_CHARS = 30;
    static final int MAX_DATE_CHARS = 80;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXT_BLOCKS = Set.of("div", "span", "section", "dd", "td", "li", "blockquote");
    private static final Set<String> BLOCKS = Set.of("div", "p", "ul", "ol", "table", "section", "article", "header",
            "footer", "h1", "h2", "h3", "h4", "h5", "h6");

    private final DateParser dates;
    private final Instant reference;

    ItemFields(DateParser dates, Instant reference) {
        this.dates = dates;
        this.reference = reference;
    }

    /**
     * The headline: the first heading with text (a linked one before others), else the link with
     * the longest text that is not a date.
     */
    Optional<Element> title(Element item) {
        List<Element> headings = item.getAllElements().stream()
                .filter(e -> HEADINGS.contains(e.normalName()) && hasWords(e.text())).toList();
        Optional<Element> linked = headings.stream().filter(h -> ownLink(item, h).isPresent()).findFirst();
        if (linked.isPresent()) return linked;
        if (!headings.isEmpty()) return Optional.of(headings.get(0));
        return item.select("a[href]").stream()
                .filter(a -> hasWords(a.text()) && !isDate(a.text()))
                .max((a, b) -> Integer.compare(a.text().length(), b.text().length()));
    }

    /** The headline's link: a link around it or inside it, else the first link of the item. */
    Optional<Element> link(Element item, Element title) {
        return ownLink(item, title).or(() -> Optional.ofNullable(item.selectFirst("a[href]")));
    }

    private static Optional<Element> ownLink(Element item, Element title) {
        for (Element e = title; e != null && e != item.parent(); e = e.parent()) {
            if (e.normalName().equals("a") && e.hasAttr("href")) return Optional.of(e);
        }
        return Optional.ofNullable(title.selectFirst("a[href]"));
    }

    /** The smallest element outside the headline whose value (as the extractor reads it) is a date. */
    Optional<Element> date(Element item, Element title) {
        Element best = null;
        for (Element e : item.getAllElements()) {
            if (e == item || contains(e, title) || contains(title, e)) continue;
            String value = dateValue(e);
            if (value.length() > MAX_DATE_CHARS || value.chars().noneMatch(Character::isDigit)) continue;
            if (isDate(value) && (best == null || value.length() < dateValue(best).length())) best = e;
        }
        return Optional.ofNullable(best);
    }

    /**
     * The teaser: the first paragraph of some length outside the headline and the date, else the
     * longest text block without blocks inside.
     */
    Optional<Element> summary(Element item, Element title, Optional<Element> date) {
        Element best = null;
        for (Element e : item.getAllElements()) {
            if (e == item || contains(e, title) || contains(title, e)) continue;
            if (date.isPresent() && (contains(e, date.get()) || contains(date.get(), e))) continue;
            if (e.text().length() < MIN_SUMMARY_CHARS) continue;
            if (e.normalName().equals("p")) return Optional.of(e);
            if (TEXT_BLOCKS.contains(e.normalName()) && !hasBlocks(e)
                    && (best == null || e.text().length() > best.text().length())) best = e;
        }
        return Optional.ofNullable(best);
    }

    /** As {@code HtmlExtractor} reads a date: datetime, else content, else the text. */
    static String dateValue(Element e) {
        for (String attribute : List.of("datetime", "content")) {
            String value = e.attr(attribute).strip();
            if (!value.isEmpty()) return value;
        }
        return e.text();
    }

    boolean isDate(String text) {
        return !text.isBlank() && dates.parse(text, reference).isPresent();
    }

    private static boolean hasWords(String text) {
        return text.strip().length() >= 2;
    }

    private static boolean hasBlocks(Element e) {
        for (Element d : e.getAllElements()) {
            if (d != e && BLOCKS.contains(d.normalName())) return true;
        }
        return false;
    }

    /** Whether {@code outer} is {@code inner} or one of its ancestors. */
    static boolean contains(Element outer, Element inner) {
        for (Element e = inner; e != null; e = e.parent()) {
            if (e == outer) return true;
        }
        return false;
    }
}
