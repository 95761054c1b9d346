package org.rundschau.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;

/**
 * Items by identity ({@code source id + item key}), with first-seen time and content hash.
 *
 * <p>Contract kept for feed readers:
 * <ul>
 *   <li>an entry's Atom id is fixed when the item is first stored and never recomputed;</li>
 *   <li>{@code published} never changes after insert, so an undated item keeps the time it was
 *       first seen;</li>
 *   <li>{@code updated} starts equal to {@code published} and moves only when region, title or
 *       summary change materially (whitespace differences do not count); a changed link alone is
 *       stored silently.</li>
 *   <li>every item has a sequence number, given when it is first stored (1, 2, 3, ...) and never
 *       changed: the order the feed archive is cut in ({@link #lastSequence}, {@link #inSequence}).</li>
 * </ul>
 * Times are stored to the millisecond.
 */
public final class ItemStore {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int ENTRY_ID_HEX_DIGITS = 16;

    private static final String INSERT = """
            INSERT INTO item (source_id, item_key, entry_id, guid, link, title, summary, summary_html,
                              region, published, dated, first_seen, updated, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, item_key) DO NOTHING""";
    private static final String SELECT_STORED =
            "SELECT content_hash, link FROM item WHERE source_id = ? AND item_key = ?";
    // MAX keeps updated >= published and never moves it backwards when saves arrive out of order.
    private static final String UPDATE_CONTENT = """
            UPDATE item SET title = ?, summary = ?, summary_html = ?, region = ?, link = ?, content_hash = ?,
                            updated = MAX(?, published, updated)
            WHERE source_id = ? AND item_key = ?""";
    private static final String UPDATE_LINK = "UPDATE item SET link = ? WHERE source_id = ? AND item_key = ?";
    private static final String NEWEST = """
            SELECT entry_id, source_id, region, title, summary, summary_html, link, published, updated
            FROM item ORDER BY published DESC, entry_id LIMIT ?""";
    private static final String ENTRY_COLUMNS =
            "entry_id, source_id, region, title, summary, summary_html, link, published, updated";
    private static final String NEWEST_OF_EACH_SOURCE = "SELECT " + ENTRY_COLUMNS + " FROM ("
            + " SELECT *, ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY published DESC, entry_id) AS rank"
            + " FROM item) WHERE rank <= ? ORDER BY published DESC, entry_id";
    private static final String NEWEST_IN_REGION = "SELECT " + ENTRY_COLUMNS
            + " FROM item WHERE region = ? ORDER BY published DESC, entry_id LIMIT ?";
    private static final String NEWEST_OF_SOURCE = "SELECT " + ENTRY_COLUMNS
            + " FROM item WHERE source_id = ? ORDER BY published DESC, entry_id LIMIT ?";
    private static final String IN_SEQUENCE = "SELECT " + ENTRY_COLUMNS
            + " FROM item WHERE seq > ? AND seq <= ? ORDER BY seq";
    private static final String REGIONS =
            "SELECT region FROM item WHERE region <> '' GROUP BY region ORDER BY MIN(seq), region";
    private static final String LAST_SEQUENCE = "SELECT COALESCE(MAX(seq), 0) FROM item";

    private final Database db;
    private final String entryIdBase;

    /**
     * @param entryIdBase prefix for new entries' Atom ids, e.g. {@code tag:news.example.org,2026:};
     *                    an entry keeps the id it was given when first stored. A base not ending in
     *                    {@code :}, {@code /} or {@code #} gets {@code :} ({@code tag:}/{@code urn:})
     *                    or {@code /} (other schemes) appended.
     * @throws IllegalArgumentException when the base is not an absolute URI
     */
    public ItemStore(Database db, String entryIdBase) {
        this.db = Objects.requireNonNull(db, "db");
        this.entryIdBase = withSeparator(Objects.requireNonNull(entryIdBase, "entryIdBase"));
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
        return entryIdBase + sourceId + "/" + sha256Hex(itemKey).substring(0, ENTRY_ID_HEX_DIGITS);
    }

    /**
     * Upserts one source's items in one transaction. When the list holds one key twice, the first
     * occurrence wins and the later ones are neither stored nor counted.
     *
     * @param seenAt the time of this fetch: becomes {@code first_seen} of new items and
     *               {@code updated} of changed ones
     * @throws IllegalArgumentException when an item belongs to another source
     * @throws StoreException           when the database fails; nothing of this call is stored
     */
    public StoreResult save(String sourceId, List<Item> items, Instant seenAt) throws StoreException {
        Objects.requireNonNull(seenAt, "seenAt");
        Map<String, Item> byKey = new LinkedHashMap<>();
        for (Item item : items) {
            if (!item.sourceId().equals(sourceId)) {
                throw new IllegalArgumentException("item " + item.key() + " of source " + item.sourceId()
                        + " saved as source " + sourceId);
            }
            byKey.putIfAbsent(item.key(), item);
        }
        if (byKey.isEmpty()) return StoreResult.NOTHING;
        return db.write("save " + byKey.size() + " items of source " + sourceId,
                c -> saveAll(c, byKey.values(), seenAt));
    }

    private StoreResult saveAll(Connection c, Iterable<Item> items, Instant seenAt) throws SQLException {
        try (Statements st = new Statements(c)) {
            StoreResult result = StoreResult.NOTHING;
            for (Item item : items) result = result.plus(saveOne(st, item, seenAt));
            return result;
        }
    }

    private StoreResult saveOne(Statements st, Item item, Instant seenAt) throws SQLException {
        String hash = contentHash(item);
        if (insert(st.insert, item, hash, seenAt)) return new StoreResult(1, 0, 0);
        Stored stored = stored(st.select, item);
        if (!stored.contentHash().equals(hash)) {
            updateContent(st.updateContent, item, hash, seenAt);
            return new StoreResult(0, 1, 0);
        }
        if (!stored.link().equals(item.link())) updateLink(st.updateLink, item);
        return new StoreResult(0, 0, 1);
    }

    private boolean insert(PreparedStatement ps, Item item, String hash, Instant seenAt) throws SQLException {
        long published = item.published().toEpochMilli();
        ps.setString(1, item.sourceId());
        ps.setString(2, item.key());
        ps.setString(3, entryIdFor(item.sourceId(), item.key()));
        ps.setString(4, item.guid());
        ps.setString(5, item.link());
        ps.setString(6, item.title());
        ps.setString(7, item.summary());
        ps.setBoolean(8, item.summaryIsHtml());
        ps.setString(9, item.region());
        ps.setLong(10, published);
        ps.setBoolean(11, item.dated());
        ps.setLong(12, seenAt.toEpochMilli());
        ps.setLong(13, published);
        ps.setString(14, hash);
        return ps.executeUpdate() == 1;   // 0: the key is already stored
    }

    private record Stored(String contentHash, String link) {}

    private static Stored stored(PreparedStatement ps, Item item) throws SQLException {
        ps.setString(1, item.sourceId());
        ps.setString(2, item.key());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("item " + item.key() + " vanished inside its transaction");
            return new Stored(rs.getString(1), rs.getString(2));
        }
    }

    private static void updateContent(PreparedStatement ps, Item item, String hash, Instant seenAt)
            throws SQLException {
        ps.setString(1, item.title());
        ps.setString(2, item.summary());
        ps.setBoolean(3, item.summaryIsHtml());
        ps.setString(4, item.region());
        ps.setString(5, item.link());
        ps.setString(6, hash);
        ps.setLong(7, seenAt.toEpochMilli());
        ps.setString(8, item.sourceId());
        ps.setString(9, item.key());
        ps.executeUpdate();
    }

    private static void updateLink(PreparedStatement ps, Item item) throws SQLException {
        ps.setString(1, item.link());
        ps.setString(2, item.sourceId());
        ps.setString(3, item.key());
        ps.executeUpdate();
    }

    /**
     * The hash of what a reader sees as the entry's content: region (it is part of the rendered
     * title), title and summary, each with whitespace collapsed, plus whether the summary is HTML.
     */
    static String contentHash(Item item) {
        String material = String.join("\u0000", collapse(item.region()), collapse(item.title()),
                collapse(item.summary()), item.summaryIsHtml() ? "html" : "text");
        return sha256Hex(material);
    }

    private static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * The newest entries over all sources: newest {@code published} first, ties in entry id
     * order so that the order never flips between runs.
     *
     * @param limit at most this many; 0 gives an empty list
     */
    public List<Entry> newest(int limit) throws StoreException {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0: " + limit);
        return db.read("read the newest " + limit + " entries", c -> {
            try (PreparedStatement ps = c.prepareStatement(NEWEST)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Entry> entries = new ArrayList<>();
                    while (rs.next()) entries.add(toEntry(rs));
                    return entries;
                }
            }
        });
    }

    /**
     * Each source's newest {@code perSource} entries (by {@code published}), newest first over all
     * sources, ties in entry id order.
     */
    public List<Entry> newestOfEachSource(int perSource) throws StoreException {
        positive(perSource);
        return entries("read the newest " + perSource + " entries of each source", NEWEST_OF_EACH_SOURCE, perSource);
    }

    /** The newest entries whose region is exactly {@code region}, in {@link #newest} order. */
    public List<Entry> newestInRegion(String region, int limit) throws StoreException {
        positive(limit);
        return entries("read the newest " + limit + " entries of region " + region, NEWEST_IN_REGION, region, limit);
    }

    /** The newest entries of the source {@code sourceId}, in {@link #newest} order. */
    public List<Entry> newestOfSource(String sourceId, int limit) throws StoreException {
        positive(limit);
        return entries("read the newest " + limit + " entries of source " + sourceId, NEWEST_OF_SOURCE, sourceId, limit);
    }

    /**
     * The regions of the stored entries ("" left out), in the order they first appeared: by the
     * sequence number of their earliest stored entry.
     */
    public List<String> regions() throws StoreException {
        return db.read("read the regions", c -> {
            try (PreparedStatement ps = c.prepareStatement(REGIONS); ResultSet rs = ps.executeQuery()) {
                List<String> regions = new ArrayList<>();
                while (rs.next()) regions.add(rs.getString(1));
                return regions;
            }
        });
    }

    /**
     * The sequence number of the last item stored; 0 when there is none. Every stored item has a
     * sequence number, 1 for the first, each new one higher than any before it; it never changes.
     */
    public long lastSequence() throws StoreException {
        return db.read("read the last sequence number", c -> {
            try (PreparedStatement ps = c.prepareStatement(LAST_SEQUENCE); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The entries with {@code after < sequence number <= upTo}, in the order they were stored. */
    public List<Entry> inSequence(long after, long upTo) throws StoreException {
        return entries("read the entries stored as numbers " + (after + 1) + " to " + upTo, IN_SEQUENCE, after, upTo);
    }

    private List<Entry> entries(String doing, String sql, Object... parameters) throws StoreException {
        return db.read(doing, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) ps.setObject(i + 1, parameters[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Entry> entries = new ArrayList<>();
                    while (rs.next()) entries.add(toEntry(rs));
                    return entries;
                }
            }
        });
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

    private static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The prepared statements of one save, prepared once and reused for every item. */
    private static final class Statements implements AutoCloseable {
        PreparedStatement insert;
        PreparedStatement select;
        PreparedStatement updateContent;
        PreparedStatement updateLink;

        Statements(Connection c) throws SQLException {
            try {
                insert = c.prepareStatement(INSERT);
                select = c.prepareStatement(SELECT_STORED);
                updateContent = c.prepareStatement(UPDATE_CONTENT);
                updateLink = c.prepareStatement(UPDATE_LINK);
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : new PreparedStatement[] {insert, select, updateContent, updateLink}) {
                if (ps != null) ps.close();
            }
        }
    }
}
