package org.rundschau.model;

import java.util.Objects;

/**
 * HTTP cache validators remembered per source for the next conditional GET.
 * An empty string means the server sent no such header.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators("", "");

    public Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }
}
