-- Reports, their revisions, and what is derived from the newest revision.
--
-- The source of truth is `revisions.document`: the whole report in the public file
-- format v1, one row per save. Everything else is derived from the head revision in
-- the same transaction as the save, so it can always be rebuilt:
--   * the summary columns of `reports`, for the library list without parsing JSON;
--   * `outcomes`, one row per work item, for the registry of ids and titles and for
--     search across reports.

CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    -- Set when deleted: the report leaves the library but can be brought back.
    deleted_at    TEXT,
    head_revision INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    organization  TEXT    NOT NULL,
    group_name    TEXT    NOT NULL,
    ordinal       INTEGER,
    start_date    TEXT,
    end_date      TEXT
) STRICT;

CREATE TABLE revisions (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    saved_at  TEXT    NOT NULL,
    document  TEXT    NOT NULL,
    PRIMARY KEY (report_id, number)
) STRICT, WITHOUT ROWID;

CREATE TABLE outcomes (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    -- JSON path of the outcome in the report, to open the report at that place.
    path      TEXT    NOT NULL,
    question  INTEGER NOT NULL,
    item_id   TEXT,
    title     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    process   TEXT,
    document  TEXT,
    PRIMARY KEY (report_id, position)
) STRICT;

CREATE INDEX outcomes_by_item_id ON outcomes (item_id);

-- Small facts about this database, such as whether the example report was added.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
