-- Version 8: a count of the writes to item, so that publishing can tell with one read that nothing
-- a feed shows changed since it last rendered the feeds (refresh.Republisher), and skip rendering
-- them: in a cycle where no source brought anything new, rendering every feed only to find the
-- same bytes was most of the cycle's CPU. Every feed is read from item alone. Triggers keep the
-- count, so every statement that writes an item row counts, whatever code runs it; on PostgreSQL
-- the table is shared by the nodes of a cluster like the items.
--
-- Row triggers: a statement that writes no row leaves the count alone. Writes to item run one at a
-- time (one writer in SQLite; the store's write lock on PostgreSQL), so the single row is no
-- bottleneck. The count only ever grows; its value means nothing but "changed or not".
CREATE TABLE item_changes (
    only_row INTEGER NOT NULL PRIMARY KEY CHECK (only_row = 1),
    count    INTEGER NOT NULL
);

INSERT INTO item_changes (only_row, count) VALUES (1, 0);

CREATE TRIGGER item_changes_on_insert AFTER INSERT ON item
BEGIN
    UPDATE item_changes SET count = count + 1;
END;

CREATE TRIGGER item_changes_on_update AFTER UPDATE ON item
BEGIN
    UPDATE item_changes SET count = count + 1;
END;

CREATE TRIGGER item_changes_on_delete AFTER DELETE ON item
BEGIN
    UPDATE item_changes SET count = count + 1;
END;
