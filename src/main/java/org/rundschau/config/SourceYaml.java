package org.rundschau.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes one source as a YAML list entry in the style of the shipped config, ready to paste or
 * append under {@code sources:}: keys in the documented order, selectors and names in double
 * quotes, URLs plain where YAML allows.
 */
public final class SourceYaml {
    // A plain YAML scalar must not start with an indicator and must not contain ": " or " #".
    private static final Pattern PLAIN_URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?=&%+;@!$()*,']*");

    private SourceYaml() {
    }

    /**
     * @param indent the indentation of the list's dashes, e.g. two spaces
     * @param name   the display name, or "" to leave it out (it defaults to the id)
     */
    public static String feed(String indent, String id, String name, URI url) {
        return String.join("\n", head(indent, id, name, url)) + "\n";
    }

    /**
     * @param locale a language tag to write, or "" to inherit the config's
     */
    public static String html(String indent, String id, String name, URI url, String locale, SelectorRules rules) {
        List<String> lines = head(indent, id, name, url);
        if (!locale.isEmpty()) lines.add(indent + "  locale: " + locale);
        lines.add(indent + "  html:");
        String inner = indent + "    ";
        lines.add(inner + "item: " + quoted(rules.item().toString()));
        lines.add(inner + "title: " + quoted(rules.title().toString()));
        lines.add(inner + "link: " + quoted(rules.link().toString()));
        if (rules.date().isPresent()) lines.add(inner + "date: " + quoted(rules.date().toString()));
        if (rules.summary().isPresent()) lines.add(inner + "summary: " + quoted(rules.summary().toString()));
        if (rules.region().isPresent()) lines.add(inner + "region: " + quoted(rules.region().toString()));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> head(String indent, String id, String name, URI url) {
        List<String> lines = new ArrayList<>();
        lines.add(indent + "- id: " + id);
        if (!name.isBlank()) lines.add(indent + "  name: " + quoted(name.strip()));
        lines.add(indent + "  url: " + url(url.toString()));
        return lines;
    }

    static String url(String url) {
        return PLAIN_URL.matcher(url).matches() ? url : quoted(url);
    }

    /** A YAML double-quoted scalar: backslash, quote and control characters escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
