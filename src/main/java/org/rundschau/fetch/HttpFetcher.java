package org.rundschau.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLException;
import org.rundschau.model.Page;
import org.rundschau.model.Validators;

/**
 * Fetches one URL politely and safely: conditional GET, redirects followed by hand (each target
 * checked), decoded and size-capped body, a deadline for the whole exchange, one request at a time
 * per host. Thread-safe; build one per process, it holds one {@link HttpClient}.
 */
public final class HttpFetcher {
    static final String ACCEPT =
            "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
    static final String ACCEPT_ENCODING = "gzip, deflate";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchSettings settings;
    private final Clock clock;
    private final HostThrottle throttle;
    private final HostResolver resolver;
    private final HttpClient client;
    private final BodyReader bodyReader;

    /** A fetcher whose requests to one host are at least {@link HostThrottle#DEFAULT_GAP} apart. */
    public HttpFetcher(FetchSettings settings, Clock clock) {
        this(settings, clock, new HostThrottle(HostThrottle.DEFAULT_GAP));
    }

    /** A fetcher sharing {@code throttle} (pass one throttle to every fetcher of a process). */
    public HttpFetcher(FetchSettings settings, Clock clock, HostThrottle throttle) {
        this(settings, clock, throttle, InetAddress::getAllByName);
    }

    /** With a stand-in for DNS, so that tests can point a redirect target at any address. */
    HttpFetcher(FetchSettings settings, Clock clock, HostThrottle throttle, HostResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        // HTTP/1.1: feeds are single documents, and a cleartext HTTP/2 upgrade attempt trips up
        // some old servers; redirects are ours to follow so that every hop can be checked.
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.bodyReader = new BodyReader(settings, watchdogScheduler());
    }

    /**
     * GETs {@code url}, conditionally when {@code validators} are not empty, following redirects as
     * {@link RedirectTrail} allows: the configured URL is trusted wherever it points, other hosts
     * reached by redirect must resolve to public addresses unless
     * {@link FetchSettings#allowPrivateAddresses()}. Time spent waiting for the host throttle does
     * not count against {@link FetchSettings#totalTimeout()}.
     *
     * @return {@link FetchResult.Fetched} for a 200, {@link FetchResult.NotModified} for a 304
     * @throws FetchException for every other outcome, with one sentence for the admin; on
     *                        interruption the thread's interrupt flag is set again
     */
    public FetchResult fetch(URI url, Validators validators) throws FetchException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(validators, "validators");
        RedirectTrail trail = new RedirectTrail(url, settings, resolver);
        long remainingNanos = settings.totalTimeout().toNanos();
        while (true) {
            URI target = trail.current();
            HostThrottle.Permit permit = acquire(target);
            Step step;
            try {
                long start = System.nanoTime();
                step = exchange(url, target, validators, start + remainingNanos);
                remainingNanos -= System.nanoTime() - start;
            } finally {
                permit.close();
            }
            if (step instanceof Step.Done done) {
                return done.result();
            }
            Step.Redirect redirect = (Step.Redirect) step;
            trail.follow(redirect.status(), redirect.location());
        }
    }

    private HostThrottle.Permit acquire(URI target) throws FetchException {
        try {
            return throttle.acquire(target.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(target, "interrupted while waiting to fetch " + target, e);
        } catch (IOException e) {
            throw new FetchException(target, "could not reserve host " + target.getHost()
                    + " among the cluster's nodes: " + e.getMessage(), e);
        }
    }

    /** One request and its response: the outcome, or where the server sends us next. */
    private Step exchange(URI requested, URI target, Validators validators, long deadlineNanos)
            throws FetchException {
        HttpResponse<InputStream> response = send(target, validators, deadlineNanos);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 200 || status == 203) {
                return new Step.Done(new FetchResult.Fetched(page(requested, target, response, body, deadlineNanos)));
            }
            if (status == 304 && !validators.isEmpty()) {
                return new Step.Done(new FetchResult.NotModified(status));
            }
            if (REDIRECTS.contains(status)) {
                return new Step.Redirect(status, header(response, "Location"));
            }
            throw statusFailure(requested, target, response);
        } catch (IOException e) {
            throw connectionFailure(target, e);
        }
    }

    private HttpResponse<InputStream> send(URI target, Validators validators, long deadlineNanos)
            throws FetchException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(target, null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET()
                .timeout(Duration.ofNanos(remaining))    // HttpClient applies it until the headers are in
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        if (!validators.etag().isEmpty()) {
            request.header("If-None-Match", validators.etag());
        }
        if (!validators.lastModified().isEmpty()) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(target, "could not connect to " + hostPort(target) + " within "
                    + describe(settings.connectTimeout()) + " fetching " + target, e);
        } catch (HttpTimeoutException e) {
            throw timedOut(target, e);
        } catch (IOException e) {
            throw connectionFailure(target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(target, "interrupted while fetching " + target, e);
        }
    }

    private Page page(URI requested, URI target, HttpResponse<InputStream> response, InputStream body,
                      long deadlineNanos) throws FetchException, IOException {
        Instant fetchedAt = clock.instant();
        var encodings = response.headers().allValues("Content-Encoding");
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (encodings.isEmpty() && declared > settings.maxBytes()) {
            throw bodyReader.tooLarge(target);    // no need to download what we would throw away
        }
        byte[] bytes = bodyReader.read(body, encodings, deadlineNanos, target);
        return new Page(requested, target, response.statusCode(), header(response, "Content-Type"), bytes,
                fetchedAt, new Validators(header(response, "ETag"), header(response, "Last-Modified")));
    }

    private FetchException statusFailure(URI requested, URI target, HttpResponse<?> response) {
        int status = response.statusCode();
        String reason = switch (status) {
            case 304 -> " Not Modified without a conditional request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 503 -> " Service Unavailable";
            default -> "";
        };
        String problem = "HTTP " + status + reason + " for " + target
                + (target.equals(requested) ? "" : " (redirected from " + requested + ")");
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? response.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock.instant()))
                : Optional.empty();
        if (retryAfter.isPresent()) {
            return new FetchException(target, status, problem + ", retry after " + describe(retryAfter.get()),
                    retryAfter.get(), null);
        }
        return new FetchException(target, status, problem, null);
    }

    /** Names the failure of a connection by its root cause, which HttpClient tends to wrap. */
    private static FetchException connectionFailure(URI url, IOException e) {
        String where = hostPort(url) + " fetching " + url;
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new FetchException(url, "could not resolve host " + url.getHost() + " fetching " + url, e);
        }
        Throwable root = rootCause(e);
        String rootMessage = String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT);
        if (hasCause(e, NoRouteToHostException.class) || rootMessage.contains("unreachable")) {
            return new FetchException(url, "no route to " + where, e);
        }
        if (hasCause(e, ConnectException.class)) {    // HttpClient drops the reason; refusal is the usual one
            return new FetchException(url, "connection refused by " + where, e);
        }
        if (hasCause(e, SSLException.class)) {
            return new FetchException(url, "TLS failed with " + where + ": " + root.getMessage(), e);
        }
        if (rootMessage.contains("connection reset")) {
            return new FetchException(url, "connection reset by " + where, e);
        }
        if (root instanceof EOFException || rootMessage.contains("received no bytes")) {
            return new FetchException(url, "connection closed by " + hostPort(url)
                    + " before the response was complete fetching " + url, e);
        }
        return new FetchException(url, "broken response from " + where + ": " + root.getMessage(), e);
    }

    private FetchException timedOut(URI url, Throwable cause) {
        return new FetchException(url, "timed out after " + describe(settings.totalTimeout()) + " fetching " + url,
                cause);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String hostPort(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return url.getHost() + ":" + port;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** "30 s", or "300 ms" for what is not whole seconds (short test timeouts). */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** One daemon thread per fetcher that closes stalled body streams (see {@link BodyReader}). */
    private static ScheduledThreadPoolExecutor watchdogScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "rundschau-fetch-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private sealed interface Step {
        record Done(FetchResult result) implements Step {}

        record Redirect(int status, String location) implements Step {}
    }

    /** Name lookup, as {@link InetAddress#getAllByName(String)} does it. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
