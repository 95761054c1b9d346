-- Version 3: a publication order for feed archives (RFC 5005), and indexes for the per-region and
-- per-source feeds.
--
-- seq numbers the items in the order they were stored: 1, 2, 3, ... It never changes for an item,
-- so archive pages cut from seq ranges keep their entries forever. Neither published (an item can
-- carry a date older than items stored long before it) nor first_seen (sources fetched in parallel
-- save out of order) can do that, and SQLite may renumber a plain rowid on VACUUM.
ALTER TABLE item ADD COLUMN seq INTEGER;

-- Items stored before this migration: in first-seen order, ties in the order they were inserted.
UPDATE item SET seq = numbered.n
FROM (SELECT rowid AS r, ROW_NUMBER() OVER (ORDER BY first_seen, rowid) AS n FROM item) AS numbered
WHERE item.rowid = numbered.r;

CREATE UNIQUE INDEX item_seq ON item (seq);

-- Every new item takes the next number. Writes run one at a time (BEGIN IMMEDIATE), so no two
-- items can take the same number, and the unique index would refuse it anyway.
CREATE TRIGGER item_seq_on_insert AFTER INSERT ON item FOR EACH ROW WHEN NEW.seq IS NULL
BEGIN
    UPDATE item SET seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM item) WHERE rowid = NEW.rowid;
END;

CREATE INDEX item_region_newest ON item (region, published DESC, entry_id);
CREATE INDEX item_source_newest ON item (source_id, published DESC, entry_id);
