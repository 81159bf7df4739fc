-- Templates and full-text search.
--
-- A template is a report's structure saved under a name (see docs/storage.md). It is a
-- row of `reports` with revisions like any report, so it is saved, read, exported and
-- restored the same way; `template_name` marks it, and keeps it out of the library, the
-- registry of work items and search.
ALTER TABLE reports ADD COLUMN template_name TEXT;

CREATE UNIQUE INDEX reports_by_template_name ON reports (template_name)
    WHERE template_name IS NOT NULL;

-- Every piece of text of the newest revision of every report, one row each, derived in
-- the same transaction as the save like `outcomes`: where it is (JSON path, the kind of
-- part, the section's number and heading, the Question), to open the report there.
CREATE TABLE search_parts (
    id        INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    path      TEXT    NOT NULL,
    part      TEXT    NOT NULL,
    section   TEXT,
    question  INTEGER,
    text      TEXT    NOT NULL
) STRICT;

CREATE INDEX search_parts_by_report ON search_parts (report_id);

-- The trigram tokenizer finds any substring of 3 characters or more, Japanese included,
-- without word segmentation; shorter queries scan `search_parts` with LIKE instead.
-- External content: the text is stored once, in `search_parts`; the triggers keep the
-- index in step with it.
CREATE VIRTUAL TABLE search_index USING fts5 (
    text,
    content = 'search_parts',
    content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER search_parts_indexed AFTER INSERT ON search_parts BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER search_parts_unindexed AFTER DELETE ON search_parts BEGIN
    INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- The reports already stored are indexed by the store right after this migration, in
-- the same transaction: reading their documents needs the format's reader.
