-- One name for one instant: a report's last save is the moment its newest revision was
-- saved, which `revisions` calls `saved_at`; the library's column was `updated_at`.
ALTER TABLE reports RENAME COLUMN updated_at TO saved_at;
