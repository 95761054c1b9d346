package org.rundschau.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, read once from {@code config/rundschau.yaml}.
 *
 * @param file     the file it was read from (for messages)
 * @param output   folder the feeds are written to
 * @param database the SQLite file, or the PostgreSQL database
 * @param fetch    politeness and limits for fetching
 * @param regions  admin-added regions: canonical name to its aliases (may be empty lists)
 * @param dedup    how duplicates and floods of old items are recognised
 * @param retention how long items are kept
 */
public record AppConfig(Path file, FeedConfig feed, Path output, DatabaseConfig database, ZoneId timezone,
                        Locale locale, Schedule schedule, FetchConfig fetch, Map<String, List<String>> regions,
                        List<SourceConfig> sources, DedupConfig dedup, RetentionConfig retention) {
    public AppConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(fetch, "fetch");
        regions = Map.copyOf(regions);
        sources = List.copyOf(sources);
        Objects.requireNonNull(dedup, "dedup");
        Objects.requireNonNull(retention, "retention");
    }

    /** A configuration with the default {@code dedup} and {@code retention} settings. */
    public AppConfig(Path file, FeedConfig feed, Path output, DatabaseConfig database, ZoneId timezone, Locale locale,
                     Schedule schedule, FetchConfig fetch, Map<String, List<String>> regions, List<SourceConfig> sources) {
        this(file, feed, output, database, timezone, locale, schedule, fetch, regions, sources, DedupConfig.DEFAULTS,
                RetentionConfig.DEFAULTS);
    }

    public Optional<SourceConfig> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
