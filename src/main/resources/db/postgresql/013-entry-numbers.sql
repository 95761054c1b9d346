-- Version 13 (PostgreSQL): archive pages cut by entries, not by items. See
-- ../sqlite/013-entry-numbers.sql. entry_seq is given at insert as seq is (store.SaveBatch), from
-- archive_layout.last_entry_seq, under the store's advisory write lock.
CREATE TABLE archive_layout (
    only_row        INTEGER NOT NULL PRIMARY KEY CHECK (only_row = 1),
    legacy_pages    INTEGER NOT NULL CHECK (legacy_pages >= 0),
    legacy_last_seq BIGINT  NOT NULL CHECK (legacy_last_seq = legacy_pages * 50),
    last_entry_seq  BIGINT  NOT NULL CHECK (last_entry_seq >= 0)
);

INSERT INTO archive_layout (only_row, legacy_pages, legacy_last_seq, last_entry_seq)
SELECT 1, COALESCE(MAX(seq), 0) / 50, COALESCE(MAX(seq), 0) / 50 * 50, 0 FROM item;

ALTER TABLE item ADD COLUMN entry_seq BIGINT;

UPDATE item SET entry_seq = numbered.n
FROM (SELECT source_id, item_key, ROW_NUMBER() OVER (ORDER BY seq) AS n FROM item
      WHERE merged_into IS NULL AND held_back = 0
        AND seq > (SELECT legacy_last_seq FROM archive_layout WHERE only_row = 1)) AS numbered
WHERE item.source_id = numbered.source_id AND item.item_key = numbered.item_key;

UPDATE archive_layout SET last_entry_seq = (SELECT COALESCE(MAX(entry_seq), 0) FROM item);

CREATE UNIQUE INDEX item_entry_seq ON item (entry_seq) WHERE entry_seq IS NOT NULL;
