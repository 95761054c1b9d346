package org.rundschau.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rundschau.config.DedupConfig;

/**
 * Finds, for an item about to be stored, the entry of another source that tells the same story,
 * and keeps the headline index ({@code item.title_key}, {@code lsh_bucket}) that makes this search
 * cost the same whatever the size of the store.
 *
 * <p>Rules, in order: the same canonical link (unless several items of one source share that link:
 * then it is a section or home page, not a story); else the most similar item of another source whose
 * date lies within the window, among those sharing a headline bucket (see {@link MinHash}), scored by
 * {@link Similarity}. An item joins the entry at the root of its match: when the match is itself a
 * duplicate, the entry it joined. It never joins an entry of its own source, nor one held back on
 * its source's first fetch. At most {@link #MAX_CANDIDATES} candidates are scored per item (those
 * sharing the most buckets, then the nearest in time), so that a crowded bucket (many headlines of
 * two or three words sharing one) cannot make an item's cost grow with the store.
 */
final class StoryMatcher {
    static final String RULE_LINK = "link";
    static final String RULE_SIMILAR = "similar";

    private static final String SAME_LINK =
            "SELECT source_id, entry_id, merged_into FROM item WHERE link = ? ORDER BY first_seen, entry_id";
    /** At most this many candidates are scored per item, those sharing the most buckets first. */
    static final int MAX_CANDIDATES = 100;

    private static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();
    private static final String CANDIDATE_TEXT = "SELECT title, summary FROM item WHERE seq = ?";
    private static final String SOURCE_OF_ENTRY = "SELECT source_id, held_back FROM item WHERE entry_id = ?";
    private static final String SET_TITLE_KEY = "UPDATE item SET title_key = ? WHERE source_id = ? AND item_key = ?";
    // One statement for all of an item's buckets: one step instead of one per bucket.
    private static final String ADD_BUCKETS = "INSERT INTO lsh_bucket (week, bucket, published, item_seq, "
            + "source_id) VALUES " + "(?, ?, ?, ?, ?), ".repeat(MinHash.BANDS - 1) + "(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String DROP_BUCKET = "DELETE FROM lsh_bucket WHERE week = ? AND bucket = ? AND published = ? "
            + "AND item_seq = ?";
    private static final String UNINDEXED =
            "SELECT source_id, item_key, title, published, seq FROM item WHERE title_key IS NULL";

    private final Statements st;
    private final DedupConfig config;
    /** Texts of candidates already read during this save, by sequence number: a fetch's items mostly meet the same candidates. */
    private final Map<Long, Similarity.Text> texts = new HashMap<>();

    StoryMatcher(Statements st, DedupConfig config) {
        this.st = Objects.requireNonNull(st, "st");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The closest entry of another source.
     *
     * @param entryId the entry the item would join (the root of the matching item)
     * @param score   1 for the same link, else the similarity
     * @param detail  how the similarity came about; empty for a link match
     * @param merges  whether the item joins that entry: a link match, or a score at the threshold or above
     */
    record Match(String entryId, String rule, double score, Optional<Similarity.Score> detail, boolean merges) {
        @Override
        public String toString() {
            return rule + " " + detail.map(Similarity.Score::toString).orElse(String.format(java.util.Locale.ROOT,
                    "%.2f", score));
        }
    }

    /**
     * @param link  the item's canonical link, or ""
     * @return empty when no item of another source is close at all
     */
    Optional<Match> closest(String sourceId, String link, Instant published, Similarity.Text text) throws SQLException {
        Optional<Match> sameLink = link.isEmpty() ? Optional.empty() : sameLink(sourceId, link);
        return sameLink.isPresent() ? sameLink : mostSimilar(sourceId, published, text);
    }

    private Optional<Match> sameLink(String sourceId, String link) throws SQLException {
        Map<String, Integer> rowsPerSource = new HashMap<>();
        List<String> roots = new ArrayList<>();
        try (ResultSet rs = st.query(SAME_LINK, link)) {
            while (rs.next()) {
                rowsPerSource.merge(rs.getString("source_id"), 1, Integer::sum);
                if (!rs.getString("source_id").equals(sourceId)) roots.add(root(rs));
            }
        }
        boolean shared = rowsPerSource.getOrDefault(sourceId, 0) > 0
                || rowsPerSource.values().stream().anyMatch(n -> n > 1);
        if (shared) return Optional.empty();
        for (String root : roots) {
            if (rootIsElsewhere(root, sourceId)) {
                return Optional.of(new Match(root, RULE_LINK, 1, Optional.empty(), true));
            }
        }
        return Optional.empty();
    }

    private record Candidate(String root, Similarity.Score score, long firstSeen, String entryId, boolean elsewhere) {}

    private Optional<Match> mostSimilar(String sourceId, Instant published, Similarity.Text text) throws SQLException {
        long[] buckets = MinHash.buckets(text.title());
        if (buckets.length == 0) return Optional.empty();
        List<Candidate> candidates = new ArrayList<>();
        try (ResultSet rs = candidates(buckets, sourceId, published)) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                Similarity.Text other = texts.get(seq);
                if (other == null) {
                    String region = rs.getString(4);
                    String titleKey = rs.getString(5);
                    other = Similarity.Text.ofFolded(region, titleKey, rs.getBytes(6)).orElse(null);
                    if (other == null) other = foldStored(seq, region, titleKey);
                    texts.put(seq, other);
                }
                String entryId = rs.getString(2);
                String mergedInto = rs.getString(3);
                String rootSource = rs.getString(8);
                boolean elsewhere = rootSource != null && !rootSource.equals(sourceId) && !rs.getBoolean(9);
                candidates.add(new Candidate(mergedInto != null ? mergedInto : entryId, Similarity.score(text, other),
                        rs.getLong(7), entryId, elsewhere));
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score().value())
                .thenComparingLong(Candidate::firstSeen).thenComparing(Candidate::entryId));
        for (Candidate c : candidates) {
            if (c.score().value() <= 0) break;
            if (c.elsewhere()) {
                boolean merges = c.score().value() >= config.threshold();
                return Optional.of(new Match(c.root(), RULE_SIMILAR, c.score().value(), Optional.of(c.score()), merges));
            }
        }
        return Optional.empty();
    }

    /** The text of a stored item whose shingles are not stored (or not usable), folded from its headline and teaser. */
    private Similarity.Text foldStored(long seq, String region, String titleKey) throws SQLException {
        try (ResultSet rs = st.query(CANDIDATE_TEXT, seq)) {
            if (!rs.next()) throw new SQLException("item number " + seq + " vanished inside its transaction");
            return Similarity.Text.of(region, titleKey, rs.getString(1), rs.getString(2));
        }
    }

    /**
     * The items of other sources that share a bucket with {@code buckets} and whose date lies within
     * the window, each once, at most {@link #MAX_CANDIDATES}: those sharing the most buckets (then
     * the nearest in time) first. Columns: sequence number, entry id, merged into,
     * region, title key, shingles, first seen, and the source and held-back flag of the entry at the
     * item's root (NULL when that entry is gone). One statement: it seeks each bucket in each week
     * of the window in the bucket table's primary key (PostgreSQL's key begins with the bucket, so
     * that its planner seeks them even before it has statistics: migration 011), then each candidate
     * by its number and, only when it joined another entry, that root by its entry id (most
     * candidates are their own root: the seek would find the row just read). A bucket row whose
     * item is gone drops out in the join.
     */
    private ResultSet candidates(long[] buckets, String sourceId, Instant published) throws SQLException {
        Query query = candidateQuery(buckets, sourceId, published, config.window());
        return st.query(query.sql(), query.values());
    }

    /** A statement and the values to bind to it. */
    record Query(String sql, Object... values) {}

    /** The statement of {@link #candidates}, for an item of {@code sourceId} published at {@code published}. */
    static Query candidateQuery(long[] buckets, String sourceId, Instant published, Duration window) {
        Instant from = published.minus(window);
        Instant to = published.plus(window);
        List<Object> values = new ArrayList<>();
        values.add(published);
        for (long week = week(from); week <= week(to); week++) values.add(week);
        int weeks = values.size() - 1;
        for (long bucket : buckets) values.add(bucket);
        values.addAll(List.of(from, to, sourceId));
        String sql = "SELECT i.seq, i.entry_id, i.merged_into, i.region, i.title_key, i.shingles, "
                + "i.first_seen, CASE WHEN i.merged_into IS NULL THEN i.source_id ELSE r.source_id END, "
                + "CASE WHEN i.merged_into IS NULL THEN i.held_back ELSE r.held_back END FROM ("
                + "SELECT item_seq, COUNT(*) AS shared, MIN(ABS(published - ?)) AS distance FROM lsh_bucket "
                + "WHERE week IN (" + placeholders(weeks) + ") AND bucket IN (" + placeholders(buckets.length) + ") "
                + "AND published BETWEEN ? AND ? AND source_id <> ? GROUP BY item_seq "
                + "ORDER BY shared DESC, distance, item_seq LIMIT " + MAX_CANDIDATES + ") AS c "
                + "JOIN item i ON i.seq = c.item_seq "
                + "LEFT JOIN item r ON r.entry_id = i.merged_into "
                + "ORDER BY c.shared DESC, c.distance, c.item_seq";
        return new Query(sql, values.toArray());
    }

    private static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    /** The week {@code t} falls in, as the bucket table numbers them: whole weeks since 1970-01-01. */
    static long week(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), WEEK_MILLIS);
    }

    private static String root(ResultSet rs) throws SQLException {
        String mergedInto = rs.getString("merged_into");
        return mergedInto != null ? mergedInto : rs.getString("entry_id");
    }

    /**
     * Whether the entry exists, belongs to another source than {@code sourceId} and is published: an
     * item joining an entry held back on its source's first fetch would never be seen.
     */
    private boolean rootIsElsewhere(String entryId, String sourceId) throws SQLException {
        try (ResultSet rs = st.query(SOURCE_OF_ENTRY, entryId)) {
            return rs.next() && !rs.getString(1).equals(sourceId) && !rs.getBoolean(2);
        }
    }

    /** Records the headline buckets of the item numbered {@code seq}; its row must exist. */
    void addBuckets(long seq, String sourceId, Instant published, Similarity.Text text) throws SQLException {
        long[] buckets = MinHash.buckets(text.title());
        if (buckets.length == 0) return;
        Object[] values = new Object[5 * buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            values[5 * i] = week(published);
            values[5 * i + 1] = buckets[i];
            values[5 * i + 2] = published;
            values[5 * i + 3] = seq;
            values[5 * i + 4] = sourceId;
        }
        st.update(ADD_BUCKETS, values);
    }

    /** Records the item's headline key and buckets; the item's row must exist. */
    void index(long seq, String sourceId, String key, Instant published, Similarity.Text text) throws SQLException {
        st.update(SET_TITLE_KEY, text.titleKey(), sourceId, key);
        addBuckets(seq, sourceId, published, text);
    }

    /** Forgets what this save read of the item numbered {@code seq}, whose text changed. */
    void forget(long seq) {
        texts.remove(seq);
    }

    /** Removes the item's headline buckets, computed from the headline they were made of. */
    void dropBuckets(long seq, Instant published, String indexedTitle) throws SQLException {
        for (long bucket : MinHash.buckets(Shingles.of(indexedTitle))) {
            st.update(DROP_BUCKET, week(published), bucket, published, seq);
        }
    }

    /** Replaces the item's headline key and buckets after its headline changed. */
    void reindex(long seq, String sourceId, String key, Instant published, String oldTitle, Similarity.Text text)
            throws SQLException {
        dropBuckets(seq, published, oldTitle);
        index(seq, sourceId, key, published, text);
    }

    /**
     * Indexes the items stored before schema version 2 (their {@code title_key} is NULL). They are
     * not matched against each other: every entry published before stays an entry.
     *
     * @return how many items were indexed
     */
    int indexUnindexed() throws SQLException {
        record Unindexed(String sourceId, String key, String title, Instant published, long seq) {}
        List<Unindexed> rows = new ArrayList<>();
        try (ResultSet rs = st.query(UNINDEXED)) {
            while (rs.next()) {
                rows.add(new Unindexed(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5)));
            }
        }
        for (Unindexed row : rows) {
            index(row.seq(), row.sourceId(), row.key(), row.published(), Similarity.Text.of("", row.title(), ""));
        }
        return rows.size();
    }
}
