package org.rundschau.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds the CSS selector that, applied inside each item and taking the first match (as the
 * extractor does), finds the field's element in as many items as possible.
 */
final class RelativeSelectors {
    /** A selector must find the field in at least this share of the items that have it. */
    static final double MIN_SHARE = 0.6;
    private static final int SAMPLE = 12;

    private RelativeSelectors() {
    }

    /**
     * @param items   the item elements
     * @param targets per item, the field's element, or null when the item has none
     * @param same    whether the element a selector found counts as the target (same text, same link)
     * @return the selector with the most hits (among equals the simplest, see {@link #simpler}), or
     *         empty when none
     *         reaches {@link #MIN_SHARE}
     */
    static Optional<String> best(List<Element> items, List<Element> targets, BiPredicate<Element, Element> same) {
        long present = targets.stream().filter(t -> t != null).count();
        if (present == 0) return Optional.empty();
        String best = null;
        int bestHits = 0;
        for (String option : options(items, targets)) {
            int hits = hits(option, items, targets, same);
            if (hits > bestHits || hits == bestHits && best != null && simpler(option, best)) {
                best = option;
                bestHits = hits;
            }
        }
        return bestHits >= Math.max(1, MIN_SHARE * present) ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Fewer combinators first; then a selector naming a meaningful class ({@code span.date}) before a
     * bare tag, which breaks as soon as the site adds another such element; then the shorter.
     */
    private static boolean simpler(String a, String b) {
        long combinatorsA = a.chars().filter(c -> c == ' ').count();
        long combinatorsB = b.chars().filter(c -> c == ' ').count();
        if (combinatorsA != combinatorsB) return combinatorsA < combinatorsB;
        boolean namedA = Css.namesMeaningfulClass(a);
        if (namedA != Css.namesMeaningfulClass(b)) return namedA;
        return a.length() < b.length();
    }

    private static int hits(String option, List<Element> items, List<Element> targets, BiPredicate<Element, Element> same) {
        Evaluator query;
        try {
            query = Selector.evaluatorOf(option);
        } catch (Selector.SelectorParseException e) {
            return 0;
        }
        int hits = 0;
        for (int i = 0; i < items.size(); i++) {
            Element target = targets.get(i);
            if (target == null) continue;
            Element found = items.get(i).selectFirst(query);
            if (found != null && (found == target || same.test(found, target))) hits++;
        }
        return hits;
    }

    /** Selectors built from a sample of the targets: the element alone, under its parent, an ancestor, after a sibling. */
    private static Set<String> options(List<Element> items, List<Element> targets) {
        Set<String> options = new LinkedHashSet<>();
        int sampled = 0;
        for (int i = 0; i < items.size() && sampled < SAMPLE; i++) {
            Element target = targets.get(i);
            if (target == null) continue;
            sampled++;
            List<String> own = local(target);
            options.addAll(own);
            Element item = items.get(i);
            if (target.parent() != null && target.parent() != item && ItemFields.contains(item, target.parent())) {
                for (String p : local(target.parent())) own.forEach(t -> options.add(p + " > " + t));
            }
            for (Element a = target.parent(); a != null && a != item && ItemFields.contains(item, a); a = a.parent()) {
                for (String p : classesOnly(a)) own.forEach(t -> options.add(p + " " + t));
            }
            Element sibling = target.previousElementSibling();
            for (int s = 0; sibling != null && s < 3; s++, sibling = sibling.previousElementSibling()) {
                for (String p : classesOnly(sibling)) own.forEach(t -> options.add(p + " ~ " + t));
                options.add(Css.tag(sibling) + " ~ " + Css.tag(target));
            }
        }
        return options;
    }

    /** {@code tag} and {@code tag.class}: ids are per item, so they are left out. */
    private static List<String> local(Element e) {
        List<String> selectors = new ArrayList<>();
        selectors.add(Css.tag(e));
        for (String c : Css.stableClasses(e)) selectors.add(Css.tag(e) + "." + c);
        return selectors;
    }

    private static List<String> classesOnly(Element e) {
        return local(e).stream().filter(s -> s.contains(".")).toList();
    }
}
