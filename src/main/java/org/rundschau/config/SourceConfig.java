package org.rundschau.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured source. Inherited settings (timezone, locale, schedule) are already resolved
 * against the global defaults.
 *
 * @param id        {@code [a-z0-9-]+}, unique; part of every entry id, so never reused
 * @param region    fixed region for items that have none, or ""
 * @param selectors the HTML selectors for {@link SourceKind#HTML}; null for feeds
 */
public record SourceConfig(String id, String name, URI url, SourceKind kind, String region,
                           ZoneId timezone, Locale locale, Schedule schedule, SelectorRules selectors) {
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public SourceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(schedule, "schedule");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("source id must be [a-z0-9-]+ (no leading or trailing '-'): " + id);
        }
        if ((kind == SourceKind.HTML) != (selectors != null)) {
            throw new IllegalArgumentException(id + ": HTML sources need selectors, feed sources have none");
        }
    }

    public boolean isHtml() {
        return kind == SourceKind.HTML;
    }
}
