package org.rundschau.suggest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds a CSS selector that selects a given set of item elements on the document: the shortest
 * that selects exactly them, scoped by an ancestor ({@code #content > div.post},
 * {@code section.news article}) when the items' own tag and classes are not enough; failing that,
 * the one with the fewest extra elements. One instance per document: it remembers what each
 * selector matched.
 */
final class ItemSelector {
    private final Document document;
    private final Map<String, Elements> matches = new HashMap<>();

    ItemSelector(Document document) {
        this.document = document;
    }

    /** @return empty when the items are not all of one tag */
    Optional<String> of(List<Element> items) {
        String tag = Css.tag(items.get(0));
        if (items.stream().anyMatch(e -> !Css.tag(e).equals(tag))) return Optional.empty();
        Set<Element> wanted = identitySet(items);
        List<String> own = own(items, tag);
        Best best = new Best(wanted);
        for (String option : own) {
            best.consider(option, select(option));
            if (best.exact()) return Optional.of(best.selector);
        }
        Element common = commonAncestor(items);
        boolean siblings = items.stream().allMatch(e -> e.parent() == common);
        for (Element scope = common; scope != null && !scope.normalName().equals("html"); scope = scope.parent()) {
            for (String outer : Css.simple(scope)) {
                Evaluator outerQuery = Selector.evaluatorOf(outer);
                for (String option : own) {
                    if (siblings && scope == common) {
                        best.consider(outer + " > " + option, filter(select(option), e -> isParent(e, outerQuery)));
                    }
                    best.consider(outer + " " + option, filter(select(option), e -> isInside(e, outerQuery)));
                    if (best.exact()) return Optional.of(best.selector);
                }
            }
        }
        return Optional.ofNullable(best.selector);
    }

    private Elements select(String css) {
        return matches.computeIfAbsent(css, document::select);
    }

    private static List<Element> filter(Elements elements, Predicate<Element> keep) {
        return elements.stream().filter(keep).toList();
    }

    private static boolean isParent(Element e, Evaluator query) {
        return e.parent() != null && e.parent().is(query);
    }

    private static boolean isInside(Element e, Evaluator query) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.is(query)) return true;
        }
        return false;
    }

    /** {@code tag}, then {@code tag.class} for each class all items share. */
    private static List<String> own(List<Element> items, String tag) {
        List<String> shared = new ArrayList<>(Css.stableClasses(items.get(0)));
        for (Element item : items) shared.retainAll(Css.stableClasses(item));
        List<String> options = new ArrayList<>();
        options.add(tag);
        shared.forEach(c -> options.add(tag + "." + c));
        return options;
    }

    private static Element commonAncestor(List<Element> items) {
        Element common = items.get(0).parent();
        for (Element item : items) {
            while (common != null && !ItemFields.contains(common, item)) common = common.parent();
        }
        return common;
    }

    private static Set<Element> identitySet(List<Element> elements) {
        Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(elements);
        return set;
    }

    /** The best selector so far: selects every wanted element, with the fewest others, then the shortest. */
    private static final class Best {
        private final Set<Element> wanted;
        String selector;
        int extra = Integer.MAX_VALUE;

        Best(Set<Element> wanted) {
            this.wanted = wanted;
        }

        void consider(String css, List<Element> selected) {
            Set<Element> got = identitySet(selected);
            if (!got.containsAll(wanted)) return;
            int others = got.size() - wanted.size();
            if (others < extra || others == extra && css.length() < selector.length()) {
                selector = css;
                extra = others;
            }
        }

        boolean exact() {
            return extra == 0;
        }
    }
}
