-- Version 7 (PostgreSQL): the regions in first-appearance order without reading every entry. See
-- ../sqlite/007-region-order.sql.
CREATE INDEX item_region_first ON item (region, seq) WHERE region <> '' AND merged_into IS NULL AND held_back = 0;
