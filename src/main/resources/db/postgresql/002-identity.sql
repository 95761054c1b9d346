-- Version 2 (PostgreSQL): identities that survive URL moves and repeated guids, one entry per story
-- across sources, no floods from new sources, retention with tombstones. See ../sqlite/002-identity.sql
-- for what each column and table is for; this is the same schema in PostgreSQL's types.

ALTER TABLE item ADD COLUMN held_back SMALLINT NOT NULL DEFAULT 0 CHECK (held_back IN (0, 1));
ALTER TABLE item ADD COLUMN merged_into TEXT COLLATE "C";
ALTER TABLE item ADD COLUMN match_entry TEXT COLLATE "C";
ALTER TABLE item ADD COLUMN match_rule  TEXT COLLATE "C";
ALTER TABLE item ADD COLUMN match_score DOUBLE PRECISION;
ALTER TABLE item ADD COLUMN title_key   TEXT COLLATE "C";

CREATE VIEW feed_item AS SELECT * FROM item WHERE merged_into IS NULL AND held_back = 0;

CREATE INDEX item_feed ON item (published DESC, entry_id) WHERE merged_into IS NULL AND held_back = 0;
CREATE INDEX item_link ON item (link);
CREATE INDEX item_merged ON item (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX item_title ON item (source_id, title_key, published);
CREATE INDEX item_unindexed ON item (source_id) WHERE title_key IS NULL;

CREATE TABLE item_alias (
    source_id   TEXT COLLATE "C" NOT NULL,
    alias_key   TEXT COLLATE "C" NOT NULL,
    item_key    TEXT COLLATE "C" NOT NULL,
    link        TEXT COLLATE "C" NOT NULL,
    former_link TEXT COLLATE "C" NOT NULL,
    reason      TEXT COLLATE "C" NOT NULL,
    created     BIGINT NOT NULL,
    PRIMARY KEY (source_id, alias_key),
    FOREIGN KEY (source_id, item_key) REFERENCES item (source_id, item_key) ON DELETE CASCADE
);
CREATE INDEX item_alias_item ON item_alias (source_id, item_key);

CREATE TABLE shared_key (
    source_id  TEXT COLLATE "C" NOT NULL,
    item_key   TEXT COLLATE "C" NOT NULL,
    first_seen BIGINT NOT NULL,
    PRIMARY KEY (source_id, item_key)
);

CREATE TABLE lsh_bucket (
    week      BIGINT  NOT NULL,
    bucket    BIGINT  NOT NULL,   -- a 64-bit hash, as SQLite stores it
    published BIGINT  NOT NULL,
    source_id TEXT COLLATE "C" NOT NULL,
    item_key  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (week, bucket, published, source_id, item_key)
);

CREATE TABLE tombstone (
    source_id TEXT COLLATE "C" NOT NULL,
    item_key  TEXT COLLATE "C" NOT NULL,
    entry_id  TEXT COLLATE "C" NOT NULL,
    link      TEXT COLLATE "C" NOT NULL,
    title_key TEXT COLLATE "C",
    published BIGINT   NOT NULL,
    dated     SMALLINT NOT NULL CHECK (dated IN (0, 1)),
    pruned    BIGINT   NOT NULL,
    PRIMARY KEY (source_id, item_key)
);
CREATE INDEX tombstone_title ON tombstone (source_id, title_key, published);
