package org.rundschau.cli;

import java.util.Optional;

/**
 * What an admin can do about a source that failed: one sentence, chosen from the HTTP status or
 * the kind of error the stages report. Empty when there is nothing better to say than the error.
 */
final class Advice {
    private Advice() {
    }

    static Optional<String> forFetch(String error, int httpStatus) {
        if (httpStatus == 404 || httpStatus == 410) {
            return Optional.of("The address is wrong or the page is gone: open it in a browser and copy the URL again.");
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return Optional.of("The site refuses Rundschau (a login, or a block on automated readers): ask the site"
                    + " for a feed, or use a page that is public.");
        }
        if (httpStatus == 429 || httpStatus == 503) {
            return Optional.of("The site is busy or limits requests: try later; if it keeps happening, fetch it less"
                    + " often (schedule) or raise fetch.host-gap.");
        }
        if (httpStatus >= 500) return Optional.of("The site has a server error: try later.");
        String e = error.toLowerCase(java.util.Locale.ROOT);
        if (e.contains("could not resolve host")) {
            return Optional.of("Check the host name in the URL, and that this machine can resolve names (DNS, network).");
        }
        if (e.contains("timed out") || e.contains("connection refused") || e.contains("no route")
                || e.contains("could not connect")) {
            return Optional.of("The site is down or cannot be reached from this machine (firewall, proxy): try later,"
                    + " or open the URL from this machine with curl.");
        }
        if (e.contains("tls")) {
            return Optional.of("The site's certificate or TLS setup is not accepted by Java: the site must fix it, or"
                    + " use its http:// address if it offers one.");
        }
        if (e.contains("larger than")) {
            return Optional.of("If the page really is that large, raise fetch.max-size in the config.");
        }
        return Optional.empty();
    }

    static Optional<String> forExtract(String error, String url) {
        if (error.contains("got an HTML page") || error.contains("not a readable RSS/Atom document")) {
            return Optional.of("If " + url + " is a web page, `rundschau suggest " + url + "` finds its feed or the"
                    + " selectors for its list; if it is meant to be a feed, the site serves it broken.");
        }
        return Optional.empty();
    }
}
