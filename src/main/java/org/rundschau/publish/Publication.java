package org.rundschau.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documents of one publication, by path under the output folder, written together.
 *
 * <p>Publishers {@link #add} what they render; {@link #writeTo} then writes each document atomically
 * in the order added (so add a document before the documents that link to it), leaves a document
 * whose bytes did not change untouched (same bytes, same modification time), and finally removes
 * files of {@link #prune pruned} folders that this publication no longer holds.
 */
public final class Publication {
    // Relative, forward slashes, no "." or ".." segments and no hidden files: nothing can escape the folder.
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private record Document(byte[] content, boolean once) {}

    private record Pruned(String folder, String suffix) {}

    private final Map<String, Document> documents = new LinkedHashMap<>();
    private final Set<String> kept = new LinkedHashSet<>();
    private final List<Pruned> pruned = new ArrayList<>();

    /**
     * Adds a document that replaces the file at {@code path} when its bytes differ.
     *
     * @throws IllegalArgumentException when {@code path} is not a plain relative path or was added before
     */
    public Publication add(String path, byte[] content) {
        return put(path, new Document(content.clone(), false));
    }

    /**
     * Adds a document that is written only when no file is at {@code path} yet: once written it is
     * never changed, even when its rendering would differ (an RFC 5005 archive page).
     */
    public Publication addOnce(String path, byte[] content) {
        return put(path, new Document(content.clone(), true));
    }

    /**
     * Holds the file already at {@code path} as it is, without writing it: the publisher knows its
     * rendering would give the same bytes. Pruning leaves it, and {@link #paths} lists it.
     *
     * @throws IllegalArgumentException when {@code path} is not a plain relative path or was added before
     */
    public Publication keep(String path) {
        checkPath(path);
        if (documents.containsKey(path) || !kept.add(path)) {
            throw new IllegalArgumentException("document added twice: " + path);
        }
        return this;
    }

    /**
     * After writing, removes the files directly in {@code folder} whose names end in {@code suffix}
     * and that this publication does not hold: a region that vanished from the store, a source
     * removed from the config. Other files there are left alone.
     */
    public Publication prune(String folder, String suffix) {
        checkPath(folder);
        if (!suffix.startsWith(".")) throw new IllegalArgumentException("suffix must start with '.': " + suffix);
        pruned.add(new Pruned(folder, suffix));
        return this;
    }

    /** The paths added so far, in order, then those {@linkplain #keep kept}. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(documents.keySet());
        paths.addAll(kept);
        return List.copyOf(paths);
    }

    /**
     * Writes every document under {@code output}, creating folders as needed.
     *
     * @throws IOException when a folder cannot be created or a file not read, written, renamed or
     *                     removed; documents written before the failure stay written
     */
    public Result writeTo(Path output) throws IOException {
        Set<String> written = new LinkedHashSet<>();
        for (Map.Entry<String, Document> entry : documents.entrySet()) {
            AtomicFile file = new AtomicFile(output.resolve(entry.getKey()));
            Document document = entry.getValue();
            boolean changed = document.once() ? file.createIfAbsent(document.content())
                    : file.replaceIfChanged(document.content());
            if (changed) {
                written.add(entry.getKey());
            }
        }
        Set<String> removed = new LinkedHashSet<>();
        for (Pruned p : pruned) {
            removed.addAll(removeStale(output, p));
        }
        return new Result(written, removed);
    }

    /**
     * What {@link #writeTo} did.
     *
     * @param written the paths whose files were (re)written
     * @param removed the paths whose files were removed by pruning
     */
    public record Result(Set<String> written, Set<String> removed) {
        public Result {
            written = Set.copyOf(written);
            removed = Set.copyOf(removed);
        }

        /** Whether the file at {@code path} was written. */
        public boolean changed(String path) {
            return written.contains(path);
        }
    }

    private Publication put(String path, Document document) {
        checkPath(path);
        if (kept.contains(path) || documents.putIfAbsent(path, document) != null) {
            throw new IllegalArgumentException("document added twice: " + path);
        }
        return this;
    }

    private static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a plain relative path under the output folder: " + path);
        }
    }

    private List<String> removeStale(Path output, Pruned p) throws IOException {
        Path folder = output.resolve(p.folder());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String path = p.folder() + "/" + name;
                if (name.endsWith(p.suffix()) && !name.startsWith(".") && Files.isRegularFile(file)
                        && !documents.containsKey(path) && !kept.contains(path)) {
                    Files.deleteIfExists(file);
                    removed.add(path);
                }
            }
        }
        return removed;
    }
}
