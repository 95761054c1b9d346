-- Version 12 (PostgreSQL): when the store was created, for the `updated` of a feed that has no
-- entries. See ../sqlite/012-store-created.sql.
CREATE TABLE store_created (
    only_row INTEGER NOT NULL PRIMARY KEY CHECK (only_row = 1),
    created  BIGINT  NOT NULL          -- epoch ms
);

INSERT INTO store_created (only_row, created)
SELECT 1, COALESCE(MIN(first_seen), (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT) FROM item;
