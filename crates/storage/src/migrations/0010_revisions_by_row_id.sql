-- Revisions found by a number, not by comparing documents.
--
-- `revisions` was a table without row ids, keyed by (report, number): SQLite keeps such
-- a table as an index whose entries are whole rows, and to compare its key with an
-- entry larger than a page it loads the entry whole. Each revision is a report's text
-- (53 KB for the example), so finding, adding or dropping one loaded several documents
-- (about 85 µs a lookup; a save's insert and drop did it too), and the title, author
-- and session columns, added after `document`, lay behind it: listing the history
-- walked every document. The table is rebuilt with row ids (found by an integer key,
-- the documents untouched) and the document last, so the small columns come first in
-- the row. This copies every revision once.
CREATE TABLE revisions_by_row_id (
    id        INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    saved_at  TEXT    NOT NULL,
    title     TEXT    NOT NULL DEFAULT '',
    author    TEXT,
    entry     INTEGER NOT NULL DEFAULT 0,
    began     TEXT,
    document  TEXT    NOT NULL,
    UNIQUE (report_id, number)
) STRICT;
INSERT INTO revisions_by_row_id (report_id, number, saved_at, title, author, entry, began, document)
SELECT report_id, number, saved_at, title, author, entry, began, document FROM revisions
ORDER BY report_id, number;
DROP TABLE revisions;
ALTER TABLE revisions_by_row_id RENAME TO revisions;
CREATE INDEX revisions_by_entry ON revisions (report_id, entry);
