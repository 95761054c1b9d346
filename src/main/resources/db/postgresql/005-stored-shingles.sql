-- Version 5 (PostgreSQL): each item's folded headline and teaser. See ../sqlite/005-stored-shingles.sql.
ALTER TABLE item ADD COLUMN shingles BYTEA;
