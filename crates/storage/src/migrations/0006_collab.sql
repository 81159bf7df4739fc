-- Co-authoring (docs/collaboration.md): each report's CRDT document, as a snapshot and
-- the updates appended since, each update written in the transaction of the revision it
-- produced. The installation's peer identity (`collab.peer` in settings) is made from
-- the system's random source by the first edit that needs it.

CREATE TABLE collab_documents (
    report_id   INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    -- The same in every co-author's copy of the report: how an imported share file
    -- finds the report it is a copy of.
    document_id TEXT    NOT NULL,
    snapshot    BLOB    NOT NULL
) STRICT;

CREATE INDEX collab_documents_by_document ON collab_documents (document_id);

CREATE TABLE collab_updates (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    bytes     BLOB    NOT NULL,
    PRIMARY KEY (report_id, seq)
) STRICT, WITHOUT ROWID;
