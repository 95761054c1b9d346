-- Version 1: items by identity, and per-source health.
-- Times are INTEGER milliseconds since the epoch (UTC): compact, and they sort correctly.

CREATE TABLE item (
    source_id    TEXT    NOT NULL,
    item_key     TEXT    NOT NULL,
    entry_id     TEXT    NOT NULL UNIQUE,   -- the Atom id, fixed at first insert
    guid         TEXT    NOT NULL,
    link         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    summary_html INTEGER NOT NULL CHECK (summary_html IN (0, 1)),
    region       TEXT    NOT NULL,
    published    INTEGER NOT NULL,          -- never changes after insert
    dated        INTEGER NOT NULL CHECK (dated IN (0, 1)),
    first_seen   INTEGER NOT NULL,
    updated      INTEGER NOT NULL,          -- last material change; >= published
    content_hash TEXT    NOT NULL,          -- of region, title and summary, whitespace collapsed
    PRIMARY KEY (source_id, item_key)
);

CREATE INDEX item_newest ON item (published DESC, entry_id);

CREATE TABLE source_status (
    source_id            TEXT    NOT NULL PRIMARY KEY,
    last_attempt         INTEGER,           -- NULL: never
    last_success         INTEGER,           -- NULL: never
    consecutive_failures INTEGER NOT NULL,
    last_error           TEXT    NOT NULL,
    last_http_status     INTEGER NOT NULL,
    items_last_success   INTEGER NOT NULL,
    etag                 TEXT    NOT NULL,
    last_modified        TEXT    NOT NULL,
    body_hash            TEXT    NOT NULL,
    next_attempt         INTEGER            -- NULL: on the normal schedule; else backing off until then
);
