-- Version 9 (PostgreSQL): what the last publication into an output folder rendered. See
-- ../sqlite/009-publication-memo.sql.
CREATE TABLE publication_memo (
    output TEXT  NOT NULL PRIMARY KEY,
    build  TEXT  NOT NULL,
    memo   BYTEA NOT NULL
);
