-- Terms of two characters found through an index (`量子 課題`).
--
-- The trigram index cannot look up a term shorter than three characters, so a query of
-- such terms scanned `search_parts` newest first until enough rows held them all: tens
-- of thousands of rows for two terms that meet rarely. `search_pairs` holds, for each
-- row of `search_parts` (same row id), every two neighbouring characters of its text as
-- one token (`量子鍵` is `量子 子鍵`; written by the store, which makes the pairs).
-- Tokens hold no position (`detail = none`): a term is one token. The `ascii` tokenizer
-- folds ASCII letters only, as LIKE does, and keeps every other character as it is.
-- No copy of the text (`content = ''`); a row is removed by its id.
CREATE VIRTUAL TABLE search_pairs USING fts5 (
    pairs,
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = 'ascii'
);
CREATE TRIGGER search_parts_unpaired AFTER DELETE ON search_parts BEGIN
    DELETE FROM search_pairs WHERE rowid = old.id;
END;
-- The rows already stored are paired by the store right after this, in the same
-- transaction.
