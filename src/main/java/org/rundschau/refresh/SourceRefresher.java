package org.rundschau.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.rundschau.config.SourceConfig;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.fetch.FetchException;
import org.rundschau.fetch.FetchResult;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.model.Extraction;
import org.rundschau.model.Item;
import org.rundschau.model.Page;
import org.rundschau.model.Sha256;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;
import org.rundschau.normalize.Normalizer;
import org.rundschau.store.ItemStore;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;
import org.rundschau.store.StoreResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one source through fetch, extract, normalise and store, and records its health.
 * A failing source becomes a status, never an exception: only a broken database escapes,
 * as {@link StoreException}, because then no source can be processed. Thread-safe.
 */
public final class SourceRefresher {
    private static final Logger log = LoggerFactory.getLogger(SourceRefresher.class);

    private final HttpFetcher fetcher;
    private final HtmlExtractor htmlExtractor;
    private final FeedExtractor feedExtractor;
    private final Normalizer normalizer;
    private final ItemStore items;
    private final SourceStatusStore statuses;
    private final Clock clock;
    private final Backoff backoff;
    private final String codeVersion;

    /**
     * @param codeVersion the build of Rundschau: with the source's settings, the rules under which a
     *                    304 or the same body as last time skips extraction, so that an upgrade
     *                    re-reads unchanged pages with the new extraction rules
     */
    public SourceRefresher(HttpFetcher fetcher, HtmlExtractor htmlExtractor, FeedExtractor feedExtractor,
                           Normalizer normalizer, ItemStore items, SourceStatusStore statuses, Clock clock,
                           Backoff backoff, String codeVersion) {
        this.fetcher = fetcher;
        this.htmlExtractor = htmlExtractor;
        this.feedExtractor = feedExtractor;
        this.normalizer = normalizer;
        this.items = items;
        this.statuses = statuses;
        this.clock = clock;
        this.backoff = backoff;
        this.codeVersion = codeVersion;
    }

    /**
     * Refreshes the source unless it is backing off after failures (or a server's Retry-After):
     * then nothing is fetched and the outcome carries the stored, still failing status.
     */
    public RefreshOutcome refreshIfDue(SourceConfig source) throws StoreException {
        SourceStatus before = statuses.load(source.id());
        if (before.backingOff(clock.instant())) {
            log.debug("source={} backing off until {}", source.id(), before.nextAttempt());
            return new RefreshOutcome(source.id(), before, StoreResult.NOTHING, false, true, Duration.ZERO);
        }
        return refresh(source, before);
    }

    /** Refreshes the source now, whatever its backoff says. */
    public RefreshOutcome refresh(SourceConfig source) throws StoreException {
        return refresh(source, statuses.load(source.id()));
    }

    private RefreshOutcome refresh(SourceConfig source, SourceStatus before) throws StoreException {
        Instant started = clock.instant();
        SourceStatus after;
        StoreResult stored = StoreResult.NOTHING;
        boolean unchanged = false;
        String rules = rulesHash(source);
        try {
            FetchResult result = fetcher.fetch(source.url(), before.validatorsFor(rules));
            String bodyHash = result instanceof FetchResult.Fetched fetched ? bodyHash(fetched.page(), rules) : "";
            if (result instanceof FetchResult.Fetched fetched && !sameAsLastTime(bodyHash, before)) {
                Page page = fetched.page();
                Extraction extraction = extract(source, page);
                stored = items.save(source.id(), normalize(extraction, source, page.fetchedAt()), page.fetchedAt());
                after = before.succeeded(started, page.status(), extraction.items().size(), page.validators(),
                        bodyHash, rules);
            } else {
                unchanged = true;
                after = result instanceof FetchResult.Fetched same
                        ? before.unchanged(started, same.page().status(), same.page().validators())
                        : before.unchanged(started, ((FetchResult.NotModified) result).status(), Validators.NONE);
            }
        } catch (FetchException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Rundschau is stopping: an abandoned fetch says nothing about the source's health.
                log.info("source={} fetch abandoned: stopping", source.id());
                return new RefreshOutcome(source.id(), before, StoreResult.NOTHING, false, true, Duration.ZERO);
            }
            after = before.failed(started, e.httpStatus(), e.getMessage(), retryAt(source, before, started, e.retryAfter()));
        } catch (ExtractException e) {
            after = before.failed(started, 200, e.getMessage(), retryAt(source, before, started, Optional.empty()));
        }
        if (after.healthy()) {
            log.debug("source={} ok: {} new ({} joined entries of other sources, {} held back), {} updated, "
                    + "{} unchanged, {} pruned before", source.id(), stored.added(), stored.merged(), stored.heldBack(),
                    stored.updated(), stored.unchanged(), stored.gone());
        } else {
            log.info("source={} failed: {}", source.id(), after.lastError());
        }
        statuses.save(after);
        return new RefreshOutcome(source.id(), after, stored, unchanged, false, Duration.between(started, clock.instant()));
    }

    private Instant retryAt(SourceConfig source, SourceStatus before, Instant now, Optional<Duration> retryAfter) {
        Duration period = source.schedule().period(now, source.timezone());
        return backoff.nextAttempt(now, before.consecutiveFailures() + 1, period, retryAfter);
    }

    private Extraction extract(SourceConfig source, Page page) throws ExtractException {
        return source.isHtml() ? htmlExtractor.extract(page, source.selectors()) : feedExtractor.extract(page);
    }

    private List<Item> normalize(Extraction extraction, SourceConfig source, Instant fetchedAt) {
        return normalizer.normalizeAll(extraction.items(), source, extraction.language(), fetchedAt);
    }

    // A 304 or a body identical to the last one skips extraction, but only under the rules that
    // extracted it last: the source's settings and the build of Rundschau. After a changed selector or
    // an upgrade the page is fetched without validators (validatorsFor) and goes through extraction.
    private static boolean sameAsLastTime(String bodyHash, SourceStatus before) {
        return before.healthy() && !before.bodyHash().isEmpty() && before.bodyHash().equals(bodyHash);
    }

    private String rulesHash(SourceConfig source) {
        MessageDigest sha = Sha256.digest();
        sha.update((codeVersion + "\n" + source).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String bodyHash(Page page, String rules) {
        MessageDigest sha = Sha256.digest();
        sha.update((rules + "\n").getBytes(StandardCharsets.US_ASCII));
        sha.update(page.body());
        return HexFormat.of().formatHex(sha.digest());
    }
}
