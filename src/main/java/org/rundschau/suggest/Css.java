package org.rundschau.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Simple CSS selectors for one element, from the parts of its markup that are likely to stay. */
final class Css {
    // Plain CSS identifiers only: anything else would need escaping and is rarely stable.
    private static final Pattern IDENTIFIER = Pattern.compile("-?[A-Za-z_][A-Za-z0-9_-]*");
    // Classes with long numbers are per item (post-6195) or generated; state classes change.
    private static final Pattern NUMBERED = Pattern.compile(".*\\d{3,}.*");
    private static final Pattern WORDY = Pattern.compile("[A-Za-z]{4,}");
    private static final Set<String> STATE = Set.of("active", "current", "selected", "first", "last", "odd", "even",
            "open", "show", "hidden", "visible", "clearfix", "lazyload", "lazyloaded");

    private Css() {
    }

    /** The element's classes that make a selector: identifiers, no per-item numbers, no state. */
    static List<String> stableClasses(Element element) {
        List<String> classes = new ArrayList<>();
        for (String c : element.classNames()) {
            if (isStable(c) && !classes.contains(c)) classes.add(c);
        }
        classes.sort(null);
        return classes;
    }

    static boolean isStable(String name) {
        return IDENTIFIER.matcher(name).matches() && !NUMBERED.matcher(name).matches()
                && !STATE.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the selector's last part names a class that reads as a word ({@code date},
     * {@code entry-title}) rather than a layout utility ({@code f6}, {@code mb2}, {@code w-100}).
     */
    static boolean namesMeaningfulClass(String selector) {
        String last = selector.substring(selector.lastIndexOf(' ') + 1);
        int dot = last.indexOf('.');
        return dot >= 0 && WORDY.matcher(last.substring(dot + 1)).find();
    }

    /** {@code tag}, then {@code tag.class} for each stable class; {@code #id} first when it is stable. */
    static List<String> simple(Element element) {
        List<String> selectors = new ArrayList<>();
        String tag = tag(element);
        if (!element.id().isEmpty() && isStable(element.id())) selectors.add("#" + element.id());
        selectors.add(tag);
        for (String c : stableClasses(element)) selectors.add(tag + "." + c);
        return selectors;
    }

    /** The tag name as a selector; Jsoup keeps namespaced or odd tags as written. */
    static String tag(Element element) {
        String tag = element.normalName();
        return IDENTIFIER.matcher(tag).matches() ? tag : "*";
    }
}
