package org.rundschau.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How Rundschau treats the sites it reads ({@code fetch:} in the config).
 *
 * @param hostGap               minimum pause between two requests to the same host (0: none)
 * @param timeout               longest a whole fetch may take, redirects included
 * @param maxSize               largest body accepted, in bytes, after decompression
 * @param contact               an http(s) URL or mailto: address for site owners, sent in the User-Agent; "" for none
 * @param allowPrivateAddresses whether redirects may lead to loopback, link-local or private addresses
 */
public record FetchConfig(Duration hostGap, Duration timeout, long maxSize, String contact,
                          boolean allowPrivateAddresses) {
    public static final FetchConfig DEFAULTS =
            new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(60), 10L * 1024 * 1024, "", false);

    public FetchConfig {
        Objects.requireNonNull(hostGap, "hostGap");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(contact, "contact");
        if (hostGap.isNegative()) throw new IllegalArgumentException("fetch.host-gap must not be negative: " + hostGap);
        if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("fetch.timeout must be positive: " + timeout);
        if (maxSize < 1) throw new IllegalArgumentException("fetch.max-size must be positive: " + maxSize);
    }
}
