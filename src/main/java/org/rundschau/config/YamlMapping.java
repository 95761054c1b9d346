package org.rundschau.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping of the config file and records every problem it meets in {@link Problems},
 * with the line of the offending node and the key path ({@code sources[2].html}). A missing or
 * unusable value comes back as an empty Optional, so the caller keeps reading and every mistake in
 * the file is reported in one pass.
 *
 * <p>A key whose value is YAML null ({@code key:} with nothing after it, or {@code ~}) counts as
 * absent for optional keys, and as empty for required ones.
 */
final class YamlMapping {
    private final String path;
    private final int line;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(String path, int line, Problems problems) {
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /**
     * Opens {@code node} as a mapping, reporting duplicate keys. A null node reads as an empty mapping.
     *
     * @param line where to report a missing required key: the line of the key that holds this
     *             mapping, or the mapping's own first line
     * @return empty (and a problem recorded) when the node is a list or a single value
     */
    static Optional<YamlMapping> open(Node node, String path, int line, Problems problems) {
        YamlMapping mapping = new YamlMapping(path, line, problems);
        if (isNull(node)) {
            return Optional.of(mapping);
        }
        if (!(node instanceof MappingNode mappingNode)) {
            problems.add(line(node), path, "expected 'key: value' lines, got " + describe(node));
            return Optional.empty();
        }
        mappingNode.getValue().forEach(mapping::addEntry);
        return Optional.of(mapping);
    }

    /**
     * Reads a single value with {@code parse}, which throws IllegalArgumentException with an
     * admin-readable reason when the text is unusable; that reason becomes the problem message.
     */
    static <T> Optional<T> scalar(Node node, String path, Problems problems, Function<String, T> parse) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(line(node), path, "expected a single value, got " + describe(node));
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(scalar.getValue()));
        } catch (IllegalArgumentException e) {
            problems.add(line(node), path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The 1-based line on which the node starts. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** Reports every key that is not in {@code known}, with a did-you-mean hint when one is close. */
    YamlMapping allowOnly(List<String> known) {
        entries.forEach((key, tuple) -> {
            if (!known.contains(key)) {
                problems.add(line(tuple.getKeyNode()), path, unknownKey(key, known));
            }
        });
        return this;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** The line of the key that holds this mapping (or of the mapping itself). */
    int line() {
        return line;
    }

    /** The line of the value of {@code key}; the key must be present. */
    int line(String key) {
        return line(entries.get(key).getValueNode());
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Records a problem with the value of {@code key}, which must be present. */
    void problem(String key, String message) {
        problems.add(line(key), path(key), message);
    }

    <T> Optional<T> optional(String key, Function<String, T> parse) {
        return value(key).flatMap(node -> scalar(node, path(key), problems, parse));
    }

    <T> Optional<T> required(String key, Function<String, T> parse) {
        if (!has(key)) {
            reportMissing(key);
            return Optional.empty();
        }
        if (value(key).isEmpty()) {
            problem(key, "must not be empty");
            return Optional.empty();
        }
        return optional(key, parse);
    }

    /** The mapping under {@code key}; empty when the key is absent or holds something else. */
    Optional<YamlMapping> mapping(String key) {
        return Optional.ofNullable(entries.get(key))
                .flatMap(tuple -> open(tuple.getValueNode(), path(key), line(tuple.getKeyNode()), problems));
    }

    Optional<YamlMapping> requiredMapping(String key) {
        if (!has(key)) {
            reportMissing(key);
        }
        return mapping(key);
    }

    /** The elements of the list under {@code key}; a null value reads as an empty list. */
    Optional<List<Node>> list(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        Node node = entries.get(key).getValueNode();
        if (isNull(node)) {
            return Optional.of(List.of());
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(key, "expected a list, got " + describe(node));
            return Optional.empty();
        }
        return Optional.of(sequence.getValue());
    }

    Optional<List<Node>> requiredList(String key) {
        if (!has(key)) {
            reportMissing(key);
        }
        return list(key);
    }

    private Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode).filter(node -> !isNull(node));
    }

    private void addEntry(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
            problems.add(line(keyNode), path, "a key must be a plain name, got " + describe(keyNode));
            return;
        }
        String key = scalar.getValue();
        NodeTuple first = entries.putIfAbsent(key, tuple);
        if (first != null) {
            problems.add(line(keyNode), path, "duplicate key '" + key + "' (first on line "
                    + line(first.getKeyNode()) + "); keep only one of them");
        }
    }

    private void reportMissing(String key) {
        problems.add(line, path, "'" + key + "' is required");
    }

    private static String unknownKey(String key, List<String> known) {
        if (key.equals("<<")) {
            return "YAML merge keys ('<<') are not supported; write the keys out";
        }
        return "unknown key '" + key + "'" + DidYouMean.closest(known, key)
                .map(close -> "; did you mean '" + close + "'?")
                .orElse(" (allowed here: " + String.join(", ", known) + ")");
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "nested keys";
        }
        String value = ((ScalarNode) node).getValue();
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}
