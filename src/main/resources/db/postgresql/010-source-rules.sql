-- Version 10: the rules (the source's settings and the build of Rundschau) under which a source's
-- page was last extracted (refresh.SourceRefresher). The stored validators and body hash hold only
-- under those rules: before this version a server answering 304 kept a page from being read again
-- after its selectors changed or Rundschau was upgraded. '' for rows written before: such a source is
-- fetched once without validators and extracted again.
ALTER TABLE source_status ADD COLUMN rules_hash TEXT NOT NULL DEFAULT '';
