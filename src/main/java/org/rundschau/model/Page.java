package org.rundschau.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A fetched document, bytes as received (after content decoding such as gzip).
 *
 * @param requestUrl  the URL that was asked for (the source's configured URL)
 * @param url         the final URL after redirects: relative links resolve against it
 * @param contentType the Content-Type header as sent, or "" when absent
 * @param body        the body bytes; charset decoding is the extractor's job
 * @param fetchedAt   when the response arrived
 * @param validators  ETag / Last-Modified of this response
 */
public record Page(URI requestUrl, URI url, int status, String contentType, byte[] body,
                   Instant fetchedAt, Validators validators) {
    public Page {
        Objects.requireNonNull(requestUrl, "requestUrl");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(validators, "validators");
    }

    /** A page read from a file or test fixture: status 200, no validators. */
    public static Page of(URI url, String contentType, byte[] body, Instant fetchedAt) {
        return new Page(url, url, 200, contentType, body, fetchedAt, Validators.NONE);
    }
}
