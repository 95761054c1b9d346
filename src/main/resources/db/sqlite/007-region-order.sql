-- Version 7: publishing reads the list of regions without reading every entry. The region list is
-- in the order the regions first appeared (the lowest sequence number among each region's
-- entries); with this index each region's first entry is one seek, and the distinct regions are
-- found by seeking from one region to the next (ItemStore.regions), so the cost grows with the
-- number of regions, not of items. Before, a GROUP BY read every entry on every publication.
-- Partial, like the feeds it serves: only entries, only those with a region.
CREATE INDEX item_region_first ON item (region, seq) WHERE region <> '' AND merged_into IS NULL AND held_back = 0;
