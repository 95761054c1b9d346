package org.rundschau.extract;

import java.net.URI;

/**
 * A fetched page could not be turned into items: not a readable feed, or the item selector
 * matched nothing. The message is one sentence for the admin.
 */
public final class ExtractException extends Exception {
    private final URI url;

    public ExtractException(URI url, String problem, Throwable cause) {
        super(problem, cause);
        this.url = url;
    }

    public ExtractException(URI url, String problem) {
        this(url, problem, null);
    }

    public URI url() {
        return url;
    }
}
