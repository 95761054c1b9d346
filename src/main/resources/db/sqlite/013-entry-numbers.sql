-- Version 13: archive pages cut by entries, not by items. Before this version page n held the
-- entries with seq in ((n-1)*50, n*50], but every stored item takes a seq, also the items that are
-- no entries (held back on a first fetch, or joined to another source's entry): pages came out
-- part-full or empty, and feed.atom could link an empty page as the newest.
--
-- entry_seq numbers the entries only (merged_into IS NULL AND held_back = 0), 1, 2, 3, ... in the
-- order they were stored; NULL for an item that is no entry. Whether an item is an entry is decided
-- when it is inserted and never changes afterwards, so the number is given at insert (store.SaveBatch)
-- and never changes either.
--
-- Pages already written must not change (RFC 5005: archive documents are immutable, and a page
-- whose file was removed is written again from the store). archive_layout keeps how many pages were
-- full under the old rule (page size 50, the only one ever published with), and where they end:
-- they keep the seq cut. The entries after them are numbered here, in seq order; older entries,
-- which are on those pages, keep NULL. Page legacy_pages + k holds the entries with entry_seq in
-- ((k-1)*size, k*size]. A store created at this version has no legacy pages.
--
-- last_entry_seq is the highest entry_seq ever given, not MAX(entry_seq): pruning may remove the
-- newest entry (retention.max-per-source removes an old-dated item found late at once), and its
-- number given again would put a new entry on a page already written, or make a full page count
-- as not full.
CREATE TABLE archive_layout (
    only_row        INTEGER NOT NULL PRIMARY KEY CHECK (only_row = 1),
    legacy_pages    INTEGER NOT NULL CHECK (legacy_pages >= 0),
    legacy_last_seq INTEGER NOT NULL CHECK (legacy_last_seq = legacy_pages * 50),
    last_entry_seq  INTEGER NOT NULL CHECK (last_entry_seq >= 0)
);

INSERT INTO archive_layout (only_row, legacy_pages, legacy_last_seq, last_entry_seq)
SELECT 1, COALESCE(MAX(seq), 0) / 50, COALESCE(MAX(seq), 0) / 50 * 50, 0 FROM item;

ALTER TABLE item ADD COLUMN entry_seq INTEGER;

UPDATE item SET entry_seq = numbered.n
FROM (SELECT rowid AS r, ROW_NUMBER() OVER (ORDER BY seq) AS n FROM item
      WHERE merged_into IS NULL AND held_back = 0
        AND seq > (SELECT legacy_last_seq FROM archive_layout WHERE only_row = 1)) AS numbered
WHERE item.rowid = numbered.r;

UPDATE archive_layout SET last_entry_seq = (SELECT COALESCE(MAX(entry_seq), 0) FROM item);

CREATE UNIQUE INDEX item_entry_seq ON item (entry_seq) WHERE entry_seq IS NOT NULL;
