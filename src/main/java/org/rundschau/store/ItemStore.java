package org.rundschau.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.ArchiveLayout;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;
import org.rundschau.model.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items by identity ({@code source id + item key}), with first-seen time and content hash, and the
 * entries they make up.
 *
 * <p>Contract kept for feed readers:
 * <ul>
 *   <li>an entry's Atom id is fixed when the item is first stored and never recomputed;</li>
 *   <li>{@code published} never changes after insert, so an undated item keeps the time it was
 *       first seen;</li>
 *   <li>{@code updated} starts equal to {@code published} and moves only when region, title or
 *       summary change materially (whitespace differences do not count); a changed link alone is
 *       stored silently;</li>
 *   <li>an item reappearing under a new URL with the same headline and date (within a day) is the
 *       stored item: the new key becomes its alias and its link is updated;</li>
 *   <li>a guid repeated for different items does not merge them (see {@link SaveBatch});</li>
 *   <li>an item of one source that another source already brought (same canonical link, or similar
 *       headline and teaser within {@code dedup.window}, see {@link StoryMatcher}) is stored, but
 *       joins that entry as a further origin ({@link Entry#alsoAt}) instead of becoming an entry;</li>
 *   <li>on a source's first fetch (nothing of it stored yet) only its newest {@code
 *       dedup.first-fetch-limit} new items become entries; the others are stored as known;</li>
 *   <li>a pruned item (see {@link #prune}) is never stored again;</li>
 *   <li>every item has a sequence number, given when it is first stored (1, 2, 3, ...) and never
 *       changed ({@link #lastSequence}, {@link #inSequence});</li>
 *   <li>every entry has, besides, a number among entries only, given when it is stored (1, 2, 3, ...)
 *       and never changed nor given again: the order the feed archive is cut in ({@link #archiveLayout},
 *       {@link #inEntryOrder}). Entries that were on archive pages cut by sequence number before
 *       schema version 13 have none, and keep their pages.</li>
 * </ul>
 * Every method that returns entries leaves out items that joined another entry or were held back
 * (the view {@code feed_item} holds the same rows), and fills in each entry's {@link Entry#alsoAt}.
 * Times are stored to the millisecond.
 */
public final class ItemStore {
    private static final Logger log = LoggerFactory.getLogger(ItemStore.class);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int ENTRY_ID_HEX_DIGITS = 16;

    /** Rows that are entries: neither joined to another entry nor held back on a first fetch. */
    private static final String ENTRIES_ONLY = "merged_into IS NULL AND held_back = 0";
    private static final String ENTRY_COLUMNS =
            "entry_id, source_id, region, title, summary, summary_html, link, published, updated";
    private static final String NEWEST = "SELECT " + ENTRY_COLUMNS + " FROM item WHERE " + ENTRIES_ONLY
            + " ORDER BY published DESC, entry_id LIMIT ?";
    /**
     * The source ids of the stored items, each once, in order: a loose index scan, one seek in the
     * primary key from each source id to the next, so the cost grows with the number of sources,
     * not of items (a DISTINCT or a window over the items reads every row). Sources whose items
     * are all held back or merged are listed too; they simply have no entries.
     */
    private static final String SOURCE_IDS = """
            WITH RECURSIVE s (id) AS (
                SELECT MIN(source_id) FROM item
                UNION ALL
                SELECT (SELECT MIN(source_id) FROM item WHERE source_id > s.id) FROM s WHERE s.id IS NOT NULL)
            SELECT id FROM s WHERE id IS NOT NULL""";
    private static final String NEWEST_IN_REGION = "SELECT " + ENTRY_COLUMNS + " FROM item WHERE region = ? AND "
            + ENTRIES_ONLY + " ORDER BY published DESC, entry_id LIMIT ?";
    private static final String NEWEST_OF_SOURCE = "SELECT " + ENTRY_COLUMNS + " FROM item WHERE source_id = ? AND "
            + ENTRIES_ONLY + " ORDER BY published DESC, entry_id LIMIT ?";
    private static final String IN_SEQUENCE = "SELECT " + ENTRY_COLUMNS + " FROM item WHERE seq > ? AND seq <= ? AND "
            + ENTRIES_ONLY + " ORDER BY seq";
    /**
     * The regions of the entries with the sequence number of each one's first entry: from one
     * region to the next by a seek in the partial index {@code item_region_first} (region, seq),
     * whose condition every subquery repeats so that it is used. The order is applied in Java.
     */
    private static final String REGIONS = """
            WITH RECURSIVE r (region) AS (
                SELECT MIN(region) FROM item WHERE region <> '' AND merged_into IS NULL AND held_back = 0
                UNION ALL
                SELECT (SELECT MIN(region) FROM item WHERE region > r.region
                        AND region <> '' AND merged_into IS NULL AND held_back = 0)
                FROM r WHERE r.region IS NOT NULL)
            SELECT region, (SELECT MIN(seq) FROM item WHERE item.region = r.region
                            AND region <> '' AND merged_into IS NULL AND held_back = 0)
            FROM r WHERE region IS NOT NULL""";
    private static final String IN_ENTRY_ORDER = "SELECT " + ENTRY_COLUMNS + " FROM item "
            + "WHERE entry_seq > ? AND entry_seq <= ? ORDER BY entry_seq";
    private static final String LAST_SEQUENCE = "SELECT COALESCE(MAX(seq), 0) FROM item";
    private static final String ARCHIVE_LAYOUT =
            "SELECT legacy_pages, legacy_last_seq, last_entry_seq FROM archive_layout WHERE only_row = 1";
    private static final String CHANGE_COUNT = "SELECT count FROM item_changes WHERE only_row = 1";
    private static final String CREATED = "SELECT created FROM store_created WHERE only_row = 1";
    /** At most this many entry ids per query for their origins (SQLite allows 32,766 parameters). */
    private static final int ORIGINS_PER_QUERY = 500;
    /** The order of {@link #newest}: newest {@code published} first, ties by entry id. */
    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing(Entry::published).reversed().thenComparing(Entry::entryId);

    private final Database db;
    private final String entryIdBase;
    private final DedupConfig dedup;
    private final RetentionConfig retention;

    /**
     * A store with the default {@code dedup} settings but no first-fetch limit, that keeps every
     * item: for tools and tests that store a known set of items.
     *
     * @see #ItemStore(Database, String, DedupConfig, RetentionConfig)
     */
    public ItemStore(Database db, String entryIdBase) {
        this(db, entryIdBase, new DedupConfig(DedupConfig.DEFAULTS.threshold(), DedupConfig.DEFAULTS.window(),
                Integer.MAX_VALUE), RetentionConfig.KEEP_ALL);
    }

    /**
     * @param entryIdBase prefix for new entries' Atom ids, e.g. {@code tag:news.example.org,2026:};
     *                    an entry keeps the id it was given when first stored. A base not ending in
     *                    {@code :}, {@code /} or {@code #} gets {@code :} ({@code tag:}/{@code urn:})
     *                    or {@code /} (other schemes) appended.
     * @param dedup       how duplicates and first fetches are treated
     * @param retention   what {@link #prune} removes, and which new items are too old to store
     * @throws IllegalArgumentException when the base is not an absolute URI
     */
    public ItemStore(Database db, String entryIdBase, DedupConfig dedup, RetentionConfig retention) {
        this.db = Objects.requireNonNull(db, "db");
        this.entryIdBase = withSeparator(Objects.requireNonNull(entryIdBase, "entryIdBase"));
        this.dedup = Objects.requireNonNull(dedup, "dedup");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    private static String withSeparator(String base) {
        String b = base.strip();
        if (!b.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
            throw new IllegalArgumentException("entry id base must be an absolute URI such as "
                    + "tag:news.example.org,2026: but was '" + base + "'");
        }
        if (b.endsWith(":") || b.endsWith("/") || b.endsWith("#")) return b;
        String scheme = b.substring(0, b.indexOf(':')).toLowerCase();
        return b + (scheme.equals("tag") || scheme.equals("urn") ? ":" : "/");
    }

    /**
     * The Atom id a new item of this source gets: base, source id, and 16 hex digits of the
     * SHA-256 of the item key, e.g. {@code tag:news.example.org,2026:kommune21/3f2a9c0e1d7b4a55}.
     * Hashing keeps the id short and URI-safe whatever the key looks like.
     */
    String entryIdFor(String sourceId, String itemKey) {
        return entryIdBase + sourceId + "/" + Sha256.hex(itemKey).substring(0, ENTRY_ID_HEX_DIGITS);
    }

    /**
     * The items {@link #save} stores of one fetch: of several with the same key and the same link
     * (a feed that lists one entry twice), the first.
     */
    public static List<Item> firstOfEach(List<Item> items) {
        Map<String, Item> first = new LinkedHashMap<>();
        for (Item item : items) first.putIfAbsent(item.key() + "\n" + item.link(), item);
        return List.copyOf(first.values());
    }

    /**
     * Stores one source's items in one transaction: new ones are inserted (maybe as duplicates or
     * held back, see the class comment), known ones updated. When the list holds one key twice with
     * the same link, the first occurrence wins and the later ones are neither stored nor counted;
     * one key with different links is a repeated guid: different items.
     *
     * @param seenAt the time of this fetch: becomes {@code first_seen} of new items and
     *               {@code updated} of changed ones
     * @throws IllegalArgumentException when an item belongs to another source
     * @throws StoreException           when the database fails; nothing of this call is stored
     */
    public StoreResult save(String sourceId, List<Item> items, Instant seenAt) throws StoreException {
        Objects.requireNonNull(seenAt, "seenAt");
        for (Item item : items) {
            if (!item.sourceId().equals(sourceId)) {
                throw new IllegalArgumentException("item " + item.key() + " of source " + item.sourceId()
                        + " saved as source " + sourceId);
            }
        }
        List<Item> distinct = firstOfEach(items);
        if (distinct.isEmpty()) return StoreResult.NOTHING;
        return db.write("save " + distinct.size() + " items of source " + sourceId, c -> {
            try (Statements st = db.statements(c)) {
                StoryMatcher matcher = new StoryMatcher(st, dedup);
                int indexed = matcher.indexUnindexed();
                if (indexed > 0) log.info("store: indexed the headlines of {} items stored before", indexed);
                SaveBatch.StatisticsRefresh statistics = newItems -> db.refreshStatistics(c, newItems, "item", "lsh_bucket");
                return new SaveBatch(st, statistics, matcher, this::entryIdFor, sourceId, seenAt, dedup, retention)
                        .save(distinct);
            }
        });
    }

    /**
     * Prunes items published before {@code now} minus {@code retention.max-age}, and of each source
     * all but the newest {@code retention.max-per-source}; items of other sources that had joined a
     * pruned entry go with it. A tombstone keeps each pruned key (and alias) from being stored again.
     *
     * @return how many items were pruned
     */
    public int prune(Instant now) throws StoreException {
        Objects.requireNonNull(now, "now");
        if (!retention.limitsAge() && !retention.limitsCount()) return 0;
        int pruned = db.write("prune old items", c -> {
            try (Statements st = db.statements(c)) {
                return new Retention(st, new StoryMatcher(st, dedup), retention).prune(now);
            }
        });
        if (pruned > 0) log.info("store: pruned {} items (retention: max-age {}, max-per-source {})", pruned,
                retention.maxAge(), retention.maxPerSource());
        return pruned;
    }

    /**
     * The provenance of the entries that {@code entryIdOrLink} names: an entry id (of an entry or of
     * an item that joined one), or a link an item has or had. Empty when nothing stored matches.
     */
    public List<Provenance> provenance(String entryIdOrLink) throws StoreException {
        Objects.requireNonNull(entryIdOrLink, "entryIdOrLink");
        return db.read("look up " + entryIdOrLink, c -> {
            try (Statements st = db.statements(c)) {
                return Provenance.find(st, entryIdOrLink);
            }
        });
    }

    /** The tombstones of pruned items with this entry id or link; empty when none. */
    public List<Provenance.Tombstone> tombstones(String entryIdOrLink) throws StoreException {
        Objects.requireNonNull(entryIdOrLink, "entryIdOrLink");
        return db.read("look up pruned " + entryIdOrLink, c -> {
            try (Statements st = db.statements(c)) {
                return Provenance.tombstones(st, entryIdOrLink);
            }
        });
    }

    /**
     * The hash of what a reader sees as the entry's content: region (it is part of the rendered
     * title), title and summary, each with whitespace collapsed, plus whether the summary is HTML.
     */
    static String contentHash(Item item) {
        String material = String.join("\u0000", collapse(item.region()), collapse(item.title()),
                collapse(item.summary()), item.summaryIsHtml() ? "html" : "text");
        return Sha256.hex(material);
    }

    /**
     * Whitespace runs made one space, trimmed. The text of a normalised item has none to collapse,
     * so the expression runs only where a scan finds a run or a space other than U+0020 (issue 8
     * profile: it was a third of the store's CPU for a page of known items).
     */
    static String collapse(String text) {
        return needsCollapsing(text) ? WHITESPACE.matcher(text).replaceAll(" ").strip() : text.strip();
    }

    private static boolean needsCollapsing(String text) {
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (afterSpace) return true;
                afterSpace = true;
            } else if (isUnicodeWhitespace(c)) {
                return true;
            } else {
                afterSpace = false;
            }
        }
        return false;
    }

    /** A character of {@link #WHITESPACE}: Unicode's White_Space, all of it in the BMP. */
    static boolean isUnicodeWhitespace(char c) {
        return c >= '\t' && c <= '\r' || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
                || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F'
                || c == '\u3000';
    }

    /** The pattern {@link #collapse} stands for, for tests that compare the two. */
    static Pattern whitespacePattern() {
        return WHITESPACE;
    }

    /**
     * The newest entries over all sources: newest {@code published} first, ties in entry id
     * order so that the order never flips between runs. Items that joined another entry and items
     * held back on a first fetch are not entries; each entry lists the items that joined it in
     * {@link Entry#alsoAt}.
     *
     * @param limit at most this many; 0 gives an empty list
     */
    public List<Entry> newest(int limit) throws StoreException {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0: " + limit);
        return entries("read the newest " + limit + " entries", NEWEST, limit);
    }

    /**
     * Each source's newest {@code perSource} entries (by {@code published}), newest first over all
     * sources, ties in entry id order.
     */
    public List<Entry> newestOfEachSource(int perSource) throws StoreException {
        positive(perSource);
        List<Entry> entries = new ArrayList<>();
        newestOfSources(sourceIds(), perSource).values().forEach(entries::addAll);
        entries.sort(NEWEST_FIRST);
        return entries;
    }

    /** The ids of the sources with stored items, each once, in order (held back and joined items count). */
    public List<String> sourceIds() throws StoreException {
        return db.read("read the ids of the stored sources", c -> {
            List<String> sources = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SOURCE_IDS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sources.add(rs.getString(1));
            }
            return sources;
        });
    }

    /** The newest entries whose region is exactly {@code region}, in {@link #newest} order. */
    public List<Entry> newestInRegion(String region, int limit) throws StoreException {
        return newestInRegions(List.of(region), limit).get(region);
    }

    /**
     * {@link #newestInRegion} of each of {@code regions}, read with one statement prepared once
     * (each query in autocommit, as every read: not one snapshot of the store), by region in the
     * order given.
     */
    public Map<String, List<Entry>> newestInRegions(List<String> regions, int limit) throws StoreException {
        positive(limit);
        return newestOfEach("read the newest " + limit + " entries of " + regions.size() + " regions", NEWEST_IN_REGION,
                regions, limit);
    }

    /**
     * The newest entries of the source {@code sourceId}, in {@link #newest} order. Stories of this
     * source that joined an entry of another source are that entry's, not listed here.
     */
    public List<Entry> newestOfSource(String sourceId, int limit) throws StoreException {
        return newestOfSources(List.of(sourceId), limit).get(sourceId);
    }

    /**
     * {@link #newestOfSource} of each of {@code sourceIds}, read with one statement prepared once
     * (each query in autocommit, as every read: not one snapshot of the store), by source in the
     * order given. A publication reads every source's feed: a unit of work and two prepared
     * statements per source took most of its time.
     */
    public Map<String, List<Entry>> newestOfSources(List<String> sourceIds, int limit) throws StoreException {
        positive(limit);
        return newestOfEach("read the newest " + limit + " entries of " + sourceIds.size() + " sources",
                NEWEST_OF_SOURCE, sourceIds, limit);
    }

    /** {@code sql} with each key and {@code limit} as its two parameters; each key once. */
    private Map<String, List<Entry>> newestOfEach(String doing, String sql, List<String> keys, int limit)
            throws StoreException {
        return db.read(doing, c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Entry> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (String key : keys) {
                    if (counts.containsKey(key)) continue;
                    ps.setString(1, key);
                    ps.setInt(2, limit);
                    int before = all.size();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) all.add(toEntry(rs));
                    }
                    counts.put(key, all.size() - before);
                }
            }
            List<Entry> withOrigins = withOrigins(c, all);
            Map<String, List<Entry>> byKey = new LinkedHashMap<>();
            int from = 0;
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                byKey.put(count.getKey(), List.copyOf(withOrigins.subList(from, from + count.getValue())));
                from += count.getValue();
            }
            return byKey;
        });
    }

    /**
     * The regions of the stored entries ("" left out), in the order they first appeared: by the
     * sequence number of their earliest stored entry.
     */
    public List<String> regions() throws StoreException {
        return db.read("read the regions", c -> {
            record Region(String name, long firstSeq) {}
            List<Region> regions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(REGIONS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) regions.add(new Region(rs.getString(1), rs.getLong(2)));
            }
            regions.sort(Comparator.comparingLong(Region::firstSeq).thenComparing(Region::name));
            return regions.stream().map(Region::name).toList();
        });
    }

    /**
     * The sequence number of the last item stored; 0 when there is none. Every stored item has a
     * sequence number, 1 for the first, each new one higher than any before it; it never changes.
     * Items that are not entries have numbers too, so a range may hold fewer entries than numbers
     * (the reason the archive is cut by {@link #archiveLayout entry numbers}).
     */
    public long lastSequence() throws StoreException {
        return db.read("read the last sequence number", c -> {
            try (PreparedStatement ps = c.prepareStatement(LAST_SEQUENCE); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * How many times an item row was written (inserted, changed or removed) since the store was
     * created or upgraded to schema version 8. Equal counts mean that every entry, and so every
     * feed made of them, is as it was; any other difference means nothing. Kept by the schema's
     * triggers, so a write by another process or cluster node counts as well.
     */
    public long changeCount() throws StoreException {
        return db.read("read the count of item changes", c -> {
            try (PreparedStatement ps = c.prepareStatement(CHANGE_COUNT); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("item_changes has no row");
                return rs.getLong(1);
            }
        });
    }

    /**
     * When the store was created (schema version 12; a store older than that: its first item's first
     * sighting). It never changes: the {@code updated} of a feed that has no entries.
     */
    public Instant created() throws StoreException {
        return db.read("read when the store was created", c -> {
            try (PreparedStatement ps = c.prepareStatement(CREATED); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("store_created has no row");
                return Instant.ofEpochMilli(rs.getLong(1));
            }
        });
    }

    /**
     * How the entries are numbered for the archive: the archive pages that were cut by sequence
     * number before schema version 13, and the highest entry number given so far.
     */
    public ArchiveLayout archiveLayout() throws StoreException {
        return db.read("read the archive's numbering", c -> {
            try (PreparedStatement ps = c.prepareStatement(ARCHIVE_LAYOUT); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("archive_layout has no row");
                return new ArchiveLayout(rs.getInt(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }

    /**
     * The entries with {@code after < entry number <= upTo}, in the order they were stored (see
     * {@link #archiveLayout}).
     */
    public List<Entry> inEntryOrder(long after, long upTo) throws StoreException {
        return entries("read the entries numbered " + (after + 1) + " to " + upTo, IN_ENTRY_ORDER, after, upTo);
    }

    /** The entries with {@code after < sequence number <= upTo}, in the order they were stored. */
    public List<Entry> inSequence(long after, long upTo) throws StoreException {
        return entries("read the entries stored as numbers " + (after + 1) + " to " + upTo, IN_SEQUENCE, after, upTo);
    }

    private List<Entry> entries(String doing, String sql, Object... parameters) throws StoreException {
        return db.read(doing, c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) ps.setObject(i + 1, parameters[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) entries.add(toEntry(rs));
                }
            }
            return withOrigins(c, entries);
        });
    }

    /** The entries with {@link Entry#alsoAt} filled in from the items that joined them, oldest first. */
    private static List<Entry> withOrigins(Connection c, List<Entry> entries) throws SQLException {
        Map<String, List<Entry.Origin>> origins = new HashMap<>();
        for (int from = 0; from < entries.size(); from += ORIGINS_PER_QUERY) {
            List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ORIGINS_PER_QUERY));
            String sql = "SELECT merged_into, source_id, link FROM item WHERE merged_into IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?) ORDER BY first_seen, entry_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i).entryId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        origins.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                                .add(new Entry.Origin(rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        if (origins.isEmpty()) return entries;
        return entries.stream().map(e -> !origins.containsKey(e.entryId()) ? e : new Entry(e.entryId(), e.sourceId(),
                e.region(), e.title(), e.summary(), e.summaryIsHtml(), e.link(), e.published(), e.updated(),
                origins.get(e.entryId()))).toList();
    }

    private static void positive(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }

    private static Entry toEntry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString("entry_id"), rs.getString("source_id"), rs.getString("region"),
                rs.getString("title"), rs.getString("summary"), rs.getBoolean("summary_html"),
                rs.getString("link"), Instant.ofEpochMilli(rs.getLong("published")),
                Instant.ofEpochMilli(rs.getLong("updated")));
    }

}
