package org.rundschau.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where one entry's items came from and why they are one entry: what {@code rundschau why} prints.
 *
 * @param entry   the item that is the entry (its id is the Atom id)
 * @param origins items of other sources that joined the entry, oldest first
 */
public record Provenance(StoredItem entry, List<StoredItem> origins) {
    public Provenance {
        Objects.requireNonNull(entry, "entry");
        origins = List.copyOf(origins);
    }

    /**
     * One stored item.
     *
     * @param key        the item key it was first stored under
     * @param heldBack   stored as known on its source's first fetch, never published
     * @param mergedInto the entry id this item joined, or "" when it is an entry of its own
     * @param matchEntry the closest entry of another source when it was stored, or "" when none was close
     * @param matchRule  {@code link} or {@code similar}, or ""
     * @param matchScore 1 for {@code link}, the similarity for {@code similar}, 0 when none
     * @param aliases    further keys the source listed this item under (it moved), oldest first
     */
    public record StoredItem(String sourceId, String key, String entryId, String link, String title, Instant published,
                             boolean dated, Instant firstSeen, Instant updated, boolean heldBack, String mergedInto,
                             String matchEntry, String matchRule, double matchScore, List<Alias> aliases) {
        public StoredItem {
            aliases = List.copyOf(aliases);
        }

        public boolean isDuplicate() {
            return !mergedInto.isEmpty();
        }
    }

    /** A further key of an item: the link it came with, the link the item had before, why, and when. */
    public record Alias(String key, String link, String formerLink, String reason, Instant created) {}

    /** A pruned item's key: it is never stored again. */
    public record Tombstone(String sourceId, String key, String entryId, String link, Instant pruned) {}

    private static final String COLUMNS = "source_id, item_key, entry_id, link, title, published, dated, first_seen, "
            + "updated, held_back, merged_into, match_entry, match_rule, match_score";
    private static final String BY_ENTRY_ID = "SELECT " + COLUMNS + " FROM item WHERE entry_id = ?";
    private static final String BY_LINK = "SELECT " + COLUMNS + " FROM item WHERE link = ? ORDER BY first_seen, entry_id";
    private static final String BY_ALIAS_LINK = "SELECT " + COLUMNS + " FROM item WHERE (source_id, item_key) IN "
            + "(SELECT source_id, item_key FROM item_alias WHERE ? IN (link, former_link)) ORDER BY first_seen, entry_id";
    private static final String JOINED = "SELECT " + COLUMNS + " FROM item WHERE merged_into = ? "
            + "ORDER BY first_seen, entry_id";
    private static final String ALIASES = "SELECT alias_key, link, former_link, reason, created FROM item_alias "
            + "WHERE source_id = ? AND item_key = ? ORDER BY created, alias_key";
    private static final String TOMBSTONES = "SELECT source_id, item_key, entry_id, link, pruned FROM tombstone "
            + "WHERE entry_id = ? OR link = ? ORDER BY pruned, source_id, item_key";

    /** The provenance of every entry that {@code entryIdOrLink} names: an entry id, or a stored or former link. */
    static List<Provenance> find(Statements st, String entryIdOrLink) throws SQLException {
        Set<String> roots = new LinkedHashSet<>();
        for (String sql : List.of(BY_ENTRY_ID, BY_LINK, BY_ALIAS_LINK)) {
            for (StoredItem item : items(st, sql, entryIdOrLink)) {
                roots.add(item.isDuplicate() ? item.mergedInto() : item.entryId());
            }
        }
        List<Provenance> found = new ArrayList<>();
        for (String root : roots) {
            List<StoredItem> entry = items(st, BY_ENTRY_ID, root);
            if (!entry.isEmpty()) found.add(new Provenance(entry.get(0), items(st, JOINED, root)));
        }
        return found;
    }

    static List<Tombstone> tombstones(Statements st, String entryIdOrLink) throws SQLException {
        List<Tombstone> found = new ArrayList<>();
        try (ResultSet rs = st.query(TOMBSTONES, entryIdOrLink, entryIdOrLink)) {
            while (rs.next()) {
                found.add(new Tombstone(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return found;
    }

    private static List<StoredItem> items(Statements st, String sql, String value) throws SQLException {
        List<StoredItem> items = new ArrayList<>();
        try (ResultSet rs = st.query(sql, value)) {
            while (rs.next()) items.add(item(st, rs));
        }
        return items;
    }

    private static StoredItem item(Statements st, ResultSet rs) throws SQLException {
        String sourceId = rs.getString("source_id");
        String key = rs.getString("item_key");
        return new StoredItem(sourceId, key, rs.getString("entry_id"), rs.getString("link"), rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("published")), rs.getBoolean("dated"),
                Instant.ofEpochMilli(rs.getLong("first_seen")), Instant.ofEpochMilli(rs.getLong("updated")),
                rs.getBoolean("held_back"), orEmpty(rs.getString("merged_into")), orEmpty(rs.getString("match_entry")),
                orEmpty(rs.getString("match_rule")), rs.getDouble("match_score"), aliases(st, sourceId, key));
    }

    private static List<Alias> aliases(Statements st, String sourceId, String key) throws SQLException {
        List<Alias> aliases = new ArrayList<>();
        try (ResultSet rs = st.query(ALIASES, sourceId, key)) {
            while (rs.next()) {
                aliases.add(new Alias(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return aliases;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
