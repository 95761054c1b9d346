package org.rundschau.publish;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, whole numbers and booleans as JSON (RFC 8259): UTF-8,
 * indented by two spaces, keys in the maps' own order, so the same tree always gives the same bytes.
 *
 * <p>Strings pass through {@link XmlChars#text} first, so the JSON Feed shows the same text as the
 * Atom and RSS documents; U+2028 and U+2029 are escaped, as JavaScript before ES2019 needs.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder();

    private JsonText() {
    }

    /** The document for {@code value}, ending in a line feed. */
    static byte[] of(Object value) {
        JsonText json = new JsonText();
        json.value(value, 0);
        json.out.append('\n');
        return json.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("no JSON for " + (value == null ? "null" : value.getClass()));
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newLine(depth + 1);
            string((String) entry.getKey());
            out.append(": ");
            value(entry.getValue(), depth + 1);
            if (entries.hasNext()) out.append(',');
        }
        newLine(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newLine(depth + 1);
            value(list.get(i), depth + 1);
            if (i < list.size() - 1) out.append(',');
        }
        newLine(depth);
        out.append(']');
    }

    private void string(String raw) {
        String text = XmlChars.text(raw);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void newLine(int depth) {
        out.append('\n').append("  ".repeat(depth));
    }
}
