-- Version 2: identities that survive URL moves and repeated guids, one entry per story across
-- sources, no floods from new sources, retention with tombstones.
-- Adds columns, tables and indexes only: no stored entry_id, key, date or text changes, and every
-- entry published before stays published (held_back 0, merged_into NULL). Rows stored before this
-- version have title_key NULL; the store indexes them (title_key, lsh_bucket) on its next save.

ALTER TABLE item ADD COLUMN held_back INTEGER NOT NULL DEFAULT 0 CHECK (held_back IN (0, 1));
                                      -- 1: stored as known on its source's first fetch, never published
ALTER TABLE item ADD COLUMN merged_into TEXT;   -- entry_id of the entry of another source this item
                                                -- duplicates; NULL: the item is an entry of its own
ALTER TABLE item ADD COLUMN match_entry TEXT;   -- the closest entry of another source when stored, if any
ALTER TABLE item ADD COLUMN match_rule  TEXT;   -- how it was found: 'link' or 'similar'
ALTER TABLE item ADD COLUMN match_score REAL;   -- 1 for 'link'; the similarity for 'similar'
ALTER TABLE item ADD COLUMN title_key   TEXT;   -- hash of the folded headline; NULL: not indexed yet

-- What the feeds show. Publishers that read the item table must filter the same way.
CREATE VIEW feed_item AS SELECT * FROM item WHERE merged_into IS NULL AND held_back = 0;

CREATE INDEX item_feed ON item (published DESC, entry_id) WHERE merged_into IS NULL AND held_back = 0;
CREATE INDEX item_link ON item (link);
CREATE INDEX item_merged ON item (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX item_title ON item (source_id, title_key, published);
CREATE INDEX item_unindexed ON item (source_id) WHERE title_key IS NULL;

-- Further keys under which a source lists a stored item: the item moved to a new URL.
CREATE TABLE item_alias (
    source_id TEXT    NOT NULL,
    alias_key TEXT    NOT NULL,
    item_key  TEXT    NOT NULL,
    link      TEXT    NOT NULL,       -- the link that came with the alias key
    former_link TEXT  NOT NULL,       -- the item's link before
    reason    TEXT    NOT NULL,       -- 'moved': same headline and date under a new link
    created   INTEGER NOT NULL,
    PRIMARY KEY (source_id, alias_key),
    FOREIGN KEY (source_id, item_key) REFERENCES item (source_id, item_key) ON DELETE CASCADE
);
CREATE INDEX item_alias_item ON item_alias (source_id, item_key);

-- Keys (from guids) that a source gave to several different items. The first item keeps the key;
-- the others are stored under a key made of it and their link.
CREATE TABLE shared_key (
    source_id  TEXT    NOT NULL,
    item_key   TEXT    NOT NULL,
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (source_id, item_key)
);

-- Locality-sensitive hashing buckets of each item's headline (see store.MinHash): items sharing a
-- bucket within the date window are the candidates for near-duplicates. The primary key is the
-- lookup and holds every column, so a lookup reads this index alone. It starts with the week of
-- the item's date: new items land in the few pages of recent weeks and lookups stay there, so
-- neither grows with the store. An item's rows are found again by computing its buckets from its
-- stored title; a row whose item is gone is skipped when it turns up as a candidate.
CREATE TABLE lsh_bucket (
    week      INTEGER NOT NULL,       -- published, in whole weeks since 1970-01-01
    bucket    INTEGER NOT NULL,
    published INTEGER NOT NULL,       -- the item's published, for the window
    source_id TEXT    NOT NULL,
    item_key  TEXT    NOT NULL,
    PRIMARY KEY (week, bucket, published, source_id, item_key)
) WITHOUT ROWID;

-- Pruned items (and their alias keys): a key found here is never stored or published again.
CREATE TABLE tombstone (
    source_id TEXT    NOT NULL,
    item_key  TEXT    NOT NULL,
    entry_id  TEXT    NOT NULL,       -- the pruned entry's id; its alias keys share it
    link      TEXT    NOT NULL,
    title_key TEXT,
    published INTEGER NOT NULL,
    dated     INTEGER NOT NULL CHECK (dated IN (0, 1)),
    pruned    INTEGER NOT NULL,
    PRIMARY KEY (source_id, item_key)
);
CREATE INDEX tombstone_title ON tombstone (source_id, title_key, published);
