package org.rundschau.suggest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the repeated structures of a page that carry links: the raw material of a list of news.
 *
 * <p>Every link is grouped with the links that sit at the same place in the same kind of markup
 * (same path of tags from the body, same classes on the link and its parent). For each group,
 * every link climbs to its item: the largest ancestor that holds no other link of the group. The
 * depth most links climb is taken for all of them, so that one list yields elements of one kind
 * even where a section happens to hold a single item.
 */
final class ItemSets {
    private ItemSets() {
    }

    /**
     * @param minItems the fewest items a set must have
     * @return distinct item sets, each in document order, largest groups first
     */
    static List<List<Element>> of(Document document, int minItems) {
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        for (Element anchor : document.body().select("a[href]")) {
            if (isNavigational(anchor.attr("href"))) continue;
            groups.computeIfAbsent(key(anchor), k -> new ArrayList<>()).add(anchor);
        }
        Map<Set<Element>, List<Element>> sets = new LinkedHashMap<>();
        groups.values().stream()
                .filter(group -> group.size() >= minItems)
                .sorted((a, b) -> Integer.compare(b.size(), a.size()))
                .map(ItemSets::items)
                .filter(items -> items.size() >= minItems)
                .forEach(items -> sets.putIfAbsent(identitySet(items), items));
        return List.copyOf(sets.values());
    }

    private static boolean isNavigational(String href) {
        String h = href.strip().toLowerCase(java.util.Locale.ROOT);
        return h.isEmpty() || h.startsWith("#") || h.startsWith("javascript:") || h.startsWith("mailto:")
                || h.startsWith("tel:");
    }

    /**
     * Where a link sits: the tags (and stable ids: {@code #news}, {@code #sidebar}) from the body
     * down, and the classes of the link and its parent. Ancestors' classes are left out so that one
     * list spread over several sections ({@code section.inland}, {@code section.sport}) stays one.
     */
    static String key(Element anchor) {
        StringBuilder path = new StringBuilder();
        for (Element e = anchor.parent(); e != null && !e.tagName().equals("body"); e = e.parent()) {
            String id = Css.isStable(e.id()) ? "#" + e.id() : "";
            path.insert(0, e.tagName() + id + "/");
        }
        Element parent = anchor.parent();
        return path + "|" + Css.stableClasses(anchor) + "|" + (parent == null ? "" : Css.stableClasses(parent));
    }

    private static List<Element> items(List<Element> anchors) {
        Map<Element, Integer> counts = new IdentityHashMap<>();
        for (Element anchor : anchors) {
            for (Element e = anchor; e != null && !isTop(e); e = e.parent()) counts.merge(e, 1, Integer::sum);
        }
        Map<Integer, Integer> depths = new LinkedHashMap<>();
        for (Element anchor : anchors) depths.merge(climb(anchor, counts), 1, Integer::sum);
        int depth = depths.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(b.getKey(), a.getKey())
                        : Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey).orElse(0);
        Set<Element> items = new LinkedHashSet<>();
        for (Element anchor : anchors) {
            Element item = ancestor(anchor, depth);
            if (item != null && !isTop(item)) items.add(item);
        }
        return nonNested(items);
    }

    /** How many levels a link climbs while its ancestor holds no other link of its group. */
    private static int climb(Element anchor, Map<Element, Integer> counts) {
        int depth = 0;
        Element e = anchor;
        while (e.parent() != null && !isTop(e.parent()) && counts.getOrDefault(e.parent(), 0) == 1) {
            e = e.parent();
            depth++;
        }
        return depth;
    }

    private static Element ancestor(Element e, int depth) {
        Element a = e;
        for (int i = 0; i < depth && a != null; i++) a = a.parent();
        return a;
    }

    private static boolean isTop(Element e) {
        return e.tagName().equals("body") || e.tagName().equals("html") || e.tagName().equals("#root");
    }

    // A guard: items of one list never contain each other.
    private static List<Element> nonNested(Set<Element> items) {
        Set<Element> all = identitySet(items);
        List<Element> kept = new ArrayList<>();
        for (Element item : items) {
            boolean inside = false;
            for (Element p = item.parent(); p != null && !inside; p = p.parent()) inside = all.contains(p);
            if (!inside) kept.add(item);
        }
        return kept;
    }

    private static Set<Element> identitySet(java.util.Collection<Element> elements) {
        Set<Element> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(elements);
        return set;
    }
}
