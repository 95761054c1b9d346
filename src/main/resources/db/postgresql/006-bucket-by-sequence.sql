-- Version 6 (PostgreSQL): headline buckets name their item by its sequence number. See
-- ../sqlite/006-bucket-by-sequence.sql.
CREATE TABLE lsh_bucket_by_seq (
    week      BIGINT NOT NULL,
    bucket    BIGINT NOT NULL,
    published BIGINT NOT NULL,
    item_seq  BIGINT NOT NULL,
    source_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (week, bucket, published, item_seq)
);

INSERT INTO lsh_bucket_by_seq (week, bucket, published, item_seq, source_id)
SELECT b.week, b.bucket, b.published, i.seq, b.source_id
FROM lsh_bucket b JOIN item i ON i.source_id = b.source_id AND i.item_key = b.item_key;

DROP TABLE lsh_bucket;
ALTER TABLE lsh_bucket_by_seq RENAME TO lsh_bucket;
