-- Version 1 (PostgreSQL): items by identity, and per-source health. The same schema as
-- ../sqlite/001-items.sql in PostgreSQL's types:
-- - times are BIGINT milliseconds since the epoch (UTC), as in SQLite;
-- - flags are SMALLINT 0/1 with a CHECK, as in SQLite, so both dialects bind and read them alike;
-- - text sorts and compares byte by byte (COLLATE "C"), as SQLite's BINARY collation does, so
--   ties in entry order and region order are the same whatever locale the database was made with.

CREATE TABLE item (
    source_id    TEXT COLLATE "C" NOT NULL,
    item_key     TEXT COLLATE "C" NOT NULL,
    entry_id     TEXT COLLATE "C" NOT NULL UNIQUE,   -- the Atom id, fixed at first insert
    guid         TEXT COLLATE "C" NOT NULL,
    link         TEXT COLLATE "C" NOT NULL,
    title        TEXT COLLATE "C" NOT NULL,
    summary      TEXT COLLATE "C" NOT NULL,
    summary_html SMALLINT NOT NULL CHECK (summary_html IN (0, 1)),
    region       TEXT COLLATE "C" NOT NULL,
    published    BIGINT   NOT NULL,          -- never changes after insert
    dated        SMALLINT NOT NULL CHECK (dated IN (0, 1)),
    first_seen   BIGINT   NOT NULL,
    updated      BIGINT   NOT NULL,          -- last material change; >= published
    content_hash TEXT COLLATE "C" NOT NULL,  -- of region, title and summary, whitespace collapsed
    PRIMARY KEY (source_id, item_key)
);

CREATE INDEX item_newest ON item (published DESC, entry_id);

CREATE TABLE source_status (
    source_id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    last_attempt         BIGINT,            -- NULL: never
    last_success         BIGINT,            -- NULL: never
    consecutive_failures INTEGER NOT NULL,
    last_error           TEXT    NOT NULL,
    last_http_status     INTEGER NOT NULL,
    items_last_success   INTEGER NOT NULL,
    etag                 TEXT    NOT NULL,
    last_modified        TEXT    NOT NULL,
    body_hash            TEXT    NOT NULL,
    next_attempt         BIGINT             -- NULL: on the normal schedule; else backing off until then
);
