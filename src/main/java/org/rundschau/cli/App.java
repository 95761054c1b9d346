package org.rundschau.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.fetch.FetchSettings;
import org.rundschau.fetch.HostThrottle;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.RegionMapper;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.refresh.Backoff;
import org.rundschau.refresh.RefreshCycle;
import org.rundschau.refresh.Republisher;
import org.rundschau.refresh.SourcePreview;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;
import org.rundschau.suggest.FeedFinder;
import org.rundschau.suggest.ListFinder;

/**
 * Builds the long-lived objects from a configuration, once, by hand. The only place that
 * knows how the stages fit together.
 */
final class App implements AutoCloseable {
    static final int SUMMARY_MAX_CHARS = 300;
    static final int PARALLEL_SOURCES = 4;
    static final int MAX_REDIRECTS = 5;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Database database;
    private final SourceStatusStore statuses;
    private final SourceRefresher refresher;
    private final Republisher republisher;

    private App(Database database, SourceStatusStore statuses, SourceRefresher refresher, Republisher republisher) {
        this.database = database;
        this.statuses = statuses;
        this.refresher = refresher;
        this.republisher = republisher;
    }

    /** The stages that need no database: enough for {@code check}. */
    record Stages(HttpFetcher fetcher, HtmlExtractor html, FeedExtractor feeds, Normalizer normalizer) {
        static Stages of(AppConfig config, Clock clock) {
            return new Stages(new HttpFetcher(fetchSettings(config), clock, new HostThrottle(config.fetch().hostGap())),
                    new HtmlExtractor(),
                    new FeedExtractor(), new Normalizer(RegionMapper.bundled(config.regions()), SUMMARY_MAX_CHARS));
        }

        SourcePreview preview() {
            return new SourcePreview(fetcher, html, feeds, normalizer);
        }

        ListFinder listFinder() {
            return new ListFinder(html);
        }

        FeedFinder feedFinder() {
            return new FeedFinder(fetcher, feeds);
        }
    }

    static App open(AppConfig config, Clock clock) throws StoreException {
        Stages stages = Stages.of(config, clock);
        Database database = Database.open(config.database());
        ItemStore items = new ItemStore(database, entryIdBase(config.feed().id()));
        SourceStatusStore statuses = new SourceStatusStore(database);
        SourceRefresher refresher = new SourceRefresher(stages.fetcher(), stages.html(), stages.feeds(),
                stages.normalizer(), items, statuses, clock, new Backoff(new SplittableRandom()), Version.current());
        return new App(database, statuses, refresher, new Republisher(items, new AtomPublisher()));
    }

    SourceRefresher refresher() {
        return refresher;
    }

    SourceStatusStore statuses() {
        return statuses;
    }

    RefreshCycle cycle() {
        return new RefreshCycle(refresher, PARALLEL_SOURCES);
    }

    Republisher republisher() {
        return republisher;
    }

    @Override
    public void close() {
        database.close();
    }

    static FetchSettings fetchSettings(AppConfig config) {
        FetchConfig fetch = config.fetch();
        Duration read = fetch.timeout().compareTo(READ_TIMEOUT) < 0 ? fetch.timeout() : READ_TIMEOUT;
        Duration connect = fetch.timeout().compareTo(CONNECT_TIMEOUT) < 0 ? fetch.timeout() : CONNECT_TIMEOUT;
        return new FetchSettings(userAgent(config), connect, read, fetch.timeout(), fetch.maxSize(), MAX_REDIRECTS,
                fetch.allowPrivateAddresses());
    }

    /**
     * An honest User-Agent: Rundschau, its version, and how to reach the operator (fetch.contact,
     * else the feed's self URL), so that a site owner can find out who is reading.
     */
    static String userAgent(AppConfig config) {
        String contact = config.fetch().contact().isEmpty() ? config.feed().self() : config.fetch().contact();
        return "Rundschau/" + Version.current() + (contact.isEmpty() ? "" : " (+" + contact + ")");
    }

    /**
     * Entry ids are minted under the feed's own id: {@code tag:example.org,2026:combined} gives
     * {@code tag:example.org,2026:} so entries read {@code tag:example.org,2026:kommune21/…}. Each
     * entry keeps the id it got when first stored, so a later edit of feed.id changes no entry.
     */
    static String entryIdBase(String feedId) {
        if (feedId.startsWith("tag:")) {
            int comma = feedId.indexOf(',');
            int colon = comma < 0 ? -1 : feedId.indexOf(':', comma);
            if (colon > 0) return feedId.substring(0, colon + 1);
        }
        return feedId.endsWith("/") || feedId.endsWith(":") ? feedId : feedId + "/";
    }
}
