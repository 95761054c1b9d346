package org.rundschau.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector.SelectorParseException;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;
import org.rundschau.model.RawItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads items from an HTML listing page with the source's CSS selectors. Thread-safe.
 *
 * <p>The page is decoded by {@link HtmlCharset} (header, BOM, meta prescan, UTF-8 check,
 * windows-1252) and parsed with the page's final URL as base URI; a {@code <base href>} overrides
 * it, as in browsers. {@code item} selects elements on the document; every other selector is
 * applied inside one item, first match. A selector with {@code @attr} reads that attribute, else:
 * <ul>
 *   <li>title, summary, region: the element's text, whitespace collapsed;</li>
 *   <li>link: the element's {@code href}, else its first descendant {@code a[href]}, made absolute.
 *       Without a link selector, the item element itself is that element. A configured link
 *       selector that matches nothing gives "" (no guessing from other links in the item);</li>
 *   <li>date: the element's {@code datetime} attribute, else its {@code content} attribute (meta,
 *       microdata), else its text; without a date selector, a {@code time[datetime]} in the item.
 *       A {@code time} selector's text (or attribute) is appended after a space, for pages that
 *       show the time of day apart from the date ({@code 13. Januar 2014} + {@code 16:01}).</li>
 * </ul>
 * Titles and summaries that a site stored double-encoded ({@code Ã¤} for {@code ä}) are repaired
 * (see {@link Mojibake}). Items with neither title nor link are skipped.
 */
public final class HtmlExtractor {
    private static final Logger log = LoggerFactory.getLogger(HtmlExtractor.class);
    private static final Evaluator TIME_WITH_DATETIME = org.jsoup.select.Selector.evaluatorOf("time[datetime]");
    private static final Evaluator LINK = org.jsoup.select.Selector.evaluatorOf("a[href]");

    /**
     * @throws ExtractException when a selector is not valid CSS, when the item selector matches
     *                          nothing, or when no matched item has a title or link (the site
     *                          probably changed its markup; the caller records a source error
     *                          instead of publishing nothing)
     */
    public Extraction extract(Page page, SelectorRules rules) throws ExtractException {
        CompiledRules compiled = CompiledRules.of(rules, page);
        Document document = Jsoup.parse(HtmlCharset.decode(page.body(), page.contentType()), page.url().toString());
        List<Element> elements = document.select(compiled.item());
        if (elements.isEmpty()) {
            throw new ExtractException(page.url(),
                    "item selector `" + rules.item().css() + "` matched nothing on " + page.url());
        }
        List<RawItem> items = readItems(elements, compiled, page);
        if (items.isEmpty()) {
            throw new ExtractException(page.url(), "item selector `" + rules.item().css() + "` matched "
                    + elements.size() + " elements on " + page.url() + " but none has a title or link");
        }
        return new Extraction(items, document.select("html").attr("lang").strip());
    }

    private static List<RawItem> readItems(List<Element> elements, CompiledRules rules, Page page) {
        List<RawItem> items = new ArrayList<>();
        for (Element element : elements) {
            RawItem item = rules.read(element);
            if (item.title().isBlank() && item.link().isBlank()) {
                log.debug("{}: skipped an item without title and link: {}", page.url(), abbreviate(element.text()));
            } else {
                items.add(item);
            }
        }
        return items;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** The rules with every CSS query parsed once per page, so a bad selector fails up front. */
    private record CompiledRules(Evaluator item, Field title, Field link, Field date, Field time, Field summary,
                                 Field region) {
        static CompiledRules of(SelectorRules rules, Page page) throws ExtractException {
            return new CompiledRules(compile(rules.item(), page).query(), compile(rules.title(), page),
                    compile(rules.link(), page), compile(rules.date(), page), compile(rules.time(), page),
                    compile(rules.summary(), page), compile(rules.region(), page));
        }

        private static Field compile(Selector selector, Page page) throws ExtractException {
            if (!selector.isPresent()) return Field.NONE;
            try {
                return new Field(org.jsoup.select.Selector.evaluatorOf(selector.css()), selector.attr());
            } catch (SelectorParseException e) {
                throw new ExtractException(page.url(), "invalid CSS selector `" + selector.css() + "`: " + e.getMessage(), e);
            }
        }

        RawItem read(Element item) {
            return new RawItem("", Mojibake.repair(title.text(item)), link(item), dateAndTime(item),
                    Mojibake.repair(summary.text(item)), false, region.text(item));
        }

        private String link(Element item) {
            Element element = link.isPresent() ? item.selectFirst(link.query()) : item;
            if (element == null) return "";
            if (link.readsAttribute()) return absolute(element, link.attr().replaceFirst("^abs:", ""));
            if (element.hasAttr("href")) return absolute(element, "href");
            Element anchor = element.selectFirst(LINK);
            return anchor == null ? "" : absolute(anchor, "href");
        }

        private String dateAndTime(Element item) {
            String date = date(item);
            String timeOfDay = time.text(item).strip();
            return date.isEmpty() || timeOfDay.isEmpty() ? date : date + " " + timeOfDay;
        }

        private String date(Element item) {
            Element element = date.isPresent() ? item.selectFirst(date.query()) : item.selectFirst(TIME_WITH_DATETIME);
            if (element == null) return "";
            if (date.readsAttribute()) return element.attr(date.attr()).strip();
            for (String attribute : List.of("datetime", "content")) {
                String value = element.attr(attribute).strip();
                if (!value.isEmpty()) return value;
            }
            return element.text();
        }

        // absUrl is "" when the value cannot be resolved: keep it as found for the normaliser.
        private static String absolute(Element element, String attribute) {
            String absolute = element.absUrl(attribute);
            return absolute.isEmpty() ? element.attr(attribute).strip() : absolute;
        }
    }

    /** One compiled selector: the query and the attribute to read ("" = text). */
    private record Field(Evaluator query, String attr) {
        static final Field NONE = new Field(null, "");

        boolean isPresent() {
            return query != null;
        }

        boolean readsAttribute() {
            return !attr.isEmpty();
        }

        String text(Element item) {
            if (!isPresent()) return "";
            Element element = item.selectFirst(query);
            if (element == null) return "";
            return readsAttribute() ? element.attr(attr) : element.text();
        }
    }
}
