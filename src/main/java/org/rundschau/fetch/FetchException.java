package org.rundschau.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A source could not be fetched. The message is one sentence for the admin that names the URL, e.g.
 * {@code HTTP 404 for https://example.org/news} or {@code timed out after 30 s fetching https://...}.
 */
public final class FetchException extends Exception {
    private final URI url;
    private final int httpStatus;
    private final Duration retryAfter;

    public FetchException(URI url, int httpStatus, String problem, Throwable cause) {
        super(problem, cause);
        this.url = url;
        this.httpStatus = httpStatus;
        this.retryAfter = null;
    }

    public FetchException(URI url, String problem, Throwable cause) {
        this(url, 0, problem, cause);
    }

    /**
     * A refusal (typically 429 or 503) whose server said when to come back. The Duration sits
     * before the cause so that calls of the four-argument constructor with a {@code null} cause
     * stay unambiguous.
     */
    public FetchException(URI url, int httpStatus, String problem, Duration retryAfter, Throwable cause) {
        super(problem, cause);
        this.url = url;
        this.httpStatus = httpStatus;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The URL the failure happened at: the configured URL, or a redirect target on the way. */
    public URI url() {
        return url;
    }

    /** The HTTP status that caused the failure, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * How long the server asked us to wait (its {@code Retry-After} header), or empty when it did not
     * say or the header was unreadable. A date in the past gives {@link Duration#ZERO}.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
