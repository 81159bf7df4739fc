-- Shared folders (docs/collaboration.md, "A shared folder"): the folder a report is
-- linked to, which the co-authors' installations sync among themselves, and what the
-- last look at it found.

CREATE TABLE collab_folders (
    report_id    INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    -- As the user's system writes it.
    dir          TEXT    NOT NULL,
    -- When the folder was last read and written (RFC 3339, UTC).
    synced_at    TEXT,
    -- When co-authors' edits last came in from it, and whose (names joined by ", ";
    -- empty when they gave none).
    arrived_at   TEXT,
    arrived_from TEXT
) STRICT;
