package org.rundschau.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSS selector, optionally ending in {@code @attr} to read that attribute instead of the text:
 * {@code a.more@href}, {@code time@datetime}, {@code a[rel=bookmark]@title}.
 *
 * @param css  the Jsoup CSS query, "" for {@link #NONE}
 * @param attr the attribute to read, "" to read the element's text
 */
public record Selector(String css, String attr) {
    public static final Selector NONE = new Selector("", "");

    // The attribute suffix must follow the last ']' or ')' so that '@' inside [href*=@] stays CSS.
    private static final Pattern ATTR_SUFFIX = Pattern.compile("^(.*[^\\s@])@([A-Za-z_:][-A-Za-z0-9_:.]*)$");

    public Selector {
        Objects.requireNonNull(css, "css");
        Objects.requireNonNull(attr, "attr");
    }

    /** Splits {@code "a.more@href"} into css {@code a.more} and attr {@code href}. */
    public static Selector parse(String text) {
        String trimmed = text.strip();
        Matcher m = ATTR_SUFFIX.matcher(trimmed);
        if (m.matches() && !insideBrackets(m.group(1))) {
            return new Selector(m.group(1).strip(), m.group(2));
        }
        return new Selector(trimmed, "");
    }

    private static boolean insideBrackets(String css) {
        return css.lastIndexOf('[') > css.lastIndexOf(']') || css.lastIndexOf('(') > css.lastIndexOf(')');
    }

    public boolean isPresent() {
        return !css.isEmpty();
    }

    public boolean readsAttribute() {
        return !attr.isEmpty();
    }

    @Override
    public String toString() {
        return attr.isEmpty() ? css : css + "@" + attr;
    }
}
