package org.rundschau.refresh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.RawItem;
import org.rundschau.normalize.LinkCleaner;

/**
 * Turns a preview's facts into sentences for the admin: what looks wrong, where, and what to try.
 * A selector that silently yields nothing is the most common trouble, so every selector that
 * matches in no item is named, and so are title and link selectors that miss some items.
 */
final class PreviewWarnings {
    // Optional fields (date, summary, region) may be missing in some items; a miss there is only
    // worth a warning when the selector matches in no item at all.
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("title", "link");
    private PreviewWarnings() {
    }

    /** @param repeated kept items that repeat an earlier one (same key and link): stored once */
    static List<String> of(SourceConfig source, Diagnostics d, List<RawItem> raw, int repeated) {
        List<String> warnings = new ArrayList<>();
        if (source.isHtml()) selectors(source.selectors(), d, warnings);
        fields(d, raw, warnings);
        if (repeated > 0) {
            warnings.add(items(repeated) + (repeated == 1 ? " repeats" : " repeat") + " an earlier one with the same link"
                    + (source.isHtml() ? "" : " and guid") + ": stored once, the first as it stands");
        }
        dates(source, d, warnings);
        if (d.kept() < d.extracted()) {
            warnings.add(items(d.extracted() - d.kept()) + " had nothing to publish (no title, link or teaser) and were dropped");
        }
        return warnings;
    }

    private static void selectors(SelectorRules rules, Diagnostics d, List<String> warnings) {
        if (d.matched() == 0) {
            String counts = d.pageCounts().entrySet().stream().limit(3)
                    .map(e -> e.getValue() + " matching `" + e.getKey() + "`").collect(Collectors.joining(", "));
            warnings.add("the item selector `" + rules.item() + "` matched 0 elements"
                    + (counts.isEmpty() ? "" : "; the page has " + counts));
            return;
        }
        if (d.extracted() > 0 && d.extracted() < d.matched()) {
            warnings.add((d.matched() - d.extracted()) + " of the " + d.matched() + " elements the item selector `"
                    + rules.item() + "` matched have neither a title nor a link and were skipped");
        }
        Map<String, Selector> selectors = Map.of("title", rules.title(), "link", rules.link(), "date", rules.date(),
                "summary", rules.summary(), "region", rules.region());
        for (String field : Diagnostics.FIELDS) {
            Integer hits = d.selectorHits().get(field);
            if (hits == null || hits == d.matched()) continue;
            String which = "the " + field + " selector `" + selectors.get(field) + "`";
            if (hits == 0) {
                warnings.add(which + " matched in none of the " + d.matched() + " items");
            } else if (REQUIRED.contains(field)) {
                warnings.add(which + " matched in only " + hits + " of " + d.matched() + " items");
            }
        }
    }

    private static void fields(Diagnostics d, List<RawItem> raw, List<String> warnings) {
        int untitled = d.extracted() - d.found().getOrDefault("title", 0);
        if (untitled > 0) warnings.add(items(untitled) + (untitled == 1 ? " has" : " have") + " no title");
        int unlinked = d.extracted() - d.found().getOrDefault("link", 0);
        if (unlinked > 0) warnings.add(items(unlinked) + (unlinked == 1 ? " has" : " have") + " no link");
        Map<String, Integer> byLink = new HashMap<>();
        raw.stream().map(RawItem::link).filter(l -> !l.isBlank()).map(LinkCleaner::canonical)
                .forEach(l -> byLink.merge(l, 1, Integer::sum));
        int shared = byLink.values().stream().filter(n -> n > 1).mapToInt(Integer::intValue).sum();
        if (shared > 0) {
            warnings.add(shared + " items share their link with another item; if they are different stories, the link"
                    + " selector may pick a link common to several (a category or \"more\" link)");
        }
    }

    private static void dates(SourceConfig source, Diagnostics d, List<String> warnings) {
        if (d.unreadableCount() > 0) {
            warnings.add(d.unreadableCount() + (d.unreadableCount() == 1 ? " date text" : " date texts") + " could not be read as a complete date (day, month and year), "
                    + "e.g. `" + d.unreadableDates().get(0) + "`"
                    + (source.isHtml() ? "; point `date:` at an element that holds the full date" : ""));
        } else if (d.kept() > 0 && d.dated() == 0) {
            warnings.add("no item has a date: each will get the time it was first seen"
                    + (source.isHtml() && !source.selectors().date().isPresent()
                    ? "; if the page shows dates, add a `date:` selector" : ""));
        }
    }

    private static String items(int n) {
        return n == 1 ? "1 item" : n + " items";
    }
}
