-- Version 3 (PostgreSQL): a publication order for feed archives (RFC 5005), and indexes for the
-- per-region and per-source feeds. See ../sqlite/003-item-sequence.sql.
--
-- seq is given as in SQLite, the highest so far plus one, rather than by a SEQUENCE: a sequence
-- leaves gaps on rollback and, with writers on several nodes, hands out numbers in an order other
-- than the commit order. Every write transaction holds the store's advisory write lock
-- (store.Database), so numbers are given one at a time and never reused; the unique index would
-- refuse a repeated one anyway.
ALTER TABLE item ADD COLUMN seq BIGINT;

UPDATE item SET seq = numbered.n
FROM (SELECT source_id, item_key, ROW_NUMBER() OVER (ORDER BY first_seen, source_id, item_key) AS n FROM item) AS numbered
WHERE item.source_id = numbered.source_id AND item.item_key = numbered.item_key;

CREATE UNIQUE INDEX item_seq ON item (seq);

CREATE FUNCTION item_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq IS NULL THEN
        NEW.seq := (SELECT COALESCE(MAX(seq), 0) + 1 FROM item);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER item_seq_on_insert BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION item_next_seq();

CREATE INDEX item_region_newest ON item (region, published DESC, entry_id);
CREATE INDEX item_source_newest ON item (source_id, published DESC, entry_id);
