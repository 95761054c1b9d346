package org.rundschau.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.rundschau.model.RawItem;

/**
 * Per item, the elements that hold its fields (null where an item has none: lists aligned with the
 * items, as {@link RelativeSelectors} takes them).
 */
record Targets(List<Element> titles, List<Element> links, List<Element> dates, List<Element> summaries) {

    static Targets locate(List<Element> items, ItemFields fields) {
        Targets t = new Targets(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Element item : items) {
            Optional<Element> title = fields.title(item);
            Optional<Element> date = title.flatMap(e -> fields.date(item, e));
            t.titles.add(title.orElse(null));
            t.links.add(title.flatMap(e -> fields.link(item, e)).orElse(null));
            t.dates.add(date.orElse(null));
            t.summaries.add(title.flatMap(e -> fields.summary(item, e, date)).orElse(null));
        }
        return t;
    }

    /** What the extractor should read if the selectors hit every target. */
    List<RawItem> rawItems() {
        List<RawItem> items = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            items.add(new RawItem("", text(titles.get(i)), links.get(i) == null ? "" : links.get(i).absUrl("href"),
                    dates.get(i) == null ? "" : ItemFields.dateValue(dates.get(i)), text(summaries.get(i)), false, ""));
        }
        return items;
    }

    private static String text(Element e) {
        return e == null ? "" : e.text();
    }
}
