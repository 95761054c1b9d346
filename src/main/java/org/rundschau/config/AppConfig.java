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
 * @param database SQLite file
 * @param fetch    politeness and limits for fetching
 * @param regions  admin-added regions: canonical name to its aliases (may be empty lists)
 */
public record AppConfig(Path file, FeedConfig feed, Path output, Path database, ZoneId timezone,
                        Locale locale, Schedule schedule, FetchConfig fetch, Map<String, List<String>> regions,
                        List<SourceConfig> sources) {
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
    }

    public Optional<SourceConfig> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
