-- Version 12: when the store was created, for the `updated` of a feed that has no entries (a first
-- run in which every source failed, a source that has given nothing yet, an archive page of items
-- held back). Atom requires a date there, and it must not move on every run, or every reader polling
-- an empty feed would be sent new bytes; before this version it was 1970-01-01, which readers show.
-- Nothing published changes after this instant without an entry that carries a later date, so it is
-- the honest "last changed" of a feed that has never shown one.
--
-- Taken from the database's clock once, here. A store created before this version gets its first
-- stored item's first sighting (when it began to gather), or, still empty, the time of the upgrade.
CREATE TABLE store_created (
    only_row INTEGER NOT NULL PRIMARY KEY CHECK (only_row = 1),
    created  INTEGER NOT NULL          -- epoch ms
);

INSERT INTO store_created (only_row, created)
SELECT 1, COALESCE(MIN(first_seen), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) FROM item;
