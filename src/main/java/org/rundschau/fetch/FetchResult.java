package org.rundschau.fetch;

import org.rundschau.model.Page;

/** The outcome of a successful HTTP exchange. A 304 is an expected outcome, not an error. */
public sealed interface FetchResult {
    /** The server sent a body (status 200). */
    record Fetched(Page page) implements FetchResult {}

    /** The server answered 304 Not Modified to our conditional GET. */
    record NotModified(int status) implements FetchResult {}
}
