package org.rundschau.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured source. Inherited settings (timezone, locale, schedule, summary length) are
 * already resolved against the global defaults.
 *
 * @param id             {@code [a-z0-9-]+}, unique; part of every entry id, so never reused
 * @param region         fixed region for items that have none, or ""
 * @param locale         the source's own {@code locale}, else the global one
 * @param selectors      the HTML selectors for {@link SourceKind#HTML}; null for feeds
 * @param localeExplicit whether the source sets {@code locale} itself; when it does not, the
 *                       language a page declares comes before the inherited {@code locale}
 * @param dateFormat     the source's {@code date-format} (a java.time pattern tried before the
 *                       built-in date rules), or "" for none
 * @param summaryLength  longest summary in characters, at least {@value #MIN_SUMMARY_LENGTH}
 */
public record SourceConfig(String id, String name, URI url, SourceKind kind, String region,
                           ZoneId timezone, Locale locale, Schedule schedule, SelectorRules selectors,
                           boolean localeExplicit, String dateFormat, int summaryLength) {
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    /** Summary length when the configuration sets none. */
    public static final int DEFAULT_SUMMARY_LENGTH = 300;
    /** Shortest summary length: below it a summary says nothing. */
    public static final int MIN_SUMMARY_LENGTH = 20;

    /**
     * A source with its own locale, no {@code date-format} and the default summary length (the
     * shape before those settings existed).
     */
    public SourceConfig(String id, String name, URI url, SourceKind kind, String region, ZoneId timezone,
                        Locale locale, Schedule schedule, SelectorRules selectors) {
        this(id, name, url, kind, region, timezone, locale, schedule, selectors, true, "", DEFAULT_SUMMARY_LENGTH);
    }

    public SourceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(dateFormat, "dateFormat");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("source id must be [a-z0-9-]+ (no leading or trailing '-'): " + id);
        }
        if ((kind == SourceKind.HTML) != (selectors != null)) {
            throw new IllegalArgumentException(id + ": HTML sources need selectors, feed sources have none");
        }
        if (summaryLength < MIN_SUMMARY_LENGTH) {
            throw new IllegalArgumentException(id + ": summary length must be at least " + MIN_SUMMARY_LENGTH
                    + ": " + summaryLength);
        }
    }

    public boolean isHtml() {
        return kind == SourceKind.HTML;
    }
}
