package org.rundschau.cli;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.fetch.FetchSettings;
import org.rundschau.fetch.HostThrottle;
import org.rundschau.fetch.SharedHosts;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.model.SourceStatus;
import org.rundschau.normalize.Normalizer;
import org.rundschau.normalize.RegionMapper;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.Generator;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.JsonFeedPublisher;
import org.rundschau.publish.RssPublisher;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.refresh.Backoff;
import org.rundschau.refresh.RefreshCycle;
import org.rundschau.refresh.Republisher;
import org.rundschau.refresh.SourcePreview;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.serve.HealthSource;
import org.rundschau.store.Database;
import org.rundschau.store.HostLeases;
import org.rundschau.store.ItemStore;
import org.rundschau.store.PublicationMemos;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;
import org.rundschau.store.WriterLock;
import org.rundschau.suggest.FeedFinder;
import org.rundschau.suggest.ListFinder;

/**
 * Builds the long-lived objects from a configuration, once, by hand. The only place that
 * knows how the stages fit together.
 */
final class App implements AutoCloseable {
    static final int PARALLEL_SOURCES = 8;
    static final int MAX_REDIRECTS = 5;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration HUB_TIMEOUT = Duration.ofSeconds(10);

    private final WriterLock lock;
    private final Database database;
    private final HostLeases leases;   // null: no cluster
    private final ItemStore items;
    private final SourceStatusStore statuses;
    private final SourceRefresher refresher;
    private final Republisher republisher;

    private App(WriterLock lock, Database database, HostLeases leases, ItemStore items, SourceStatusStore statuses,
                SourceRefresher refresher, Republisher republisher) {
        this.lock = lock;
        this.database = database;
        this.leases = leases;
        this.items = items;
        this.statuses = statuses;
        this.refresher = refresher;
        this.republisher = republisher;
    }

    /** The stages that need no database: enough for {@code check}. */
    record Stages(HttpFetcher fetcher, HtmlExtractor html, FeedExtractor feeds, Normalizer normalizer) {
        static Stages of(AppConfig config, Clock clock) {
            return of(config, clock, SharedHosts.NONE);
        }

        /** @param shared the hosts other cluster nodes are fetching from */
        static Stages of(AppConfig config, Clock clock, SharedHosts shared) {
            HostThrottle throttle = new HostThrottle(config.fetch().hostGap(), shared);
            return new Stages(new HttpFetcher(fetchSettings(config), clock, throttle),
                    new HtmlExtractor(),
                    new FeedExtractor(), new Normalizer(RegionMapper.bundled(config.regions())));
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

    /**
     * Opens the store as its only writer: waits up to {@code lockWait} while another Rundschau
     * process writes to the same database.
     */
    static App open(AppConfig config, Clock clock, Duration lockWait)
            throws StoreException, WriterLock.HeldElsewhere, InterruptedException {
        WriterLock lock = WriterLock.acquire(config.database(), lockWait, clock);
        try {
            return open(config, clock, lock);
        } catch (StoreException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static App open(AppConfig config, Clock clock, WriterLock lock) throws StoreException {
        Database database = Database.open(config.database());
        try {
            return open(config, clock, lock, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static App open(AppConfig config, Clock clock, WriterLock lock, Database database) {
        // Nodes sharing a PostgreSQL database keep politeness among themselves through it.
        HostLeases leases = config.database() instanceof DatabaseConfig.Postgres postgres
                ? new HostLeases(database, leaseTime(postgres, config.fetch()), config.fetch().hostGap()) : null;
        Stages stages = Stages.of(config, clock, leases == null ? SharedHosts.NONE : leases);
        ItemStore items = new ItemStore(database, entryIdBase(config.feed().id()), config.dedup(), config.retention());
        SourceStatusStore statuses = new SourceStatusStore(database);
        // The build, not only the version: a new jar of one snapshot version re-reads unchanged pages
        // with its extraction rules, and does not trust feeds another build rendered.
        Optional<String> build = Version.build();
        SourceRefresher refresher = new SourceRefresher(stages.fetcher(), stages.html(), stages.feeds(),
                stages.normalizer(), items, statuses, clock, new Backoff(new SplittableRandom()),
                build.orElse(Version.current()));
        return new App(lock, database, leases, items, statuses, refresher,
                republisher(config, database, items, statuses, build));
    }

    /**
     * Whether the store is an SQLite file that no command has created yet: the commands that only
     * look ({@code status}, {@code why}) then say so instead of creating it.
     */
    static boolean notCreatedYet(DatabaseConfig database) {
        return database instanceof DatabaseConfig.Sqlite sqlite && !Files.exists(sqlite.file());
    }

    /** A host lease runs at least this long, so that renewals (every third of it) keep up. */
    static final Duration SHORTEST_LEASE = Duration.ofSeconds(1);

    /**
     * How long a dead node may block a host: the longest of two check-ins, three host gaps and
     * {@link #SHORTEST_LEASE}.
     */
    static Duration leaseTime(DatabaseConfig.Postgres postgres, FetchConfig fetch) {
        return Collections.max(List.of(postgres.cluster().checkIn().multipliedBy(2), fetch.hostGap().multipliedBy(3),
                SHORTEST_LEASE));
    }

    /**
     * The feeds in every format, their archive, and the WebSub hub's notifier, for this build. A new
     * one starts from what the last process of this build rendered (the memo in the store); without
     * one, it renders every feed at its first publication (the publishing benchmark builds one to
     * compare).
     */
    static Republisher republisher(AppConfig config, Database database, ItemStore items,
                                           SourceStatusStore statuses) {
        return republisher(config, database, items, statuses, Version.build());
    }

    /**
     * @param build this build (see {@link Version#build}): what a publication rendered is kept in
     *              the store under it, so that the next process starts from it; empty to keep it
     *              in the republisher only (code run from a classes folder)
     */
    static Republisher republisher(AppConfig config, Database database, ItemStore items,
                                   SourceStatusStore statuses, Optional<String> build) {
        Generator generator = Generator.rundschau();
        String language = config.locale().toLanguageTag();
        FeedPublisher feeds = new FeedPublisher(new AtomPublisher(language, generator),
                new RssPublisher(language, generator), new JsonFeedPublisher(language));
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new Republisher(items, statuses, feeds, new FeedArchive(FeedArchive.PAGE_SIZE),
                new HubNotifier(client, HUB_TIMEOUT, userAgent(config)), new PagePublisher(), new OpmlPublisher(),
                database, build.map(b -> new PublicationMemos(database, b)).orElse(null));
    }

    ItemStore items() {
        return items;
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

    Database database() {
        return database;
    }

    Republisher republisher() {
        return republisher;
    }

    /**
     * The health {@code /health} reports: every source of the configuration in force, in its order,
     * with its stored status ("never" for one not fetched yet). Reads only, so {@code serve} can use
     * it without the writer lock.
     */
    static HealthSource health(SourceStatusStore statuses, Supplier<AppConfig> config) {
        return () -> {
            try {
                Map<String, SourceStatus> stored = statuses.all().stream()
                        .collect(Collectors.toMap(SourceStatus::sourceId, Function.identity()));
                return config.get().sources().stream()
                        .map(s -> stored.getOrDefault(s.id(), SourceStatus.never(s.id()))).toList();
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    @Override
    public void close() throws StoreException {
        try {
            if (leases != null) leases.close();
            database.close();
        } finally {
            lock.close();
        }
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
