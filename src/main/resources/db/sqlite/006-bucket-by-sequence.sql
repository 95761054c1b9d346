-- Version 6: headline buckets name their item by its sequence number instead of its source id and
-- key. The key is a 64-digit hash, so a bucket row took about 100 bytes, and a save's twelve rows per
-- new item landed on as many random pages of a large table: most of what a cold save wrote to the
-- WAL. With the number a row takes about a third of that, and so does the table. item.seq is unique
-- and never changes (version 3), so it names an item as well as its key does. The source id stays,
-- so the lookup still skips the item's own source before it counts and limits the candidates.
CREATE TABLE lsh_bucket_by_seq (
    week      INTEGER NOT NULL,       -- published, in whole weeks since 1970-01-01
    bucket    INTEGER NOT NULL,
    published INTEGER NOT NULL,       -- the item's published, for the window
    item_seq  INTEGER NOT NULL,       -- item.seq
    source_id TEXT    NOT NULL,       -- the item's source
    PRIMARY KEY (week, bucket, published, item_seq)
) WITHOUT ROWID;

INSERT INTO lsh_bucket_by_seq (week, bucket, published, item_seq, source_id)
SELECT b.week, b.bucket, b.published, i.seq, b.source_id
FROM lsh_bucket b JOIN item i ON i.source_id = b.source_id AND i.item_key = b.item_key;

DROP TABLE lsh_bucket;
ALTER TABLE lsh_bucket_by_seq RENAME TO lsh_bucket;
