package org.rundschau.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in one config file so far, each formatted as {@code FILE:LINE: path: message}
 * (the path is left out at the top level). Reported sorted by line, so an admin can fix them top down.
 */
final class Problems {
    private record Problem(int line, String text) {}

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file.toString();
    }

    /** @param line 1-based line number */
    void add(int line, String path, String message) {
        String where = path.isEmpty() ? "" : path + ": ";
        found.add(new Problem(line, file + ":" + line + ": " + where + message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws ConfigException {
        if (!found.isEmpty()) {
            throw new ConfigException(found.stream()
                    .sorted(Comparator.comparingInt(Problem::line))
                    .map(Problem::text)
                    .toList());
        }
    }
}
