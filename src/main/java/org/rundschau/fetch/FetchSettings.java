package org.rundschau.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity for HTTP requests.
 *
 * @param userAgent             sent with every request
 * @param connectTimeout        TCP/TLS connect timeout
 * @param readTimeout           longest silence while reading the body
 * @param totalTimeout          longest a whole exchange (redirects included) may take
 * @param maxBytes              body size cap after decompression
 * @param maxRedirects          redirects followed before giving up
 * @param allowPrivateAddresses whether a redirect may lead to loopback, link-local or private addresses
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                            long maxBytes, int maxRedirects, boolean allowPrivateAddresses) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("totalTimeout", totalTimeout);
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(userAgent, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                DEFAULT_MAX_BYTES, 5, false);
    }
}
