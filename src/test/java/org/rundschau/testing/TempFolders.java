package org.rundschau.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Temporary folders of the benchmarks and long runs, which clean up after themselves. */
public final class TempFolders {
    private TempFolders() {
    }

    /** Deletes a folder tree, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
