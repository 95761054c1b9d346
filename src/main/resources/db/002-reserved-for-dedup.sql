-- Placeholder: number 002 belongs to the dedup branch (issue 4), which was not merged when the feeds
-- branch (issue 6) took 003. Migrations must be numbered without gaps, so this keeps the feeds branch
-- runnable on its own. When merging: drop this file and its line in migrations.txt, keep dedup's 002.
-- It changes nothing.
DROP TABLE IF EXISTS reserved_for_dedup_002;
