package org.rundschau.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * An HTML5 document written element by element. Every text and attribute value is escaped, so text
 * from a source (a headline, a summary, an error message) can only ever appear as text: it cannot
 * open an element, end an attribute or start a script. Characters XML 1.0 forbids (controls, lone
 * surrogates) are dropped first, as in the feeds ({@link XmlChars}).
 *
 * <p>Tag and attribute names are written as given and must be plain lowercase names: they come from
 * our code, never from input. Elements must be closed in order; {@link #finish()} checks that none
 * is left open.
 */
final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final Deque<String> open = new ArrayDeque<>();

    /** Starts a document: doctype and {@code <html lang>}. */
    Html(String language) {
        out.append("<!DOCTYPE html>\n");
        open("html", "lang", language);
    }

    /** Opens {@code <tag attributes>}; close it with {@link #close()}. Attributes come as name, value pairs. */
    Html open(String tag, String... attributes) {
        startTag(tag, attributes);
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element. */
    Html close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <tag attributes>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        startTag(tag, attributes);
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes a void element such as {@code <meta>} or {@code <link>}: no content, no end tag. */
    Html empty(String tag, String... attributes) {
        startTag(tag, attributes);
        return this;
    }

    /** Writes escaped text. */
    Html text(String text) {
        String clean = XmlChars.text(text);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** A line break in the markup (not on the page): keeps the written file readable. */
    Html newLine() {
        out.append('\n');
        return this;
    }

    /**
     * Writes a {@code <style>} element. The style sheet is our own constant, never input; it may not
     * contain {@code </}, which would end the element early.
     */
    Html style(String css) {
        if (css.contains("</")) {
            throw new IllegalArgumentException("a style sheet must not contain '</'");
        }
        out.append("<style>").append(css).append("</style>");
        return this;
    }

    /** Closes {@code <html>} and returns the document, ending in a line feed. */
    String finish() {
        if (open.size() != 1) {
            throw new IllegalStateException("publish: elements left open: " + open);
        }
        close();
        return out.append('\n').toString();
    }

    private void startTag(String tag, String... attributes) {
        checkName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + attributes.length);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            checkName(attributes[i]);
            out.append(' ').append(attributes[i]).append("=\"");
            attribute(attributes[i + 1]);
            out.append('"');
        }
        out.append('>');
    }

    private void attribute(String value) {
        String clean = XmlChars.text(value);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain tag or attribute name: " + name);
        }
    }
}
