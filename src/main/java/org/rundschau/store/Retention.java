package org.rundschau.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rundschau.config.RetentionConfig;

/**
 * Prunes items by age and by count per source. Each pruned item, and each alias key it had, leaves
 * a tombstone, so that the source listing it again does not bring it back as new. Items that had
 * joined a pruned entry (duplicates from other sources) go with it.
 */
final class Retention {
    private static final String VICTIM = "SELECT source_id, item_key, entry_id, title, published, seq FROM item ";
    private static final String TOO_OLD = VICTIM + "WHERE published < ?";
    private static final String CROWDED_SOURCES =
            "SELECT source_id FROM item GROUP BY source_id HAVING COUNT(*) > ? ORDER BY source_id";
    private static final String BEYOND_COUNT = VICTIM + "WHERE source_id = ? "
            + "ORDER BY published DESC, entry_id LIMIT " + Long.MAX_VALUE + " OFFSET ?";   // no limit, in both dialects
    private static final String JOINED = VICTIM + "WHERE merged_into = ?";
    private static final String BURY = "INSERT INTO tombstone (source_id, item_key, entry_id, link, title_key, "
            + "published, dated, pruned) SELECT source_id, item_key, entry_id, link, title_key, published, dated, ? "
            + "FROM item WHERE source_id = ? AND item_key = ? ON CONFLICT DO NOTHING";
    private static final String BURY_ALIASES = "INSERT INTO tombstone (source_id, item_key, entry_id, link, "
            + "title_key, published, dated, pruned) SELECT a.source_id, a.alias_key, i.entry_id, a.link, i.title_key, "
            + "i.published, i.dated, ? FROM item_alias a JOIN item i ON i.source_id = a.source_id "
            + "AND i.item_key = a.item_key WHERE a.source_id = ? AND a.item_key = ? ON CONFLICT DO NOTHING";
    // Deleting the row deletes its aliases (ON DELETE CASCADE); its headline buckets go separately.
    private static final String DELETE = "DELETE FROM item WHERE source_id = ? AND item_key = ?";

    private final Statements st;
    private final StoryMatcher matcher;
    private final RetentionConfig config;

    Retention(Statements st, StoryMatcher matcher, RetentionConfig config) {
        this.st = st;
        this.matcher = matcher;
        this.config = config;
    }

    private record Victim(String sourceId, String key, String entryId, String title, Instant published, long seq) {}

    /** @return how many items were pruned */
    int prune(Instant now) throws SQLException {
        Map<String, Victim> victims = new LinkedHashMap<>();
        if (config.limitsAge()) collect(victims, TOO_OLD, now.minus(config.maxAge()));
        if (config.limitsCount()) {
            for (String source : crowdedSources()) collect(victims, BEYOND_COUNT, source, config.maxPerSource());
        }
        for (Victim victim : List.copyOf(victims.values())) collect(victims, JOINED, victim.entryId());
        for (Victim victim : victims.values()) {
            st.update(BURY, now, victim.sourceId(), victim.key());
            st.update(BURY_ALIASES, now, victim.sourceId(), victim.key());
            st.update(DELETE, victim.sourceId(), victim.key());
            matcher.dropBuckets(victim.seq(), victim.published(), victim.title());
        }
        return victims.size();
    }

    private List<String> crowdedSources() throws SQLException {
        List<String> sources = new ArrayList<>();
        try (ResultSet rs = st.query(CROWDED_SOURCES, config.maxPerSource())) {
            while (rs.next()) sources.add(rs.getString(1));
        }
        return sources;
    }

    private void collect(Map<String, Victim> victims, String sql, Object... values) throws SQLException {
        try (ResultSet rs = st.query(sql, values)) {
            while (rs.next()) {
                Victim v = new Victim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getLong(6));
                victims.putIfAbsent(v.sourceId() + "\n" + v.key(), v);
            }
        }
    }
}
