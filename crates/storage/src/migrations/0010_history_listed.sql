-- The history listed without reading a document.
--
-- `title`, `author`, `entry` and `began` came to `revisions` after `document`, so SQLite
-- stores them behind the report's text, on the last of its overflow pages: listing them
-- walked every revision's whole chain (about 13 pages of 4 KB for the example), 10 ms
-- for 200 revisions. This index holds everything the history and its entries list, in
-- revision order; creating it reads each stored revision once.
CREATE INDEX revisions_listed ON revisions (report_id, number, saved_at, title, author, entry, began);
