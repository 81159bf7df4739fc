//! The order of JSON paths in the document, so that findings read from top to bottom.

/// Every field name of the file format, in an order that agrees with the order of the
/// fields inside each object (FORMAT.md): `title` before `meeting` before `sections` at
/// the top, `heading` before `working_party` before `blocks` in a section, `id` before
/// `title` in an outcome, and so on. Names shared by several objects sit where each of
/// those orders allows.
const FIELDS: &[&str] = &[
    "format",
    "version",
    "number",
    "id",
    "title",
    "language",
    "style",
    "authors",
    "name",
    "reading",
    "heading",
    "working_party",
    "intro",
    "caption",
    "rows",
    "meeting",
    "organization",
    "department",
    "position",
    "group",
    "group_topic",
    "ordinal",
    "start",
    "end",
    "city",
    "country",
    "site",
    "mode",
    "home_country",
    "participants",
    "contributions",
    "total",
    "on_site",
    "remote",
    "home",
    "home_note",
    "delegations",
    "temporary_documents",
    "venue",
    "content",
    "scope",
    "outcomes",
    "action",
    "process",
    "document",
    "gloss",
    "discussed",
    "note",
    "text",
    "items",
    "blocks",
    "sections",
];

/// One step of a path: a field (by its place in [`FIELDS`]) or an array index.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    Field(usize),
    Index(usize),
}

/// A key that sorts `path` among the others in document order: a field before what is
/// inside it, earlier fields and indexes first.
pub(crate) fn document_order(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        let name = pieces.next().unwrap_or_default();
        let rank = FIELDS.iter().position(|f| *f == name);
        debug_assert!(
            rank.is_some(),
            "a path with a field the format does not have: {path}"
        );
        steps.push(Step::Field(rank.unwrap_or(FIELDS.len())));
        for index in pieces {
            let index = index.trim_end_matches(']').parse().unwrap_or(usize::MAX);
            steps.push(Step::Index(index));
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    fn compare(a: &str, b: &str) -> Ordering {
        document_order(a).cmp(&document_order(b))
    }

    #[test]
    fn paths_sort_as_the_document_reads() {
        let ordered = [
            "title",
            "meeting.start",
            "meeting.end",
            "meeting.participants.total",
            "meeting.participants.home",
            "meeting.contributions.home",
            "sections[0]",
            "sections[0].heading",
            "sections[0].blocks[0].text",
            "sections[0].blocks[2].items[1]",
            "sections[0].blocks[10].text",
            "sections[0].sections[0]",
            "sections[2].sections[0].blocks[1].outcomes[0].id",
            "sections[2].sections[0].blocks[1].outcomes[0].title",
            "sections[2].sections[0].blocks[1].outcomes[0].action",
            "sections[2].sections[0].blocks[1].outcomes[1].id",
            "sections[2].sections[0].blocks[1].note",
            "sections[2].sections[0].blocks[1].text",
            "sections[3].blocks[2].caption",
            "sections[3].blocks[2].rows[0].meeting",
            "sections[3].blocks[2].rows[0].start",
            "sections[3].blocks[2].rows[0].end",
            "sections[3].blocks[2].rows[0].content",
            "sections[3].blocks[2].rows[1].start",
            "sections[10]",
        ];
        for pair in ordered.windows(2) {
            assert_eq!(compare(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
    }
}
