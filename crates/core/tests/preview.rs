//! The live preview kept between edits (`Previewer`): each edit sent as the parts it
//! replaced, each answer applied to the preview the editor holds, gives the preview of
//! the edited report, node for node; a request on a report the preview no longer holds is
//! answered `Stale`.

use rapporteur_core::{PreviewRequest, PreviewUpdate, Previewer, ReportChange};
use rapporteur_model::{Block, Language, Report, Section};
use rapporteur_prose::Preview;
use serde_json::Value;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

fn example() -> Report {
    rapporteur_format::read_report(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap()
}

/// The parts of `after` that differ from `before`, as the editor sends them: a value
/// whose keys or length changed is sent whole, at its place.
fn changes(before: &Value, after: &Value, pointer: &str, out: &mut Vec<ReportChange>) {
    match (before, after) {
        _ if before == after => {}
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                changes(x, y, &format!("{pointer}/{i}"), out);
            }
        }
        (Value::Object(a), Value::Object(b)) if a.keys().eq(b.keys()) => {
            for (key, x) in a {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                changes(x, &b[key], &format!("{pointer}/{escaped}"), out);
            }
        }
        _ => out.push(ReportChange {
            pointer: pointer.to_string(),
            value: after.to_string(),
        }),
    }
}

/// The editor's side: the preview it holds and the version it names.
struct Editor {
    version: u32,
    preview: Preview,
    report: Report,
}

impl Editor {
    fn open(previewer: &mut Previewer, report: Report) -> Editor {
        match previewer.follow(PreviewRequest::Whole {
            report: Box::new(report.clone()),
        }) {
            PreviewUpdate::Whole { version, preview } => Editor {
                version,
                preview,
                report,
            },
            other => panic!("a whole report gives its whole preview, not {other:?}"),
        }
    }

    /// Sends `edit`'s changes; returns how many nodes came back.
    fn edit(&mut self, previewer: &mut Previewer, edit: impl FnOnce(&mut Report)) -> usize {
        let mut after = self.report.clone();
        edit(&mut after);
        let mut sent = Vec::new();
        changes(
            &serde_json::to_value(&self.report).unwrap(),
            &serde_json::to_value(&after).unwrap(),
            "",
            &mut sent,
        );
        let update = previewer.follow(PreviewRequest::Changes {
            base: self.version,
            changes: sent,
        });
        let PreviewUpdate::Changed {
            version,
            title,
            authors,
            language,
            preset,
            meeting_start,
            start,
            removed,
            nodes,
            origins,
        } = update
        else {
            panic!("changes to the report held give what changed, not {update:?}");
        };
        let (start, removed) = (start as usize, removed as usize);
        let returned = nodes.len();
        let document = &mut self.preview.document;
        document.body.splice(start..start + removed, nodes);
        self.preview.origins.splice(start..start + removed, origins);
        (document.title, document.authors) = (title, authors);
        (document.language, document.preset) = (language, preset);
        document.meeting_start = meeting_start;
        self.version = version;
        self.report = after;
        assert_eq!(self.preview, rapporteur_prose::preview(&self.report));
        returned
    }
}

fn first_paragraph(report: &mut Report) -> &mut String {
    report
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .find_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text),
            _ => None,
        })
        .expect("the example has a paragraph")
}

#[test]
fn a_keystroke_comes_back_as_the_one_node_it_changed() {
    let mut previewer = Previewer::default();
    let mut editor = Editor::open(&mut previewer, example());
    let body = editor.preview.document.body.len();
    for kana in ["あ", "い", "う"] {
        let returned = editor.edit(&mut previewer, |r| first_paragraph(r).push_str(kana));
        assert_eq!(returned, 1, "only the paragraph typed into comes back");
    }
    assert_eq!(editor.preview.document.body.len(), body);
}

#[test]
fn structural_edits_and_the_documents_head_follow() {
    let mut previewer = Previewer::default();
    let mut editor = Editor::open(&mut previewer, example());
    editor.edit(&mut previewer, |r| r.title.push_str("（案）"));
    editor.edit(&mut previewer, |r| r.authors.reverse());
    // A section added at the top renumbers every heading after it.
    editor.edit(&mut previewer, |r| {
        let section = Section {
            heading: Some("はじめに".into()),
            blocks: vec![Block::Paragraph {
                uid: Default::default(),
                text: "新しい段落".into(),
                boilerplate: false,
            }],
            ..Section::default()
        };
        r.sections.insert(0, section);
    });
    editor.edit(&mut previewer, |r| {
        r.sections.remove(0);
    });
    editor.edit(&mut previewer, |r| {
        let last = r.sections.len() - 1;
        r.sections[last].blocks.clear();
    });
    // Another language words every generated sentence anew.
    editor.edit(&mut previewer, |r| r.language = Language::En);
    editor.edit(&mut previewer, |r| r.meeting.start = None);
}

#[test]
fn a_request_on_a_report_no_longer_held_is_stale_until_it_is_sent_whole() {
    let mut previewer = Previewer::default();
    let first = Editor::open(&mut previewer, example());
    // Another report opened since: the first editor's version is not the one held.
    let mut other = example();
    other.title = "別の報告".into();
    let second = Editor::open(&mut previewer, other);
    assert_ne!(first.version, second.version);
    let text = ReportChange {
        pointer: "/title".into(),
        value: "\"題\"".into(),
    };
    let request = |base| PreviewRequest::Changes {
        base,
        changes: vec![text.clone()],
    };
    assert_eq!(
        previewer.follow(request(first.version)),
        PreviewUpdate::Stale
    );

    // A change at a place the report does not have, or a value it cannot hold, is not
    // half-applied: the report is dropped, and only a whole one is followed again.
    let nowhere = ReportChange {
        pointer: "/sections/999/heading".into(),
        value: "\"x\"".into(),
    };
    let wrong = ReportChange {
        pointer: "/sections".into(),
        value: "42".into(),
    };
    for bad in [nowhere, wrong] {
        let held = Editor::open(&mut previewer, example());
        let update = previewer.follow(PreviewRequest::Changes {
            base: held.version,
            changes: vec![text.clone(), bad],
        });
        assert_eq!(update, PreviewUpdate::Stale);
        assert_eq!(
            previewer.follow(request(held.version)),
            PreviewUpdate::Stale
        );
    }
    let mut again = Editor::open(&mut previewer, example());
    again.edit(&mut previewer, |r| r.title = "題".into());
}
