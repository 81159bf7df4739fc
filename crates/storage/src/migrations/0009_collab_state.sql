-- Co-authoring documents that load quickly whatever their history (docs/collaboration.md).
-- `state` is the document's state alone (a Loro shallow snapshot), holding the updates up
-- to `state_seq`: a save loads it and the updates after it, not the whole history, which
-- only a share or a merge needs. NULL until first written (a save then loads the
-- snapshot). `snapshot_seq` is the last update folded into `snapshot` by a compaction,
-- which deletes the updates up to it: update numbers keep growing across compactions, so
-- a store that kept a document loaded can tell whether it is still the stored one.

ALTER TABLE collab_documents ADD COLUMN state BLOB;
ALTER TABLE collab_documents ADD COLUMN state_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE collab_documents ADD COLUMN snapshot_seq INTEGER NOT NULL DEFAULT 0;
