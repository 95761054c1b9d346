package org.rundschau.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sources:} list of a config file as TEXT, so that sources can be added without
 * touching any other byte: comments, blank lines, quoting and order stay as the admin wrote them.
 * Parsing and re-serialising the YAML would lose all of that.
 */
public final class SourcesBlock {
    private static final Pattern SOURCES_KEY = Pattern.compile("^sources\\s*:\\s*(#.*)?$");
    private static final Pattern SOURCES_FLOW = Pattern.compile("^sources\\s*:\\s*[\\[{].*");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)-(\\s|$)");
    static final String DEFAULT_INDENT = "  ";

    private final List<String> lines;
    private final String newline;

    private SourcesBlock(List<String> lines, String newline) {
        this.lines = lines;
        this.newline = newline;
    }

    /** Splits the text into lines, remembering whether the file uses CRLF. */
    public static SourcesBlock of(String text) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        return new SourcesBlock(new ArrayList<>(List.of(text.split("\r?\n", -1))), newline);
    }

    /** The indentation of the list's dashes, as the file writes them ({@value #DEFAULT_INDENT} when unknown). */
    public String indent() {
        int start = start();
        if (start < 0) return DEFAULT_INDENT;
        for (int i = start + 1; i < end(start); i++) {
            Matcher m = LIST_ITEM.matcher(lines.get(i));
            if (m.find()) return m.group(1);
        }
        return DEFAULT_INDENT;
    }

    /**
     * Inserts the entries after the last source (after its last line that is not blank or a
     * comment), or adds a {@code sources:} key at the end when the file has none.
     *
     * @param entries YAML list entries, each ending in a newline, indented as {@link #indent()}
     * @param comment a line to put before them (without '#'), or ""
     * @return the whole new text
     * @throws IllegalArgumentException when {@code sources:} is written in flow style ({@code [ ... ]}),
     *                                  which cannot be appended to as text
     */
    public String append(List<String> entries, String comment) {
        if (lines.stream().anyMatch(l -> SOURCES_FLOW.matcher(l).matches())) {
            throw new IllegalArgumentException(
                    "'sources:' is written as a flow list [ ... ]; write it as a block list (one '- id: ...' per source) first");
        }
        List<String> added = new ArrayList<>();
        added.add("");
        if (!comment.isEmpty()) added.add(indent() + "# " + comment);
        for (String entry : entries) added.addAll(List.of(entry.stripTrailing().split("\n")));
        List<String> result = new ArrayList<>(lines);
        int start = start();
        if (start < 0) {
            boolean endsWithNewline = !result.isEmpty() && result.get(result.size() - 1).isEmpty();
            if (endsWithNewline) result.remove(result.size() - 1);
            result.add("sources:");
            result.addAll(added.subList(1, added.size()));
            result.add("");
        } else {
            result.addAll(lastContentLine(start) + 1, added);
        }
        return String.join(newline, result);
    }

    private int start() {
        for (int i = 0; i < lines.size(); i++) {
            if (SOURCES_KEY.matcher(lines.get(i)).matches()) return i;
        }
        return -1;
    }

    /** The first line after the block: the next top-level key or document marker, else the end. */
    private int end(int start) {
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) continue;
            if (LIST_ITEM.matcher(line).find()) continue;
            return i;
        }
        return lines.size();
    }

    private int lastContentLine(int start) {
        int last = start;
        for (int i = start + 1; i < end(start); i++) {
            String stripped = lines.get(i).strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) last = i;
        }
        return last;
    }
}
