-- What makes the id suggestions and search answer without reading every row.
--
-- `outcomes.meeting_start` is the report's meeting start beside each of its work items,
-- written with them (a copy of `reports.start_date`), so that one index orders every
-- use of an id the way its history reads, the most recent meeting first: the latest
-- title of an id is the first entry of that index, not a sort of all its uses.
ALTER TABLE outcomes ADD COLUMN meeting_start TEXT;

UPDATE outcomes SET meeting_start = (SELECT start_date FROM reports r WHERE r.id = outcomes.report_id);

-- NULLs sort last in a descending order: reports without a start date come last.
CREATE INDEX outcomes_by_item_history ON outcomes (item_id, meeting_start DESC, report_id DESC, position);

DROP INDEX outcomes_by_item_id;

-- Every work-item id some report uses (in the library, deleted or a template: the
-- queries filter), once: the suggestions match the query against these few thousand
-- ids instead of every use. Kept by triggers on `outcomes`, in the transaction that
-- writes them.
CREATE TABLE work_items (
    item_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

INSERT INTO work_items (item_id) SELECT DISTINCT item_id FROM outcomes WHERE item_id IS NOT NULL;

CREATE TRIGGER work_item_used AFTER INSERT ON outcomes WHEN new.item_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO work_items (item_id) VALUES (new.item_id);
END;

CREATE TRIGGER work_item_unused AFTER DELETE ON outcomes WHEN old.item_id IS NOT NULL BEGIN
    DELETE FROM work_items WHERE item_id = old.item_id
        AND NOT EXISTS (SELECT 1 FROM outcomes WHERE item_id = old.item_id);
END;

-- A part's place in its report's document order. A save rewrites only the parts whose
-- text changed (the others keep their row, and their place in the full-text index), so
-- row ids no longer follow the document; this does. Rows so far were written in
-- document order, report by report.
ALTER TABLE search_parts ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

UPDATE search_parts SET position = ranked.position
FROM (SELECT id, row_number() OVER (PARTITION BY report_id ORDER BY id) - 1 AS position
      FROM search_parts) AS ranked
WHERE ranked.id = search_parts.id;
