-- Version 9: what the last publication into an output folder rendered (refresh.Republisher), so
-- that a new process, above all a cron `once`, need not render every feed again to find the same
-- bytes: with 1,000 sources that was about a second of CPU per run even when nothing had changed
-- (docs/benchmarks.md). One row per output folder. The memo is only a shortcut: it is used only by
-- the same build of Rundschau (build), and only while the store's change count and every file it
-- names are as it records; a row missing, of another build or unreadable means "render everything",
-- which is what happened before this version.
CREATE TABLE publication_memo (
    output TEXT NOT NULL PRIMARY KEY,   -- the output folder, absolute
    build  TEXT NOT NULL,               -- the build of Rundschau that rendered it (cli.Version.build)
    memo   BLOB NOT NULL                -- refresh.Republisher's record of the files, see there
);
