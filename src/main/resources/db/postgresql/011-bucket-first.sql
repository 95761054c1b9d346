-- Version 11 (PostgreSQL): the headline bucket table's key begins with the bucket. The search for
-- an item's candidates (store.StoryMatcher) asks for twelve buckets in two or three weeks; with the
-- week first, a planner that has no statistics yet (a new database before autovacuum's first
-- ANALYZE, or one large save inside a single transaction) read every row of those weeks and
-- filtered the buckets, so a save got slower with every item it added: 2,000 new items in one save
-- took 17 s, 4.6 s with this key. Led by the bucket, the key can only be used by seeking the
-- buckets, whatever the planner knows. SQLite's planner seeks both lists already: its version 11
-- changes nothing.
ALTER TABLE lsh_bucket
    DROP CONSTRAINT lsh_bucket_by_seq_pkey,
    ADD CONSTRAINT lsh_bucket_pkey PRIMARY KEY (bucket, week, published, item_seq);
