package org.rundschau.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The URLs one fetch passes through, and the rules for adding one: http(s) only, no URL twice, at
 * most {@link FetchSettings#maxRedirects()} redirects, and no redirect to a host that resolves to a
 * private address (see {@link PrivateAddresses}) unless the admin allows it. The configured URL is
 * trusted wherever it points, and so is its host when a redirect leads back to it (an intranet
 * source may redirect within itself). One trail per fetch; not thread-safe.
 */
final class RedirectTrail {
    private final URI configured;
    private final FetchSettings settings;
    private final HttpFetcher.HostResolver resolver;
    private final Set<URI> visited = new HashSet<>();
    private URI current;

    /** @throws FetchException when {@code configured} is not an http(s) URL with a host */
    RedirectTrail(URI configured, FetchSettings settings, HttpFetcher.HostResolver resolver) throws FetchException {
        this.configured = configured;
        this.settings = settings;
        this.resolver = resolver;
        this.current = requestable(configured);
        visited.add(current);
    }

    /** The URL to request now, without its fragment. */
    URI current() {
        return current;
    }

    /**
     * Moves on to where a redirect response points.
     *
     * @param location the Location header as sent, possibly relative, or "" when absent
     * @throws FetchException when the redirect must not or cannot be followed
     */
    URI follow(int status, String location) throws FetchException {
        URI next = resolve(status, location);
        if (!visited.add(next)) {
            throw new FetchException(next, "redirect loop at " + next, null);
        }
        if (visited.size() - 1 > settings.maxRedirects()) {
            throw new FetchException(next, "more than " + settings.maxRedirects() + " redirects fetching "
                    + configured, null);
        }
        requestable(next);
        refusePrivateTarget(next);
        current = next;
        return next;
    }

    private URI resolve(int status, String location) throws FetchException {
        if (location.isBlank()) {
            throw new FetchException(current, status, "HTTP " + status + " without a Location header for "
                    + current, null);
        }
        // URI.resolve drops the slash between host and an empty path: http://a.org + b -> http://a.orgb
        URI base = current.getRawPath() == null || current.getRawPath().isEmpty() ? current.resolve("/") : current;
        try {
            return withoutFragment(base.resolve(new URI(escapeIllegalCharacters(location.trim()))));
        } catch (URISyntaxException e) {
            throw new FetchException(current, status, "HTTP " + status + " with an unreadable Location '"
                    + location + "' for " + current, e);
        }
    }

    private void refusePrivateTarget(URI next) throws FetchException {
        if (settings.allowPrivateAddresses() || next.getHost().equalsIgnoreCase(configured.getHost())) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(next.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(next, "could not resolve host " + next.getHost() + " fetching " + next
                    + " (redirected from " + current + ")", e);
        }
        for (InetAddress address : addresses) {
            if (PrivateAddresses.contains(address)) {
                throw new FetchException(next, "refused redirect to private address " + address.getHostAddress()
                        + " (set allow-private-addresses to permit): " + current + " -> " + next, null);
            }
        }
    }

    private static URI requestable(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(url, "unsupported URL scheme '" + scheme + "' in " + url, null);
        }
        if (url.getHost() == null) {
            throw new FetchException(url, "no host name in " + url, null);
        }
        return withoutFragment(url);
    }

    private static URI withoutFragment(URI url) {
        String text = url.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? url : URI.create(text.substring(0, hash));
    }

    /** Percent-encodes what real servers put in Location but RFC 3986 forbids (spaces, umlauts). */
    private static String escapeIllegalCharacters(String location) {
        StringBuilder out = new StringBuilder(location.length());
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
