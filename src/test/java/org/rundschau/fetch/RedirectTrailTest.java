package org.rundschau.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redirect rules without a server: DNS is a fixed table, so no lookup leaves the test. */
class RedirectTrailTest {
    private static final FetchSettings SETTINGS = FetchSettings.defaults("Rundschau/0.1");
    private static final Map<String, String> DNS = Map.of(
            "www.kommune21.de", "93.184.216.34",
            "intranet.example", "10.1.2.3",
            "mixed.example", "93.184.216.35,192.168.0.10");

    @Test
    void resolvesRelativeLocationAgainstUrlWithoutPath() throws FetchException {
        assertThat(trail("http://www.kommune21.de").follow(301, "feed.xml"))
                .isEqualTo(URI.create("http://www.kommune21.de/feed.xml"));
    }

    @Test
    void resolvesProtocolRelativeLocation() throws FetchException {
        assertThat(trail("https://intranet.example/news").follow(302, "//www.kommune21.de/news"))
                .isEqualTo(URI.create("https://www.kommune21.de/news"));
    }

    @Test
    void escapesSpacesAndUmlautsThatServersPutInLocation() throws FetchException {
        assertThat(trail("https://www.kommune21.de/").follow(302, "/Nachrichten/Übersicht 2025?q=a|b"))
                .isEqualTo(URI.create("https://www.kommune21.de/Nachrichten/%C3%9Cbersicht%202025?q=a%7Cb"));
    }

    @Test
    void dropsTheFragment() throws FetchException {
        RedirectTrail trail = trail("https://www.kommune21.de/#top");

        assertThat(trail.current()).isEqualTo(URI.create("https://www.kommune21.de/"));
        assertThat(trail.follow(302, "/news#latest")).isEqualTo(URI.create("https://www.kommune21.de/news"));
    }

    @Test
    void failsOnRedirectWithoutLocation() throws FetchException {
        RedirectTrail trail = trail("https://www.kommune21.de/");

        assertThatThrownBy(() -> trail.follow(302, ""))
                .hasMessage("HTTP 302 without a Location header for https://www.kommune21.de/");
    }

    @Test
    void trustsTheConfiguredHostThoughItIsPrivate() throws FetchException {
        assertThat(trail("http://intranet.example/news").follow(301, "/news/"))
                .isEqualTo(URI.create("http://intranet.example/news/"));
    }

    @Test
    void refusesOtherHostWhenAnyOfItsAddressesIsPrivate() throws FetchException {
        RedirectTrail trail = trail("https://www.kommune21.de/");

        assertThatThrownBy(() -> trail.follow(302, "https://mixed.example/"))
                .hasMessageStartingWith("refused redirect to private address 192.168.0.10 ");
    }

    @Test
    void followsOtherHostWithPublicAddresses() throws FetchException {
        assertThat(trail("http://intranet.example/").follow(302, "https://www.kommune21.de/"))
                .isEqualTo(URI.create("https://www.kommune21.de/"));
    }

    @Test
    void reportsRedirectTargetThatDoesNotResolve() throws FetchException {
        RedirectTrail trail = trail("https://www.kommune21.de/");

        assertThatThrownBy(() -> trail.follow(302, "https://gone.example/"))
                .hasMessage("could not resolve host gone.example fetching https://gone.example/"
                        + " (redirected from https://www.kommune21.de/)");
    }

    @Test
    void countsRedirectsAgainstTheLimit() throws FetchException {
        FetchSettings oneRedirect = new FetchSettings("Rundschau/0.1", Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1024, 1, false);
        RedirectTrail trail = new RedirectTrail(URI.create("https://www.kommune21.de/a"), oneRedirect, RedirectTrailTest::lookUp);
        trail.follow(301, "/b");

        assertThatThrownBy(() -> trail.follow(301, "/c"))
                .hasMessage("more than 1 redirects fetching https://www.kommune21.de/a");
    }

    @Test
    void rejectsUrlWithoutHost() {
        assertThatThrownBy(() -> trail("http:///feed.xml")).hasMessage("no host name in http:///feed.xml");
    }

    private static RedirectTrail trail(String url) throws FetchException {
        return new RedirectTrail(URI.create(url), SETTINGS, RedirectTrailTest::lookUp);
    }

    private static InetAddress[] lookUp(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        String[] literals = addresses.split(",");
        InetAddress[] resolved = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            resolved[i] = InetAddress.getByName(literals[i]);    // a literal: no DNS query
        }
        return resolved;
    }
}
