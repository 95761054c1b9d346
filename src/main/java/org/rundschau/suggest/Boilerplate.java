package org.rundschau.suggest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Recognises the parts of a page that repeat on every page of a site (navigation, menus, footers,
 * sidebars, widgets, pagination, comments): lists there are rarely the news an admin wants.
 */
final class Boilerplate {
    private static final Set<String> TAGS = Set.of("nav", "footer", "aside", "menu");
    private static final Set<String> WORDS = Set.of("nav", "navbar", "navigation", "menu", "menubar", "footer",
            "sidebar", "widget", "widgets", "breadcrumb", "breadcrumbs", "pagination", "pager", "comment",
            "comments", "cookie", "cookies", "share", "social", "toolbar", "skip");

    private Boilerplate() {
    }

    /** Whether the element or an ancestor below {@code body} is navigation, a footer, a sidebar… */
    static boolean contains(Element element) {
        for (Element e = element; e != null && !e.normalName().equals("body"); e = e.parent()) {
            if (TAGS.contains(e.normalName()) || named(e.id()) || e.classNames().stream().anyMatch(Boilerplate::named)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code nav}, {@code nav-bg}, {@code top-nav}, {@code widget-area}: the name is such a word, starts
     * with one, or is two words ending in one. {@code content-with-sidebar} describes a layout, not
     * a sidebar, so longer names must start with the word.
     */
    static boolean named(String name) {
        if (name.isEmpty()) return false;
        List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("[-_]+"));
        if (words.isEmpty()) return false;
        return WORDS.contains(words.get(0)) || words.size() == 2 && WORDS.contains(words.get(1));
    }
}
