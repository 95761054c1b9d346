package org.rundschau.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.rundschau.config.DedupConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;
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
 *   <li>a pruned item (see {@link #prune}) is never stored again.</li>
 * </ul>
 * Times are stored to the millisecond.
 */
public final class ItemStore {
    private static final Logger log = LoggerFactory.getLogger(ItemStore.class);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int ENTRY_ID_HEX_DIGITS = 16;

    private static final String FEED = "FROM item WHERE merged_into IS NULL AND held_back = 0 "
            + "ORDER BY published DESC, entry_id LIMIT ?";
    private static final String NEWEST = "SELECT entry_id, source_id, region, title, summary, summary_html, link, "
            + "published, updated " + FEED;
    private static final String ORIGINS = "SELECT merged_into, source_id, link FROM item WHERE merged_into IN "
            + "(SELECT entry_id " + FEED + ") ORDER BY first_seen, entry_id";

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
        return entryIdBase + sourceId + "/" + sha256Hex(itemKey).substring(0, ENTRY_ID_HEX_DIGITS);
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
        Map<String, Item> distinct = new LinkedHashMap<>();
        for (Item item : items) {
            if (!item.sourceId().equals(sourceId)) {
                throw new IllegalArgumentException("item " + item.key() + " of source " + item.sourceId()
                        + " saved as source " + sourceId);
            }
            distinct.putIfAbsent(item.key() + "\n" + item.link(), item);
        }
        if (distinct.isEmpty()) return StoreResult.NOTHING;
        return db.write("save " + distinct.size() + " items of source " + sourceId, c -> {
            try (Statements st = new Statements(c)) {
                StoryMatcher matcher = new StoryMatcher(st, dedup);
                int indexed = matcher.indexUnindexed();
                if (indexed > 0) log.info("store: indexed the headlines of {} items stored before", indexed);
                return new SaveBatch(st, matcher, this::entryIdFor, sourceId, seenAt, dedup, retention)
                        .save(List.copyOf(distinct.values()));
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
            try (Statements st = new Statements(c)) {
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
            try (Statements st = new Statements(c)) {
                return Provenance.find(st, entryIdOrLink);
            }
        });
    }

    /** The tombstones of pruned items with this entry id or link; empty when none. */
    public List<Provenance.Tombstone> tombstones(String entryIdOrLink) throws StoreException {
        Objects.requireNonNull(entryIdOrLink, "entryIdOrLink");
        return db.read("look up pruned " + entryIdOrLink, c -> {
            try (Statements st = new Statements(c)) {
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
        return sha256Hex(material);
    }

    private static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
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
        return db.read("read the newest " + limit + " entries", c -> {
            Map<String, List<Entry.Origin>> origins = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(ORIGINS)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        origins.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                                .add(new Entry.Origin(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(NEWEST)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Entry> entries = new ArrayList<>();
                    while (rs.next()) entries.add(toEntry(rs, origins.getOrDefault(rs.getString("entry_id"), List.of())));
                    return entries;
                }
            }
        });
    }

    private static Entry toEntry(ResultSet rs, List<Entry.Origin> alsoAt) throws SQLException {
        return new Entry(rs.getString("entry_id"), rs.getString("source_id"), rs.getString("region"),
                rs.getString("title"), rs.getString("summary"), rs.getBoolean("summary_html"),
                rs.getString("link"), Instant.ofEpochMilli(rs.getLong("published")),
                Instant.ofEpochMilli(rs.getLong("updated")), alsoAt);
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
