package org.rundschau.serve;

import java.io.IOException;
import java.util.List;
import org.rundschau.model.SourceStatus;

/** Where {@code /health} reads the sources' health from; the server itself knows no database. */
@FunctionalInterface
public interface HealthSource {
    /**
     * @return one status per configured source, in configuration order ({@link SourceStatus#never} for
     *         a source not fetched yet)
     * @throws IOException when the health cannot be read, for example because the database is unusable;
     *         {@code /health} then answers 503
     */
    List<SourceStatus> statuses() throws IOException;
}
