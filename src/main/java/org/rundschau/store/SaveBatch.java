package org.rundschau.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.Item;
import org.rundschau.model.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link ItemStore#save}: the items of one fetch of one source, stored inside one
 * transaction. Decides for each item whether it is a stored item seen again (by key, by alias, or
 * because it moved to a new URL), a pruned one, or a new one; a new one may join an entry of
 * another source ({@link StoryMatcher}) or be held back on the source's first fetch.
 *
 * <p>Repeated guids: an item whose key (from its guid) is stored with another link is the same item
 * (its URL moved, or its headline was edited and the slug with it) when its folded headline or its
 * date (within a day) is the stored one's. It is a different item when the same fetch already
 * stored that key, when the source is known to repeat that guid, or when headline and date both
 * differ: then the key is recorded in {@code shared_key} and the item is stored under a key made
 * of the guid's key and its link.
 */
final class SaveBatch {
    private static final Logger log = LoggerFactory.getLogger(SaveBatch.class);
    /** How far apart two dates of "the same date" may lie: a date-only value is midnight, another has a time. */
    static final Duration SAME_DATE = Duration.ofDays(1);
    /** Teasers of a moved item must still match this well, when both items have one. */
    static final double MOVED_TEASER_MIN = 0.5;

    private static final String ROW = "SELECT item_key, entry_id, link, title, title_key, published, dated, "
            + "content_hash, seq FROM item WHERE source_id = ? AND item_key = ?";
    private static final String ALIAS = "SELECT item_key FROM item_alias WHERE source_id = ? AND alias_key = ?";
    private static final String ALIASES_OF = "SELECT alias_key FROM item_alias WHERE source_id = ? AND item_key = ?";
    private static final String ADD_ALIAS = "INSERT INTO item_alias (source_id, alias_key, item_key, link, former_link, "
            + "reason, created) SELECT source_id, ?, item_key, ?, link, 'moved', ? FROM item "
            + "WHERE source_id = ? AND item_key = ? ON CONFLICT (source_id, alias_key) DO NOTHING";
    private static final String TOMBSTONE_LINK = "SELECT link FROM tombstone WHERE source_id = ? AND item_key = ?";
    private static final String TOMBSTONE_BY_TITLE = "SELECT entry_id FROM tombstone WHERE source_id = ? "
            + "AND title_key = ? AND dated = 1 AND published BETWEEN ? AND ?";
    private static final String ADD_TOMBSTONE = "INSERT INTO tombstone (source_id, item_key, entry_id, link, "
            + "title_key, published, dated, pruned) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String IS_SHARED = "SELECT 1 FROM shared_key WHERE source_id = ? AND item_key = ?";
    private static final String MARK_SHARED =
            "INSERT INTO shared_key (source_id, item_key, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String HAS_ANYTHING = "SELECT EXISTS (SELECT 1 FROM item WHERE source_id = ?) "
            + "OR EXISTS (SELECT 1 FROM tombstone WHERE source_id = ?)";
    private static final String MOVE_CANDIDATES = "SELECT item_key, summary FROM item WHERE source_id = ? "
            + "AND title_key = ? AND dated = 1 AND published BETWEEN ? AND ? ORDER BY first_seen, item_key";
    // The other form of the same link: the page itself for a link with a fragment (the first value),
    // the page with a fragment for a link without one (the second and third); never another fragment.
    private static final String OTHER_FORM = " AND (link = ? OR substr(link, 1, ?) = ?)";
    private static final String OTHER_FORM_AND_TITLE = "SELECT item_key, dated, published FROM item WHERE source_id = ? "
            + "AND title_key = ?" + OTHER_FORM + " ORDER BY first_seen, item_key";
    private static final String TOMBSTONE_BY_OTHER_FORM = "SELECT entry_id, dated, published FROM tombstone "
            + "WHERE source_id = ? AND title_key = ?" + OTHER_FORM + " ORDER BY pruned, entry_id";
    // The sequence number is given here rather than by the schema's trigger (which numbers only rows
    // inserted without one): the trigger's UPDATE wrote every new row and its indexes twice, and the
    // headline buckets need the number. Writes run one at a time, so MAX(seq) + 1 is free, as in the
    // trigger, and stays free for the rest of the save.
    private static final String NEXT_SEQ = "SELECT COALESCE(MAX(seq), 0) + 1 FROM item";
    // An entry's number among entries (item.entry_seq, schema version 13), in the same way from the
    // highest number ever given: not MAX(entry_seq), which falls when the newest entry is pruned.
    private static final String LAST_ENTRY_SEQ = "SELECT last_entry_seq FROM archive_layout WHERE only_row = 1";
    private static final String SET_LAST_ENTRY_SEQ = "UPDATE archive_layout SET last_entry_seq = ? WHERE only_row = 1";
    private static final String INSERT = """
            INSERT INTO item (source_id, item_key, entry_id, guid, link, title, summary, summary_html, region,
                              published, dated, first_seen, updated, content_hash, held_back, merged_into,
                              match_entry, match_rule, match_score, title_key, shingles, seq, entry_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // The greatest of the time seen, published and updated (SQLite's MAX(a, b, c), PostgreSQL's
    // GREATEST, written so both read it): updated stays >= published and never moves backwards
    // when saves arrive out of order.
    private static final String UPDATE_CONTENT = """
            UPDATE item SET title = ?, summary = ?, summary_html = ?, region = ?, link = ?, content_hash = ?,
                            shingles = ?,
                            updated = CASE WHEN ? > published AND ? > updated THEN ?
                                           WHEN published > updated THEN published ELSE updated END
            WHERE source_id = ? AND item_key = ?""";
    private static final String UPDATE_LINK = "UPDATE item SET link = ? WHERE source_id = ? AND item_key = ?";

    /**
     * How often, in new items, one save offers to have the planner's statistics refreshed (see
     * {@link Database#refreshStatistics}). A PostgreSQL planner that has no statistics (a new
     * database before autovacuum's first ANALYZE) estimates one row for every lookup and may keep a
     * plan that scans all of a source's items in place of its key, and no ANALYZE of another session
     * sees the rows of this transaction: the items of a large first fetch each cost more than the
     * one before. 500 rows are enough for statistics that pick the right indexes; an ANALYZE of a
     * small store costs 10-20 ms.
     */
    static final int STATISTICS_EVERY = 500;

    private final Statements st;
    private final StatisticsRefresh statistics;
    private final StoryMatcher matcher;
    private final BiFunction<String, String, String> entryIds;
    private final String sourceId;
    private final Instant seenAt;
    private final DedupConfig dedup;
    private final RetentionConfig retention;
    private final Set<String> listedKeys = new HashSet<>();
    private final Set<String> touched = new HashSet<>();
    private StoreResult result = StoreResult.NOTHING;
    private long nextSeq;   // 0: not read yet
    private long lastEntrySeq = -1;   // -1: not read yet
    private boolean entriesNumbered;
    private int inserted;
    private int insertedAtStatistics;

    private record Row(String key, String entryId, String link, String title, String titleKey, Instant published,
                       boolean dated, String contentHash, long seq) {}

    /** Where an item belongs. */
    private sealed interface Target {
        record Stored(Row row) implements Target {}
        record Pruned() implements Target {}
        record Fresh(String key) implements Target {}
    }

    /** Refreshes the planner's statistics of the tables a save reads, inside its transaction, if they need it. */
    @FunctionalInterface
    interface StatisticsRefresh {
        /** @param newItems the items inserted since the statistics were last refreshed; returns whether they were */
        boolean refresh(long newItems) throws SQLException;
    }

    /**
     * @param statistics offered a refresh after every {@link #STATISTICS_EVERY} new items
     * @param entryIds   the entry id of a new item, from source id and key
     */
    SaveBatch(Statements st, StatisticsRefresh statistics, StoryMatcher matcher,
              BiFunction<String, String, String> entryIds, String sourceId, Instant seenAt, DedupConfig dedup,
              RetentionConfig retention) {
        this.st = st;
        this.statistics = statistics;
        this.matcher = matcher;
        this.entryIds = entryIds;
        this.sourceId = sourceId;
        this.seenAt = seenAt;
        this.dedup = dedup;
        this.retention = retention;
    }

    /** @param items this source's items, at most one per key and link, in the order the source lists them */
    StoreResult save(List<Item> items) throws SQLException {
        items.forEach(item -> listedKeys.add(item.key()));
        boolean[] heldBack = firstFetch() ? heldBack(items) : new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            save(items.get(i), heldBack[i]);
        }
        if (entriesNumbered) st.update(SET_LAST_ENTRY_SEQ, lastEntrySeq);
        return result;
    }

    private boolean firstFetch() throws SQLException {
        try (ResultSet rs = st.query(HAS_ANYTHING, sourceId, sourceId)) {
            return rs.next() && !rs.getBoolean(1);
        }
    }

    /** On a first fetch: all but the newest {@code first-fetch-limit} items (ties: listing order). */
    private boolean[] heldBack(List<Item> items) {
        boolean[] held = new boolean[items.size()];
        java.util.Arrays.fill(held, true);
        IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> items.get(i).published()).reversed())
                .limit(dedup.firstFetchLimit())
                .forEach(i -> held[i] = false);
        return held;
    }

    private void save(Item item, boolean holdBack) throws SQLException {
        Target target = target(item);
        if (target instanceof Target.Stored stored) {
            update(stored.row(), item);
        } else if (target instanceof Target.Fresh fresh) {
            saveFresh(fresh.key(), item, holdBack);
        } else {
            log.debug("store: source={} item {} was pruned before: not stored again", sourceId, shortKey(item.key()));
            count(new StoreResult(0, 0, 0, 0, 0, 1));
        }
    }

    private Target target(Item item) throws SQLException {
        String key = item.key();
        for (boolean derived = false; ; derived = true) {
            Optional<Row> row = row(key);
            if (row.isPresent()) {
                if (derived || sameStory(row.get(), item, key)) return new Target.Stored(row.get());
                st.update(MARK_SHARED, sourceId, key, seenAt);
                log.debug("store: source={} repeats key {} for a different item: {}", sourceId, shortKey(key), item.link());
                key = sharedKey(key, item);
                continue;
            }
            Optional<String> aliased = first(ALIAS, sourceId, key);
            if (aliased.isPresent()) return new Target.Stored(storedRow(aliased.get()));
            Optional<String> prunedLink = first(TOMBSTONE_LINK, sourceId, key);
            if (prunedLink.isEmpty()) return new Target.Fresh(key);
            if (derived || prunedLink.get().equals(item.link()) || !isShared(key)) return new Target.Pruned();
            key = sharedKey(key, item);
        }
    }

    /** Whether an item whose key is stored with another link is the stored item (see the class comment). */
    private boolean sameStory(Row row, Item item, String key) throws SQLException {
        if (row.link().equals(item.link())) return true;
        if (touched.contains(row.key())) return false;
        if (item.guid().isEmpty()) return true;
        if (isShared(key)) return false;
        return Objects.equals(row.titleKey(), TextFold.titleKey(item.title()))
                || (row.dated() && item.dated() && sameDate(row.published(), item.published()));
    }

    private boolean isShared(String key) throws SQLException {
        return first(IS_SHARED, sourceId, key).isPresent();
    }

    /** The key of an item that shares its guid's key with other items: that key plus its link (or headline and date). */
    static String sharedKey(String key, Item item) {
        String distinct = item.link().isEmpty()
                ? TextFold.titleKey(item.title()) + "|" + item.published().toEpochMilli() : item.link();
        return Sha256.hex("shared:" + key + "\n" + distinct);
    }

    private void saveFresh(String key, Item item, boolean holdBack) throws SQLException {
        Similarity.Text text = Similarity.Text.of(item.region(), item.title(), item.summary());
        if (tooOld(item)) {
            log.debug("store: source={} item {} is older than retention.max-age: not stored", sourceId, shortKey(key));
            count(new StoreResult(0, 0, 0, 0, 0, 1));
            return;
        }
        Optional<String> movedFrom = movedFrom(item, text);
        if (movedFrom.isPresent()) {
            st.update(ADD_ALIAS, key, item.link(), seenAt, sourceId, movedFrom.get());
            log.debug("store: source={} item {} moved to {} (same headline and date as item {})", sourceId,
                    shortKey(movedFrom.get()), item.link(), shortKey(key));
            update(storedRow(movedFrom.get()), item);
            return;
        }
        Optional<String> prunedEntry = prunedUnderAnotherLink(item, text);
        if (prunedEntry.isPresent()) {
            st.update(ADD_TOMBSTONE, sourceId, key, prunedEntry.get(), item.link(), text.titleKey(),
                    item.published(), item.dated(), seenAt);
            log.debug("store: source={} item {} is the pruned entry {} under a new link: not stored", sourceId,
                    shortKey(key), prunedEntry.get());
            count(new StoreResult(0, 0, 0, 0, 0, 1));
            return;
        }
        insert(key, item, holdBack, text);
    }

    private boolean tooOld(Item item) {
        return retention.limitsAge() && item.dated() && item.published().isBefore(seenAt.minus(retention.maxAge()));
    }

    /**
     * The stored item of this source with the same headline and date (within a day) under another
     * key, which this fetch no longer lists under its own key or aliases, and whose teaser (when both
     * have one) still matches: the item moved to a new URL (or its guid changed).
     */
    private Optional<String> movedFrom(Item item, Similarity.Text text) throws SQLException {
        Optional<String> otherForm = storedUnderOtherForm(item, text);
        if (otherForm.isPresent()) return otherForm;
        if (!item.dated()) return Optional.empty();
        List<String[]> candidates = new ArrayList<>();
        try (ResultSet rs = st.query(MOVE_CANDIDATES, sourceId, text.titleKey(), item.published().minus(SAME_DATE),
                item.published().plus(SAME_DATE))) {
            while (rs.next()) candidates.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] candidate : candidates) {
            if (stillListed(candidate[0])) continue;
            Shingles teaser = Shingles.of(candidate[1]);
            boolean teasers = teaser.size() >= Similarity.MIN_SUMMARY_SHINGLES
                    && text.summary().size() >= Similarity.MIN_SUMMARY_SHINGLES;
            if (teasers && teaser.containment(text.summary()) < MOVED_TEASER_MIN) continue;
            return Optional.of(candidate[0]);
        }
        return Optional.empty();
    }

    /**
     * The stored item of this source with the same headline under the other form of this item's
     * link, no longer listed under its own key: the link without its fragment for one with a
     * fragment, or with a fragment for one without. It is this item and keeps its entry id. A link
     * keeps its fragment only while it tells the items of a fetch apart (normalize.LinkCleaner#anchored),
     * and builds before 2026-12-05 dropped every fragment but a {@code #!} route, so one item can
     * come under either form. Two different fragments are two items ({@code #meldung-1},
     * {@code #meldung-2}), and when both are dated, the dates must agree as for a move.
     */
    private Optional<String> storedUnderOtherForm(Item item, Similarity.Text text) throws SQLException {
        Optional<Object[]> forms = otherForms(item);
        if (forms.isEmpty()) return Optional.empty();
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = st.query(OTHER_FORM_AND_TITLE, sourceId, text.titleKey(), forms.get()[0], forms.get()[1],
                forms.get()[2])) {
            while (rs.next()) {
                if (sameDay(item, rs.getBoolean(2), rs.getLong(3))) keys.add(rs.getString(1));
            }
        }
        for (String key : keys) {
            if (!stillListed(key)) return Optional.of(key);
        }
        return Optional.empty();
    }

    private boolean sameDay(Item item, boolean dated, long published) {
        return !dated || !item.dated() || sameDate(Instant.ofEpochMilli(published), item.published());
    }

    /**
     * The values of {@link #OTHER_FORM} for this item's link: for a link with a fragment, the page
     * (and nothing to match with a fragment); for one without, nothing to match as the page and the
     * page followed by {@code #}. Empty for an item without a link or with nothing before its
     * fragment, and for a dated one without a fragment, which the move by headline and date finds.
     */
    private static Optional<Object[]> otherForms(Item item) {
        String link = item.link();
        int hash = link.indexOf('#');   // begins the fragment of a canonical link: elsewhere it is escaped
        if (link.isEmpty() || hash == 0 || hash < 0 && item.dated()) return Optional.empty();   // dated: a move
        // A space matches no link: a canonical link escapes it, and a missing one is ''.
        if (hash > 0) return Optional.of(new Object[] {link.substring(0, hash), 0, " "});
        return Optional.of(new Object[] {" ", link.length() + 1, link + "#"});
    }

    private boolean stillListed(String rowKey) throws SQLException {
        if (listedKeys.contains(rowKey)) return true;
        try (ResultSet rs = st.query(ALIASES_OF, sourceId, rowKey)) {
            while (rs.next()) {
                if (listedKeys.contains(rs.getString(1))) return true;
            }
        }
        return false;
    }

    /**
     * The pruned entry this item is, under another link: one with the same headline and date
     * (within a day), or with the same headline under the other form of its link (see
     * {@link #storedUnderOtherForm}).
     */
    private Optional<String> prunedUnderAnotherLink(Item item, Similarity.Text text) throws SQLException {
        Optional<Object[]> forms = otherForms(item);
        if (forms.isPresent()) {
            try (ResultSet rs = st.query(TOMBSTONE_BY_OTHER_FORM, sourceId, text.titleKey(), forms.get()[0],
                    forms.get()[1], forms.get()[2])) {
                while (rs.next()) {
                    if (sameDay(item, rs.getBoolean(2), rs.getLong(3))) return Optional.of(rs.getString(1));
                }
            }
        }
        if (!item.dated()) return Optional.empty();
        return first(TOMBSTONE_BY_TITLE, sourceId, text.titleKey(),
                item.published().minus(SAME_DATE), item.published().plus(SAME_DATE));
    }

    private void insert(String key, Item item, boolean holdBack, Similarity.Text text) throws SQLException {
        Optional<StoryMatcher.Match> match = matcher.closest(sourceId, item.link(), item.published(), text);
        boolean merges = match.map(StoryMatcher.Match::merges).orElse(false);
        String entryId = entryIds.apply(sourceId, key);
        long seq = nextSeq();
        Long entrySeq = merges || holdBack ? null : nextEntrySeq();
        long published = item.published().toEpochMilli();
        st.update(INSERT, sourceId, key, entryId, item.guid(), item.link(), item.title(), item.summary(),
                item.summaryIsHtml(), item.region(), published, item.dated(), seenAt, published,
                ItemStore.contentHash(item), holdBack, merges ? match.get().entryId() : null,
                match.map(StoryMatcher.Match::entryId).orElse(null), match.map(StoryMatcher.Match::rule).orElse(null),
                match.map(StoryMatcher.Match::score).orElse(null), text.titleKey(), text.folded(), seq, entrySeq);
        matcher.addBuckets(seq, sourceId, item.published(), text);
        if (++inserted % STATISTICS_EVERY == 0 && statistics.refresh(inserted - insertedAtStatistics)) {
            insertedAtStatistics = inserted;
        }
        touched.add(key);
        logDecision(entryId, match);
        count(new StoreResult(1, 0, 0, merges ? 1 : 0, !merges && holdBack ? 1 : 0, 0));
    }

    private void logDecision(String entryId, Optional<StoryMatcher.Match> match) {
        if (!log.isDebugEnabled() || match.isEmpty()) return;
        StoryMatcher.Match m = match.get();
        if (m.merges()) {
            log.debug("store: source={} item {} joins entry {}: {}", sourceId, entryId, m.entryId(), m);
        } else {
            log.debug("store: source={} item {} stays an entry of its own; closest entry {}: {} < threshold {}",
                    sourceId, entryId, m.entryId(), m, dedup.threshold());
        }
    }

    /** Stores what changed of an item seen again; the first occurrence in this fetch wins. */
    private void update(Row row, Item item) throws SQLException {
        String rowKey = row.key();
        if (!touched.add(rowKey)) return;
        String hash = ItemStore.contentHash(item);
        if (!hash.equals(row.contentHash())) {
            Similarity.Text text = Similarity.Text.of(item.region(), item.title(), item.summary());
            st.update(UPDATE_CONTENT, item.title(), item.summary(), item.summaryIsHtml(), item.region(), item.link(),
                    hash, text.folded(), seenAt, seenAt, seenAt, sourceId, rowKey);
            matcher.forget(row.seq());
            if (!text.titleKey().equals(row.titleKey())) {
                matcher.reindex(row.seq(), sourceId, rowKey, row.published(), row.title(), text);
            }
            count(new StoreResult(0, 1, 0));
            return;
        }
        if (!row.link().equals(item.link())) st.update(UPDATE_LINK, item.link(), sourceId, rowKey);
        count(new StoreResult(0, 0, 1));
    }

    /** The row a key of this transaction points to: it cannot have vanished. */
    private Row storedRow(String key) throws SQLException {
        return row(key).orElseThrow(() -> new SQLException("item " + key + " vanished inside its transaction"));
    }

    private Optional<Row> row(String key) throws SQLException {
        try (ResultSet rs = st.query(ROW, sourceId, key)) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new Row(rs.getString("item_key"), rs.getString("entry_id"), rs.getString("link"),
                    rs.getString("title"), rs.getString("title_key"), Instant.ofEpochMilli(rs.getLong("published")), rs.getBoolean("dated"),
                    rs.getString("content_hash"), rs.getLong("seq")));
        }
    }

    /** The next sequence number: read once per save, then counted on (this save is the only writer). */
    private long nextSeq() throws SQLException {
        if (nextSeq == 0) {
            try (ResultSet rs = st.query(NEXT_SEQ)) {
                rs.next();
                nextSeq = rs.getLong(1);
            }
        }
        return nextSeq++;
    }

    /**
     * The next entry's number among entries: the highest given so far plus one, read once per save
     * and counted on; the highest is written back when the save ends ({@link #save(List)}).
     */
    private long nextEntrySeq() throws SQLException {
        if (lastEntrySeq < 0) {
            try (ResultSet rs = st.query(LAST_ENTRY_SEQ)) {
                if (!rs.next()) throw new SQLException("archive_layout has no row");
                lastEntrySeq = rs.getLong(1);
            }
        }
        entriesNumbered = true;
        return ++lastEntrySeq;
    }

    /** The first column of the first row, if there is one. */
    private Optional<String> first(String sql, Object... values) throws SQLException {
        try (ResultSet rs = st.query(sql, values)) {
            return rs.next() ? Optional.of(String.valueOf(rs.getObject(1))) : Optional.empty();
        }
    }

    private void count(StoreResult one) {
        result = result.plus(one);
    }

    private static boolean sameDate(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(SAME_DATE) <= 0;
    }

    private static String shortKey(String key) {
        return key.length() > 12 ? key.substring(0, 12) : key;
    }

}
