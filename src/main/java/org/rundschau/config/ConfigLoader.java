package org.rundschau.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rundschau.model.FileErrors;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads {@code rundschau.yaml} into an {@link AppConfig}. The keys, their types and defaults are
 * documented in {@code docs/configuration.md}.
 */
public final class ConfigLoader {
    static final Path DEFAULT_OUTPUT = Path.of("public");
    static final Path DEFAULT_DATABASE = Path.of("data/rundschau.db");
    static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("Europe/Berlin");
    static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("de");
    static final Schedule DEFAULT_SCHEDULE = Schedule.parse("every 30m");
    static final int DEFAULT_ENTRIES = 100;
    static final int DEFAULT_PER_SOURCE = 25;

    private static final List<String> TOP_KEYS =
            List.of("feed", "output", "database", "database-user", "database-password", "cluster", "timezone", "locale",
                    "schedule", "summary-length", "fetch", "regions", "sources", "dedup", "retention");
    private static final List<String> CLUSTER_KEYS = List.of("check-in");
    /** Credentials for a PostgreSQL database, when the config does not give them. */
    static final String USER_VARIABLE = "RUNDSCHAU_DATABASE_USER";
    static final String PASSWORD_VARIABLE = "RUNDSCHAU_DATABASE_PASSWORD";
    private static final List<String> FEED_KEYS = List.of("title", "id", "self", "entries", "link", "per-source", "hub");
    private static final List<String> SOURCE_KEYS =
            List.of("id", "name", "url", "region", "timezone", "locale", "schedule", "date-format", "summary-length",
                    "html");
    private static final List<String> FETCH_KEYS =
            List.of("host-gap", "timeout", "max-size", "contact", "allow-private-addresses");
    private static final List<String> DEDUP_KEYS = List.of("threshold", "window", "first-fetch-limit");
    private static final List<String> RETENTION_KEYS = List.of("max-age", "max-per-source");
    private static final List<String> HTML_KEYS = List.of("item", "title", "link", "date", "time", "summary", "region");

    /** The settings a source inherits unless it overrides them. */
    private record Defaults(ZoneId timezone, Locale locale, Schedule schedule, int summaryLength) {}

    private final Path file;
    private final Problems problems;
    private final Map<String, String> environment;
    private final Map<String, Integer> sourceIdLines = new HashMap<>();

    private ConfigLoader(Path file, Problems problems, Map<String, String> environment) {
        this.file = file;
        this.problems = problems;
        this.environment = environment;
    }

    /**
     * Reads and checks the whole file. Relative paths in it ({@code output}, {@code database}) are
     * returned as written, so they resolve against the current directory, not the file's folder.
     *
     * @param file the config file; problems name it exactly as given here
     * @throws ConfigException listing every problem found, each as {@code FILE:LINE: key.path: message}
     *                         (1-based line), or the single problem {@code FILE: cannot read: reason}
     */
    public static AppConfig load(Path file) throws ConfigException {
        return parse(file, read(file));
    }

    /**
     * Checks a config text before it is written, e.g. a file with imported sources appended.
     *
     * @param file where the text will live; problems name it
     * @throws ConfigException as {@link #load}
     */
    public static AppConfig parse(Path file, String text) throws ConfigException {
        return parse(file, text, System.getenv());
    }

    /**
     * As {@link #parse(Path, String)}, with the environment variables that may hold the database
     * credentials ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}).
     */
    static AppConfig parse(Path file, String text, Map<String, String> environment) throws ConfigException {
        Problems problems = new Problems(file);
        ConfigLoader loader = new ConfigLoader(file, problems, environment);
        Optional<AppConfig> config = compose(text, problems).flatMap(loader::app);
        problems.throwIfAny();
        return config.orElseThrow(() -> new IllegalStateException("no config and no problem for " + file));
    }

    private static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + FileErrors.reason(e, file)));
        }
    }


    /** The document's root node; empty (with a problem recorded) for a syntax error or an empty file. */
    private static Optional<Node> compose(String text, Problems problems) {
        try {
            Node root = new Yaml().compose(new StringReader(text));
            if (root == null) {
                problems.add(1, "", "the file is empty; it needs at least 'feed' and 'sources'");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            problems.add(YamlSyntaxError.line(e), "", YamlSyntaxError.message(e, text));
        } catch (ReaderException e) {
            problems.add(lineAt(text, e.getPosition()), "", String.format(
                    "invalid YAML: the control character U+%04X is not allowed; remove it", e.getCodePoint()));
        } catch (YAMLException e) {
            problems.add(1, "", "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The 1-based line of a code point position. */
    private static int lineAt(String text, int codePointPosition) {
        int end = text.offsetByCodePoints(0, Math.min(codePointPosition, text.codePointCount(0, text.length())));
        return 1 + (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }

    private Optional<AppConfig> app(Node root) {
        return YamlMapping.open(root, "", YamlMapping.line(root), problems)
                .map(top -> top.allowOnly(TOP_KEYS))
                .flatMap(this::app);
    }

    private Optional<AppConfig> app(YamlMapping top) {
        Optional<FeedConfig> feed = top.requiredMapping("feed").map(m -> m.allowOnly(FEED_KEYS)).flatMap(this::feed);
        Path output = top.optional("output", ConfigValues::path).orElse(DEFAULT_OUTPUT);
        DatabaseConfig database = database(top);
        Defaults defaults = new Defaults(
                top.optional("timezone", ConfigValues::timezone).orElse(DEFAULT_TIMEZONE),
                top.optional("locale", ConfigValues::locale).orElse(DEFAULT_LOCALE),
                top.optional("schedule", ConfigValues::schedule).orElse(DEFAULT_SCHEDULE),
                top.optional("summary-length", ConfigValues::summaryLength).orElse(SourceConfig.DEFAULT_SUMMARY_LENGTH));
        FetchConfig fetch = top.mapping("fetch").map(m -> m.allowOnly(FETCH_KEYS)).map(this::fetch)
                .orElse(FetchConfig.DEFAULTS);
        Map<String, List<String>> regions = top.mapping("regions").map(this::regions).orElse(Map.of());
        DedupConfig dedup = top.mapping("dedup").map(m -> m.allowOnly(DEDUP_KEYS)).map(ConfigLoader::dedup)
                .orElse(DedupConfig.DEFAULTS);
        RetentionConfig retention = top.mapping("retention").map(m -> m.allowOnly(RETENTION_KEYS))
                .map(ConfigLoader::retention).orElse(RetentionConfig.DEFAULTS);
        List<SourceConfig> sources = sources(top, defaults);
        if (feed.isEmpty() || !problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AppConfig(file, feed.get(), output, database, defaults.timezone(),
                defaults.locale(), defaults.schedule(), fetch, regions, sources, dedup, retention));
    }

    /**
     * {@code database}: a file path (SQLite), or a {@code jdbc:postgresql:} URL with its credentials
     * and {@code cluster} settings, which mean nothing for a file and are refused there.
     */
    private DatabaseConfig database(YamlMapping top) {
        String location = top.optional("database", ConfigValues::text).orElse(DEFAULT_DATABASE.toString());
        if (!location.regionMatches(true, 0, "jdbc:", 0, 5)) {
            for (String key : List.of("database-user", "database-password", "cluster")) {
                if (top.has(key)) top.problem(key, "only for a PostgreSQL database (database: jdbc:postgresql://...); "
                        + "'" + location + "' is a SQLite file");
            }
            try {
                return new DatabaseConfig.Sqlite(ConfigValues.path(location));
            } catch (IllegalArgumentException e) {
                top.problem("database", e.getMessage());
                return new DatabaseConfig.Sqlite(DEFAULT_DATABASE);
            }
        }
        if (!location.startsWith(DatabaseConfig.Postgres.URL_PREFIX)) {
            top.problem("database", "'" + location + "' is not supported; give a file path for SQLite or a URL "
                    + "starting with " + DatabaseConfig.Postgres.URL_PREFIX + "//HOST:PORT/NAME for PostgreSQL");
            return new DatabaseConfig.Sqlite(DEFAULT_DATABASE);
        }
        if (location.matches("(?i).*[?&]password=.*")) {
            top.problem("database", "the URL must not carry the password; use database-password or $" + PASSWORD_VARIABLE);
        }
        Optional<String> user = top.optional("database-user", ConfigValues::text).or(() -> fromEnvironment(USER_VARIABLE));
        Optional<String> password = top.optional("database-password", ConfigValues::text)
                .or(() -> fromEnvironment(PASSWORD_VARIABLE));
        DatabaseConfig.ClusterConfig cluster = top.mapping("cluster").map(m -> m.allowOnly(CLUSTER_KEYS))
                .map(ConfigLoader::cluster).orElse(DatabaseConfig.ClusterConfig.DEFAULTS);
        return new DatabaseConfig.Postgres(location, user, password, cluster);
    }

    private Optional<String> fromEnvironment(String variable) {
        return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isEmpty());
    }

    private static DatabaseConfig.ClusterConfig cluster(YamlMapping cluster) {
        Duration checkIn = cluster.optional("check-in", ConfigValues::duration)
                .orElse(DatabaseConfig.ClusterConfig.DEFAULTS.checkIn());
        if (checkIn.toMillis() < 100) {
            cluster.problem("check-in", "must be at least 100ms");
            checkIn = DatabaseConfig.ClusterConfig.DEFAULTS.checkIn();
        }
        return new DatabaseConfig.ClusterConfig(checkIn);
    }

    private static DedupConfig dedup(YamlMapping dedup) {
        DedupConfig d = DedupConfig.DEFAULTS;
        return new DedupConfig(dedup.optional("threshold", ConfigValues::fraction).orElse(d.threshold()),
                dedup.optional("window", ConfigValues::duration).orElse(d.window()),
                dedup.optional("first-fetch-limit", ConfigValues::wholeNumber).orElse(d.firstFetchLimit()));
    }

    private static RetentionConfig retention(YamlMapping retention) {
        RetentionConfig d = RetentionConfig.DEFAULTS;
        return new RetentionConfig(retention.optional("max-age", ConfigValues::duration).orElse(d.maxAge()),
                retention.optional("max-per-source", ConfigValues::wholeNumber).orElse(d.maxPerSource()));
    }

    private Optional<FeedConfig> feed(YamlMapping feed) {
        Optional<String> title = feed.required("title", ConfigValues::text);
        Optional<String> id = feed.required("id", ConfigValues::feedId);
        String self = feed.optional("self", ConfigValues::httpUrl).map(Object::toString).orElse("");
        int entries = feed.optional("entries", ConfigValues::positiveWholeNumber).orElse(DEFAULT_ENTRIES);
        String link = feed.optional("link", ConfigValues::httpUrl).map(Object::toString).orElse("");
        int perSource = feed.optional("per-source", ConfigValues::positiveWholeNumber).orElse(DEFAULT_PER_SOURCE);
        String hub = feed.optional("hub", ConfigValues::httpUrl).map(Object::toString).orElse("");
        if (!hub.isEmpty() && self.isEmpty()) {
            feed.problem("hub", "needs feed.self: the hub announces the feed's public address");
            return Optional.empty();
        }
        if (title.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FeedConfig(title.get(), id.get(), self, entries, link, perSource, hub));
    }

    private FetchConfig fetch(YamlMapping fetch) {
        FetchConfig d = FetchConfig.DEFAULTS;
        Duration timeout = fetch.optional("timeout", ConfigValues::duration).orElse(d.timeout());
        if (timeout.isZero()) {
            fetch.problem("timeout", "must be more than 0");
            timeout = d.timeout();
        }
        return new FetchConfig(fetch.optional("host-gap", ConfigValues::duration).orElse(d.hostGap()), timeout,
                fetch.optional("max-size", ConfigValues::byteSize).orElse(d.maxSize()),
                fetch.optional("contact", ConfigValues::contact).orElse(d.contact()),
                fetch.optional("allow-private-addresses", ConfigValues::bool).orElse(d.allowPrivateAddresses()));
    }

    /** Canonical region name to its aliases; an alias may belong to one region only. */
    private Map<String, List<String>> regions(YamlMapping regions) {
        Map<String, List<String>> aliasesByRegion = new LinkedHashMap<>();
        Map<String, String> regionByAlias = new HashMap<>();
        for (String region : regions.keys()) {
            if (region.isBlank()) {
                regions.problem(region, "a region name must not be empty");
                continue;
            }
            List<Node> nodes = regions.list(region).orElse(List.of());
            List<String> aliases = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                String path = regions.path(region) + "[" + i + "]";
                YamlMapping.scalar(node, path, problems, ConfigValues::text).ifPresent(alias -> {
                    String owner = regionByAlias.putIfAbsent(alias, region);
                    if (owner != null && !owner.equals(region)) {
                        problems.add(YamlMapping.line(node), path,
                                "alias '" + alias + "' already belongs to region '" + owner + "'");
                    }
                    aliases.add(alias);
                });
            }
            aliasesByRegion.put(region, List.copyOf(aliases));
        }
        return aliasesByRegion;
    }

    private List<SourceConfig> sources(YamlMapping top, Defaults defaults) {
        Optional<List<Node>> list = top.requiredList("sources");
        if (list.isPresent() && list.get().isEmpty()) {
            top.problem("sources", "list at least one source");
        }
        List<Node> nodes = list.orElse(List.of());
        List<SourceConfig> sources = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            YamlMapping.open(node, "sources[" + i + "]", YamlMapping.line(node), problems)
                    .map(source -> source.allowOnly(SOURCE_KEYS))
                    .flatMap(source -> source(source, defaults))
                    .ifPresent(sources::add);
        }
        return sources;
    }

    private Optional<SourceConfig> source(YamlMapping source, Defaults defaults) {
        Optional<String> id = source.required("id", ConfigValues::sourceId);
        id.ifPresent(value -> checkUnique(value, source));
        Optional<URI> url = source.required("url", ConfigValues::httpUrl);
        String name = source.optional("name", ConfigValues::text).or(() -> id).orElse("");
        String region = source.optional("region", ConfigValues::text).orElse("");
        ZoneId timezone = source.optional("timezone", ConfigValues::timezone).orElse(defaults.timezone());
        Optional<Locale> ownLocale = source.optional("locale", ConfigValues::locale);
        Locale locale = ownLocale.orElse(defaults.locale());
        Schedule schedule = source.optional("schedule", ConfigValues::schedule).orElse(defaults.schedule());
        String dateFormat = source.optional("date-format", pattern -> ConfigValues.dateFormat(pattern, locale))
                .orElse("");
        int summaryLength = source.optional("summary-length", ConfigValues::summaryLength)
                .orElse(defaults.summaryLength());
        Optional<SelectorRules> selectors = source.mapping("html").map(m -> m.allowOnly(HTML_KEYS))
                .flatMap(this::selectors);
        boolean html = source.has("html");
        if (id.isEmpty() || url.isEmpty() || (html && selectors.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new SourceConfig(id.get(), name, url.get(), html ? SourceKind.HTML : SourceKind.FEED,
                region, timezone, locale, schedule, selectors.orElse(null), ownLocale.isPresent(), dateFormat,
                summaryLength));
    }

    private void checkUnique(String id, YamlMapping source) {
        Integer firstLine = sourceIdLines.putIfAbsent(id, source.line("id"));
        if (firstLine != null) {
            source.problem("id", "duplicate source id '" + id + "' (first used on line " + firstLine + ")");
        }
    }

    private Optional<SelectorRules> selectors(YamlMapping html) {
        Optional<Selector> item = html.required("item", ConfigValues::itemSelector);
        Optional<Selector> title = html.required("title", ConfigValues::selector);
        Optional<Selector> link = html.required("link", ConfigValues::selector);
        Selector date = html.optional("date", ConfigValues::selector).orElse(Selector.NONE);
        Selector time = html.optional("time", ConfigValues::selector).orElse(Selector.NONE);
        Selector summary = html.optional("summary", ConfigValues::selector).orElse(Selector.NONE);
        Selector region = html.optional("region", ConfigValues::selector).orElse(Selector.NONE);
        if (item.isEmpty() || title.isEmpty() || link.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SelectorRules(item.get(), title.get(), link.get(), date, summary, region, time));
    }
}
