package org.rundschau.fetch;

import java.net.URI;

/**
 * A source could not be fetched. The message is one sentence for the admin, e.g.
 * {@code HTTP 404 for https://example.org/news} or {@code timed out after 30 s [url=...]}.
 */
public final class FetchException extends Exception {
    private final URI url;
    private final int httpStatus;

    public FetchException(URI url, int httpStatus, String problem, Throwable cause) {
        super(problem, cause);
        this.url = url;
        this.httpStatus = httpStatus;
    }

    public FetchException(URI url, String problem, Throwable cause) {
        this(url, 0, problem, cause);
    }

    public URI url() {
        return url;
    }

    /** The HTTP status that caused the failure, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
