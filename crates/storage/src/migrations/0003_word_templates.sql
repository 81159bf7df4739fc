-- Journal Word templates (.docx, .dotx) that reports are exported into.
--
-- The file's bytes are kept, not its path: a journal's template is often a mail
-- attachment opened from Downloads, then moved or deleted, and an export must not
-- depend on where it was. Bytes are stored once however many reports use them (the
-- same content is found by comparing it), and a template no report uses and that is
-- not the library default is dropped in the transaction that stops its last use.
CREATE TABLE word_templates (
    id              INTEGER PRIMARY KEY,
    -- The file's name when it was chosen, to show the user which template it is.
    file_name       TEXT    NOT NULL,
    added_at        TEXT    NOT NULL,
    content         BLOB    NOT NULL,
    -- 1 for the library default, the template of every report that chose none.
    library_default INTEGER NOT NULL DEFAULT 0 CHECK (library_default IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX word_templates_one_default ON word_templates (library_default)
    WHERE library_default = 1;

-- The Word template each report chose; `template_id` NULL: Rapporteur's own style,
-- chosen for this report. A report without a row follows the library default.
CREATE TABLE report_word_templates (
    report_id   INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    template_id INTEGER REFERENCES word_templates (id)
) STRICT;

CREATE INDEX report_word_templates_by_template ON report_word_templates (template_id);
