-- A history people can read.
--
-- Every acknowledged save stays a revision (crash safety), but the history shows the
-- saves of one working session as one entry. `revisions.entry` is the number of the
-- entry's first revision; `began` says, on that first revision, why a new entry began
-- there (created, opened, pause, export, restore, merge). The title and author sit beside
-- each revision so that listing the history reads no document.

ALTER TABLE revisions ADD COLUMN title TEXT NOT NULL DEFAULT '';
-- Who saved it, once the installation knows its author (co-authoring); unknown before.
ALTER TABLE revisions ADD COLUMN author TEXT;
ALTER TABLE revisions ADD COLUMN entry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE revisions ADD COLUMN began TEXT;

UPDATE revisions SET title = coalesce(json_extract(document, '$.title'), '');

-- The revisions saved before: one entry per run of saves with no pause of more than ten
-- minutes between two of them (the pause that starts a new entry from now on).
UPDATE revisions SET entry = starts.entry, began = starts.began
FROM (
    SELECT report_id, number,
           max(starts) OVER (PARTITION BY report_id ORDER BY number) AS entry,
           CASE WHEN starts IS NULL THEN NULL
                WHEN number = 1 THEN 'created'
                ELSE 'pause' END AS began
    FROM (
        SELECT report_id, number, previous,
               CASE WHEN previous IS NULL
                      OR (julianday(saved_at) - julianday(previous)) * 1440 > 10
                    THEN number END AS starts
        FROM (
            SELECT report_id, number, saved_at,
                   lag(saved_at) OVER (PARTITION BY report_id ORDER BY number) AS previous
            FROM revisions
        )
    )
) AS starts
WHERE revisions.report_id = starts.report_id AND revisions.number = starts.number;

CREATE INDEX revisions_by_entry ON revisions (report_id, entry);

-- Set by an opening, an export, a restore or a merge: the next save starts a new entry,
-- and this says why.
ALTER TABLE reports ADD COLUMN entry_break TEXT;

-- What changed in each entry, worked out from the documents at its start and its end
-- the first time the history is shown, and kept: `last` is the revision it runs to, so
-- an entry that has grown since is worked out again.
CREATE TABLE entry_changes (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    entry     INTEGER NOT NULL,
    last      INTEGER NOT NULL,
    changes   TEXT    NOT NULL,
    PRIMARY KEY (report_id, entry)
) STRICT;
