package org.rundschau.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;

/** Renders entries as an Atom 1.0 document (RFC 4287). */
public final class AtomPublisher {

    /**
     * Writes {@code entries} (newest first) to {@code file} atomically: a temporary file in the same
     * folder, then a rename. A document whose bytes would not change is not rewritten.
     *
     * @param sources configured sources by id, for each entry's {@code atom:source}
     * @return whether the file was (re)written
     */
    public boolean write(List<Entry> entries, FeedConfig feed, Map<String, SourceConfig> sources, Path file)
            throws IOException {
        throw new UnsupportedOperationException("TODO");
    }
}
