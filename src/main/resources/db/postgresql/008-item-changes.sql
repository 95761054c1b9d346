-- Version 8 (PostgreSQL): a count of the writes to item, for publishing to skip rendering feeds
-- that cannot have changed. See ../sqlite/008-item-changes.sql. Row triggers, as there: a
-- statement trigger would count an UPDATE that matched no row.
CREATE TABLE item_changes (
    only_row INTEGER NOT NULL PRIMARY KEY CHECK (only_row = 1),
    count    BIGINT  NOT NULL
);

INSERT INTO item_changes (only_row, count) VALUES (1, 0);

CREATE FUNCTION item_changes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE item_changes SET count = count + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER item_changes_on_write AFTER INSERT OR UPDATE OR DELETE ON item
    FOR EACH ROW EXECUTE FUNCTION item_changes_count();
