package org.rundschau.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rundschau.model.Page;
import org.rundschau.model.Validators;

class HttpFetcherTest {
    // Gzip off: WireMock would otherwise compress (and buffer) responses itself; tests set encodings by hand.
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true))
            .build();

    private static final Instant NOW = Instant.parse("2025-02-07T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String USER_AGENT = "Rundschau/0.1 (+https://rundschau.example.org/about)";
    private static final String FEED = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Kommune21</title></feed>";
    private static final FetchSettings SETTINGS = new FetchSettings(USER_AGENT, Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), FetchSettings.DEFAULT_MAX_BYTES, 5, false);

    private final HttpFetcher fetcher = fetcher(SETTINGS);

    @Test
    void returnsPageWithFinalUrlAfterRedirect() throws Exception {
        stub("/old", aResponse().withStatus(301).withHeader("Location", "/news/feed.atom"));
        stub("/news/feed.atom", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8")
                .withHeader("ETag", "\"v1\"")
                .withHeader("Last-Modified", "Fri, 07 Feb 2025 07:00:00 GMT")
                .withBody(FEED));

        Page page = fetchPage(url("/old"));

        assertThat(page.requestUrl()).isEqualTo(url("/old"));
        assertThat(page.url()).isEqualTo(url("/news/feed.atom"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(page.validators()).isEqualTo(new Validators("\"v1\"", "Fri, 07 Feb 2025 07:00:00 GMT"));
        assertThat(page.fetchedAt()).isEqualTo(NOW);
    }

    @Test
    void resolvesRelativePathLocationAgainstTheRedirectingUrl() throws Exception {
        stub("/a/b/start", aResponse().withStatus(302).withHeader("Location", "../c/end"));
        stub("/a/c/end", aResponse().withStatus(200).withBody(FEED));

        assertThat(fetchPage(url("/a/b/start")).url()).isEqualTo(url("/a/c/end"));
    }

    @Test
    void reportsMissingHeadersAsEmptyStrings() throws Exception {
        stub("/bare", aResponse().withStatus(200).withBody(FEED));

        Page page = fetchPage(url("/bare"));

        assertThat(page.contentType()).isEmpty();
        assertThat(page.validators()).isEqualTo(Validators.NONE);
    }

    @Test
    void sendsConditionalHeadersAndReturnsNotModifiedOn304() throws Exception {
        server.stubFor(get("/feed")
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Fri, 07 Feb 2025 07:00:00 GMT"))
                .willReturn(aResponse().withStatus(304)));

        FetchResult result = fetcher.fetch(url("/feed"), new Validators("\"v1\"", "Fri, 07 Feb 2025 07:00:00 GMT"));

        assertThat(result).isEqualTo(new FetchResult.NotModified(304));
    }

    @Test
    void sendsNoConditionalHeadersWithoutValidators() throws Exception {
        stub("/feed", aResponse().withStatus(200).withBody(FEED));

        fetcher.fetch(url("/feed"), Validators.NONE);

        server.verify(getRequestedFor(urlEqualTo("/feed"))
                .withHeader("If-None-Match", absent())
                .withHeader("If-Modified-Since", absent()));
    }

    @Test
    void sendsHonestUserAgentAndPrefersFeeds() throws Exception {
        stub("/feed", aResponse().withStatus(200).withBody(FEED));

        fetcher.fetch(url("/feed"), Validators.NONE);

        server.verify(getRequestedFor(urlEqualTo("/feed"))
                .withHeader("User-Agent", equalTo(USER_AGENT))
                .withHeader("Accept", equalTo(
                        "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"))
                .withHeader("Accept-Encoding", equalTo("gzip, deflate")));
    }

    @Test
    void reports404WithTheUrl() {
        stub("/missing", aResponse().withStatus(404).withBody("not here"));

        FetchException e = fetchFails(url("/missing"));

        assertThat(e).hasMessage("HTTP 404 for " + url("/missing"));
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void reports410AsGone() {
        stub("/gone", aResponse().withStatus(410));

        FetchException e = fetchFails(url("/gone"));

        assertThat(e).hasMessage("HTTP 410 Gone for " + url("/gone"));
        assertThat(e.httpStatus()).isEqualTo(410);
    }

    @Test
    void reports500() {
        stub("/broken", aResponse().withStatus(500).withBody("stack trace"));

        FetchException e = fetchFails(url("/broken"));

        assertThat(e).hasMessage("HTTP 500 for " + url("/broken"));
        assertThat(e.httpStatus()).isEqualTo(500);
    }

    @Test
    void namesTheRedirectingUrlWhenTheTargetFails() {
        stub("/old", aResponse().withStatus(301).withHeader("Location", "/missing"));
        stub("/missing", aResponse().withStatus(404));

        assertThat(fetchFails(url("/old")))
                .hasMessage("HTTP 404 for " + url("/missing") + " (redirected from " + url("/old") + ")");
    }

    @Test
    void exposesRetryAfterSecondsOn429() {
        stub("/busy", aResponse().withStatus(429).withHeader("Retry-After", "120"));

        FetchException e = fetchFails(url("/busy"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e).hasMessage("HTTP 429 Too Many Requests for " + url("/busy") + ", retry after 120 s");
    }

    @Test
    void exposesRetryAfterHttpDateOn503() {
        stub("/maintenance", aResponse().withStatus(503).withHeader("Retry-After", "Fri, 07 Feb 2025 08:05:00 GMT"));

        FetchException e = fetchFails(url("/maintenance"));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(e.getMessage()).startsWith("HTTP 503 Service Unavailable for " + url("/maintenance"));
    }

    @Test
    void leavesRetryAfterEmptyWhenUnreadable() {
        stub("/busy", aResponse().withStatus(503).withHeader("Retry-After", "soon"));

        assertThat(fetchFails(url("/busy")).retryAfter()).isEmpty();
    }

    @Test
    void reportsConnectionReset() {
        stub("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(fetchFails(url("/reset")))
                .hasMessage("connection reset by localhost:" + server.getPort() + " fetching " + url("/reset"));
    }

    @Test
    void reportsEmptyResponse() {
        stub("/empty", aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThat(fetchFails(url("/empty"))).hasMessageStartingWith("connection closed by localhost:")
                .hasMessageEndingWith(url("/empty").toString());
    }

    @Test
    void reportsMalformedChunk() {
        stub("/garbled", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        FetchException e = fetchFails(url("/garbled"));

        assertThat(e.getMessage()).startsWith("broken response from localhost:" + server.getPort()
                + " fetching " + url("/garbled") + ": ");
        assertThat(e.httpStatus()).isZero();
    }

    @Test
    void failsWhenTheBodyStallsLongerThanTheReadTimeout() {
        stub("/stalls", aResponse().withStatus(200).withBody("x".repeat(40)).withChunkedDribbleDelay(4, 2_000));

        FetchException e = fetchFails(fetcher(settings(Duration.ofMillis(150), Duration.ofSeconds(10))), url("/stalls"));

        assertThat(e).hasMessage("timed out after 150 ms without data fetching " + url("/stalls"));
    }

    @Test
    void failsWhenTheBodyOutlastsTheTotalTimeoutThoughDataKeepsComing() {
        stub("/trickles", aResponse().withStatus(200).withBody("x".repeat(200)).withChunkedDribbleDelay(20, 2_000));

        FetchException e = fetchFails(fetcher(settings(Duration.ofSeconds(1), Duration.ofMillis(400))), url("/trickles"));

        assertThat(e).hasMessage("timed out after 400 ms fetching " + url("/trickles"));
    }

    @Test
    void failsWhenTheHeadersDoNotArriveWithinTheTotalTimeout() {
        stub("/slow", aResponse().withStatus(200).withBody(FEED).withFixedDelay(1_500));

        FetchException e = fetchFails(fetcher(settings(Duration.ofSeconds(1), Duration.ofMillis(300))), url("/slow"));

        assertThat(e).hasMessage("timed out after 300 ms fetching " + url("/slow"));
    }

    @Test
    void reportsRedirectLoop() {
        stub("/a", aResponse().withStatus(302).withHeader("Location", "/b"));
        stub("/b", aResponse().withStatus(302).withHeader("Location", "/a"));

        assertThat(fetchFails(url("/a"))).hasMessage("redirect loop at " + url("/a"));
    }

    @Test
    void refusesMoreThanFiveRedirects() {
        for (int i = 0; i < 6; i++) {
            stub("/hop" + i, aResponse().withStatus(307).withHeader("Location", "/hop" + (i + 1)));
        }
        stub("/hop6", aResponse().withStatus(200).withBody(FEED));

        assertThat(fetchFails(url("/hop0"))).hasMessage("more than 5 redirects fetching " + url("/hop0"));
        server.verify(0, getRequestedFor(urlEqualTo("/hop6")));
    }

    @Test
    void followsExactlyFiveRedirects() throws Exception {
        for (int i = 0; i < 5; i++) {
            stub("/hop" + i, aResponse().withStatus(308).withHeader("Location", url("/hop" + (i + 1)).toString()));
        }
        stub("/hop5", aResponse().withStatus(200).withBody(FEED));

        assertThat(fetchPage(url("/hop0")).url()).isEqualTo(url("/hop5"));
    }

    @Test
    void refusesRedirectToLoopbackAddressFromTrustedHost() {
        stub("/go", aResponse().withStatus(302).withHeader("Location", loopbackUrl("/internal")));
        stub("/internal", aResponse().withStatus(200).withBody("secret"));

        FetchException e = fetchFails(url("/go"));

        assertThat(e).hasMessage("refused redirect to private address 127.0.0.1 (set allow-private-addresses "
                + "to permit): " + url("/go") + " -> " + loopbackUrl("/internal"));
        server.verify(0, getRequestedFor(urlEqualTo("/internal")));
    }

    @Test
    void followsRedirectToLoopbackAddressWhenPrivateAddressesAreAllowed() throws Exception {
        stub("/go", aResponse().withStatus(302).withHeader("Location", loopbackUrl("/internal")));
        stub("/internal", aResponse().withStatus(200).withBody(FEED));
        FetchSettings allowing = new FetchSettings(USER_AGENT, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), FetchSettings.DEFAULT_MAX_BYTES, 5, true);

        FetchResult result = fetcher(allowing).fetch(url("/go"), Validators.NONE);

        assertThat(((FetchResult.Fetched) result).page().url()).isEqualTo(URI.create(loopbackUrl("/internal")));
    }

    @Test
    void refusesRedirectToHostNameThatResolvesToPrivateAddress() throws Exception {
        InetAddress intranet = InetAddress.getByAddress("intranet.example", new byte[] {10, 1, 2, 3});
        HttpFetcher.HostResolver dns = host -> {
            if (host.equals("intranet.example")) {
                return new InetAddress[] {intranet};
            }
            throw new UnknownHostException(host);
        };
        HttpFetcher withFakeDns = new HttpFetcher(SETTINGS, CLOCK, new HostThrottle(Duration.ZERO), dns);
        stub("/go", aResponse().withStatus(302).withHeader("Location", "http://intranet.example/admin"));

        assertThatThrownBy(() -> withFakeDns.fetch(url("/go"), Validators.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("refused redirect to private address 10.1.2.3 ");
    }

    @Test
    void refusesRedirectToUnsupportedScheme() {
        stub("/go", aResponse().withStatus(301).withHeader("Location", "file:///etc/passwd"));

        assertThat(fetchFails(url("/go"))).hasMessage("unsupported URL scheme 'file' in file:///etc/passwd");
    }

    @Test
    void refusesBodyLargerThanTheCap() {
        byte[] twentyMiB = new byte[20 * 1024 * 1024];
        Arrays.fill(twentyMiB, (byte) 'a');
        stub("/huge", aResponse().withStatus(200).withBody(twentyMiB));

        assertThat(fetchFails(url("/huge"))).hasMessage("response larger than 10 MiB fetching " + url("/huge"));
    }

    @Test
    void cutsBodyAtTheCapWhileReadingWhenNoLengthIsDeclared() {
        byte[] threeKiB = new byte[3 * 1024];
        Arrays.fill(threeKiB, (byte) 'a');
        stub("/chunked", aResponse().withStatus(200).withBody(threeKiB).withChunkedDribbleDelay(3, 30));
        FetchSettings twoKiB = new FetchSettings(USER_AGENT, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 2048, 5, false);

        assertThat(fetchFails(fetcher(twoKiB), url("/chunked")))
                .hasMessage("response larger than 2 KiB fetching " + url("/chunked"));
    }

    @Test
    void appliesTheCapToTheDecodedBody() throws IOException {
        byte[] bomb = gzip(new byte[20 * 1024 * 1024]);    // 20 MiB of zeros, some KiB on the wire
        stub("/bomb", aResponse().withStatus(200).withHeader("Content-Encoding", "gzip").withBody(bomb));

        assertThat(bomb.length).isLessThan(100 * 1024);
        assertThat(fetchFails(url("/bomb"))).hasMessage("response larger than 10 MiB fetching " + url("/bomb"));
    }

    @Test
    void decodesGzipBody() throws Exception {
        stub("/gz", aResponse().withStatus(200).withHeader("Content-Encoding", "gzip").withBody(gzip(utf8(FEED))));

        assertThat(fetchPage(url("/gz")).body()).isEqualTo(utf8(FEED));
    }

    @Test
    void decodesZlibWrappedDeflateBody() throws Exception {
        stub("/zlib", aResponse().withStatus(200).withHeader("Content-Encoding", "deflate")
                .withBody(deflate(utf8(FEED), false)));

        assertThat(fetchPage(url("/zlib")).body()).isEqualTo(utf8(FEED));
    }

    @Test
    void decodesRawDeflateBody() throws Exception {
        stub("/raw", aResponse().withStatus(200).withHeader("Content-Encoding", "deflate")
                .withBody(deflate(utf8(FEED), true)));

        assertThat(fetchPage(url("/raw")).body()).isEqualTo(utf8(FEED));
    }

    @Test
    void reportsCorruptGzipBody() {
        stub("/bad-gz", aResponse().withStatus(200).withHeader("Content-Encoding", "gzip").withBody(FEED));

        assertThat(fetchFails(url("/bad-gz"))).hasMessage("corrupt gzip body fetching " + url("/bad-gz"));
    }

    @Test
    void reportsUnsupportedContentEncoding() {
        stub("/br", aResponse().withStatus(200).withHeader("Content-Encoding", "br").withBody(FEED));

        assertThat(fetchFails(url("/br"))).hasMessage("unsupported Content-Encoding 'br' fetching " + url("/br"));
    }

    @Test
    void rejectsUnsupportedScheme() {
        assertThat(fetchFails(URI.create("ftp://example.org/feed.xml")))
                .hasMessage("unsupported URL scheme 'ftp' in ftp://example.org/feed.xml");
    }

    @Test
    void reportsUnknownHost() {
        URI unknown = URI.create("http://nonexistent.invalid/feed");

        assertThat(fetchFails(unknown)).hasMessage("could not resolve host nonexistent.invalid fetching " + unknown);
    }

    @Test
    void reportsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nobodyListening = URI.create("http://localhost:" + closedPort + "/feed");

        assertThat(fetchFails(nobodyListening))
                .hasMessage("connection refused by localhost:" + closedPort + " fetching " + nobodyListening);
    }

    @Test
    void keepsTheInterruptFlagWhenInterrupted() {
        stub("/feed", aResponse().withStatus(200).withBody(FEED));
        Thread.currentThread().interrupt();
        try {
            assertThat(fetchFails(url("/feed"))).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void fetchesWithTheDefaultThrottle() throws Exception {
        stub("/feed", aResponse().withStatus(200).withBody(FEED));

        FetchResult result = new HttpFetcher(SETTINGS, CLOCK).fetch(url("/feed"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    }

    private static HttpFetcher fetcher(FetchSettings settings) {
        return new HttpFetcher(settings, CLOCK, new HostThrottle(Duration.ZERO));
    }

    private static FetchSettings settings(Duration readTimeout, Duration totalTimeout) {
        return new FetchSettings(USER_AGENT, Duration.ofSeconds(2), readTimeout, totalTimeout,
                FetchSettings.DEFAULT_MAX_BYTES, 5, false);
    }

    private static void stub(String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(path).willReturn(response));
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private static String loopbackUrl(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private Page fetchPage(URI url) throws FetchException {
        FetchResult result = fetcher.fetch(url, Validators.NONE);
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).page();
    }

    private FetchException fetchFails(URI url) {
        return fetchFails(fetcher, url);
    }

    private static FetchException fetchFails(HttpFetcher fetcher, URI url) {
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(url, Validators.NONE));
        assertThat(e).as("fetching %s should fail", url).isNotNull();
        return e;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
