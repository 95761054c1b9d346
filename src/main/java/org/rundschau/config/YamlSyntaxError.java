package org.rundschau.config;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says what a YAML syntax error means for the admin, for the usual mistakes (a tab, a key indented
 * differently from its neighbours), from the positions SnakeYAML marks; otherwise SnakeYAML's own
 * text, which names the construct and the token it did not expect.
 */
final class YamlSyntaxError {
    private static final String UNEXPECTED_KEY = "expected <block end>, but found '<block mapping start>'";

    private final MarkedYAMLException error;
    private final List<String> lines;

    private YamlSyntaxError(MarkedYAMLException error, String text) {
        this.error = error;
        this.lines = text.lines().toList();
    }

    /** The 1-based line of the problem, or of its context when SnakeYAML marks no problem. */
    static int line(MarkedYAMLException error) {
        Mark mark = error.getProblemMark() != null ? error.getProblemMark() : error.getContextMark();
        return mark == null ? 1 : mark.getLine() + 1;
    }

    /** The problem message, starting "invalid YAML: ". */
    static String message(MarkedYAMLException error, String text) {
        return "invalid YAML: " + new YamlSyntaxError(error, text).advice().orElseGet(() -> raw(error));
    }

    private Optional<String> advice() {
        Mark problem = error.getProblemMark();
        if (problem == null || error.getProblem() == null || problem.getLine() >= lines.size()) {
            return Optional.empty();
        }
        if (error.getProblem().contains("(TAB)")) {
            return Optional.of(tab(problem));
        }
        if (error.getProblem().equals(UNEXPECTED_KEY)) {
            return Optional.of(misindentedKey(problem));
        }
        return Optional.empty();
    }

    private String tab(Mark problem) {
        String before = before(problem);
        if (before.chars().allMatch(c -> c == ' ' || c == '\t' || c == '-')) {
            return "a tab is used for indenting; YAML needs spaces: replace the tab with spaces";
        }
        return "a tab cannot start a value in YAML; replace the tab with a space";
    }

    /**
     * A key indented less than the keys above it but more than the mapping they belong to: SnakeYAML
     * takes it for the start of a new mapping where the old one should end. It most likely belongs
     * with the nearest key above it on the next level deeper than where it stands.
     */
    private String misindentedKey(Mark problem) {
        int column = problem.getColumn();
        String key = keyAt(lines.get(problem.getLine()), column).map(k -> "'" + k + "'").orElse("this line");
        String what = key + " is indented " + spaces(column) + ", unlike the keys around it; indent it like ";
        int shallowest = Integer.MAX_VALUE;
        int like = -1;
        for (int i = problem.getLine() - 1; i >= 0; i--) {
            int keyColumn = keyColumn(lines.get(i));
            if (keyColumn < 0 || keyColumn >= shallowest) continue;   // deeper than a level already seen
            if (keyColumn < column) break;
            shallowest = keyColumn;
            like = i;
        }
        if (like < 0) return what + "the key above it";
        return what + "'" + keyAt(lines.get(like), shallowest).orElseThrow() + "' on line " + (like + 1)
                + " (" + spaces(shallowest) + ")";
    }

    /** Where the key of a {@code key: value} line starts, after any {@code - } list marks; -1 for other lines. */
    private static int keyColumn(String line) {
        int column = 0;
        while (column < line.length() && (line.charAt(column) == ' '
                || line.charAt(column) == '-' && column + 1 < line.length() && line.charAt(column + 1) == ' ')) {
            column++;
        }
        if (column == line.length() || line.charAt(column) == '#') return -1;
        return keyAt(line, column).isPresent() ? column : -1;
    }

    /** The key written at {@code column}: the text up to the next ':' that ends the key. */
    private static Optional<String> keyAt(String line, int column) {
        int colon = line.indexOf(':', column);
        while (colon >= 0 && colon + 1 < line.length() && line.charAt(colon + 1) != ' ') {
            colon = line.indexOf(':', colon + 1);
        }
        if (colon < 0) return Optional.empty();
        String key = line.substring(column, colon).strip();
        return key.isEmpty() || key.startsWith("#") ? Optional.empty() : Optional.of(key);
    }

    private String before(Mark mark) {
        String line = lines.get(mark.getLine());
        return line.substring(0, line.offsetByCodePoints(0, Math.min(mark.getColumn(), line.codePointCount(0, line.length()))));
    }

    private static String spaces(int n) {
        return n + (n == 1 ? " space" : " spaces");
    }

    /** SnakeYAML's context ("while scanning a quoted scalar") and problem, on one line. */
    private static String raw(MarkedYAMLException e) {
        StringBuilder message = new StringBuilder();
        if (e.getContext() != null) {
            message.append(e.getContext());
            Mark context = e.getContextMark();
            if (context != null && context.getLine() + 1 != line(e)) {
                message.append(" on line ").append(context.getLine() + 1);
            }
            message.append(", ");
        }
        message.append(e.getProblem());
        if ("mapping values are not allowed here".equals(e.getProblem())) {
            message.append(" (check the indentation, and quote values that contain ': ')");
        }
        return message.toString();
    }
}
