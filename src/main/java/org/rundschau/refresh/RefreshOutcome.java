package org.rundschau.refresh;

import java.time.Duration;
import java.util.Objects;
import org.rundschau.model.SourceStatus;
import org.rundschau.store.StoreResult;

/**
 * What one refresh of one source did, for progress lines and the run summary.
 *
 * @param status    the source's health after this refresh (already saved)
 * @param stored    what changed in the store ({@link StoreResult#NOTHING} on failure or 304)
 * @param unchanged true when the server answered 304 or sent the same body as last time
 * @param skipped   true when the source was not fetched because it is backing off
 */
public record RefreshOutcome(String sourceId, SourceStatus status, StoreResult stored, boolean unchanged,
                             boolean skipped, Duration took) {
    public RefreshOutcome {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(took, "took");
    }

    public boolean failed() {
        return !status.healthy();
    }
}
