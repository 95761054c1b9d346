package org.rundschau.publish;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a WebSub hub that documents changed, so it can push them to subscribers at once instead of
 * their polling.
 *
 * <p>W3C WebSub leaves the publisher-to-hub call to each hub; the form public hubs document (for
 * example pubsubhubbub.appspot.com) is a POST of {@code hub.mode=publish} and {@code
 * hub.url=<topic URL>}, answered with a 2xx status. One request per topic.
 *
 * <p>A hub that is down, slow or refuses must never stop a publication: the feeds are written
 * already and readers still poll. Failures are logged as warnings and counted, never thrown.
 */
public final class HubNotifier {
    private static final Logger log = LoggerFactory.getLogger(HubNotifier.class);

    private final HttpClient client;
    private final Duration timeout;
    private final String userAgent;

    /**
     * @param timeout   longest wait for the hub's answer to one request
     * @param userAgent sent with every request
     */
    public HubNotifier(HttpClient client, Duration timeout, String userAgent) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    /**
     * Announces each of {@code topics} to {@code hub}.
     *
     * @return how many announcements the hub accepted with a 2xx status
     */
    public int announce(String hub, List<String> topics) {
        int accepted = 0;
        for (String topic : topics) {
            if (Thread.currentThread().isInterrupted()) {
                log.warn("publish: not telling hub {} about {}: interrupted", hub, topic);
                break;
            }
            if (announceOne(hub, topic)) {
                accepted++;
            }
        }
        return accepted;
    }

    private boolean announceOne(String hub, String topic) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("publish: told hub {} that {} changed", hub, topic);
                return true;
            }
            log.warn("publish: hub {} refused the update of {}: HTTP {} {}", hub, topic, response.statusCode(),
                    abbreviate(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("publish: could not tell hub {} that {} changed: {}", hub, topic, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("publish: not telling hub {} about {}: interrupted", hub, topic);
        }
        return false;
    }

    /** Java's HTTP client throws a ConnectException without message for a refused connection. */
    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String abbreviate(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
