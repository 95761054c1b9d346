package org.rundschau.fetch;

import java.net.URI;
import java.time.Clock;
import org.rundschau.model.Validators;

/** Fetches one URL politely and safely. Thread-safe. */
public final class HttpFetcher {
    private final FetchSettings settings;
    private final Clock clock;

    public HttpFetcher(FetchSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * GETs {@code url}, conditionally when {@code validators} are not empty.
     *
     * @return {@link FetchResult.Fetched} for a 200, {@link FetchResult.NotModified} for a 304
     * @throws FetchException for every other outcome, with one sentence for the admin
     */
    public FetchResult fetch(URI url, Validators validators) throws FetchException {
        throw new UnsupportedOperationException("TODO");
    }
}
