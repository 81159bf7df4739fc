//! Where each node of the preview comes from: one origin per node, in the order of the
//! report, so that the editor's preview can follow the part being edited.

use rapporteur_format::read_report;
use rapporteur_model::Block;
use rapporteur_prose::{generate, preview, Node};

const EXAMPLE: &str = include_str!("../../../examples/sg17-2025-12.report.json");

#[test]
fn every_node_names_the_section_and_block_it_is_printed_from() {
    let report = read_report(EXAMPLE).unwrap();
    let preview = preview(&report);
    assert_eq!(preview.document, generate(&report));
    assert_eq!(preview.origins.len(), preview.document.body.len());

    let mut headings = 0;
    for (node, origin) in preview.document.body.iter().zip(&preview.origins) {
        let mut sections = &report.sections;
        let mut section = None;
        for &i in &origin.section {
            let s = &sections[i as usize];
            sections = &s.sections;
            section = Some(s);
        }
        let section = section.expect("a node of the body is in a section");
        match (node, origin.block) {
            (Node::Heading(heading), None) => {
                headings += 1;
                assert_eq!(heading.level as usize, origin.section.len());
            }
            // The Working Party's sentence is its section's own.
            (Node::Paragraph { .. }, None) => assert!(section.working_party.is_some()),
            (node, Some(b)) => match (&section.blocks[b as usize], node) {
                (Block::Bullets { items, .. }, Node::Bullet { text, .. }) => {
                    assert!(items.contains(text))
                }
                (Block::Paragraph { text, .. }, Node::Paragraph { text: printed }) => {
                    assert_eq!(text, printed)
                }
                (Block::Question(q), Node::Bullet { text, .. } | Node::Paragraph { text }) => {
                    assert!(text.contains(&format!("課題{}", q.number)), "{text}")
                }
                (Block::Schedule(s), Node::Table(table)) => {
                    assert_eq!(s.rows.len(), table.rows.len())
                }
                (Block::Summary { .. }, Node::Paragraph { .. }) => {}
                (block, node) => panic!("{node:?} printed from {block:?}"),
            },
            (node, None) => panic!("{node:?} printed from no block"),
        }
    }
    assert!(headings > 5);
}
