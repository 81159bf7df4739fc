//! Repairs what docx-rs 0.4.22 writes against the WordprocessingML schema.
//!
//! The schema (ECMA-376 Part 1, wml.xsd, as Office's own validator reads it) declares the
//! children of property elements as sequences: `w:pStyle` first in `w:pPr`, `w:rFonts`
//! before `w:sz` in `w:rPr`, `w:tblStyle` first in `w:tblPr`, the footer reference first
//! in `w:sectPr`, `w:basedOn` early in `w:style`, … docx-rs writes them in its own
//! order, and a few things the schema has no place for. Word then offers to "repair" the
//! file. The repairs:
//! - children of the elements below are put in schema order (a stable sort, so
//!   repeated children keep their order);
//! - empty `w:rPr` elements are dropped: docx-rs writes one into every paragraph's,
//!   style's and numbering level's `w:pPr`, where styles and levels allow none, and into
//!   every run, where it says nothing;
//! - `w:gridCol` loses the `w:type` attribute, which the schema does not declare.

use super::xml::{Element, Node};

/// The children of each repaired element, in schema order. One list serves every context
/// of an element (`w:pPr` of a paragraph, a style or a numbering level): the contexts
/// allow subsets of it, in the same order.
#[rustfmt::skip]
fn schema_order(element: &str) -> Option<&'static [&'static str]> {
    Some(match element {
        "w:pPr" => &[
            "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
            "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
            "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
            "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
            "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
            "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
            "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
            "w:sectPr", "w:pPrChange",
        ],
        "w:rPr" => &[
            "w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rStyle", "w:rFonts", "w:b",
            "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
            "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
            "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position",
            "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
            "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
            "w:specVanish", "w:oMath", "w:rPrChange",
        ],
        "w:tblPr" => &[
            "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
            "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
            "w:tblCaption", "w:tblDescription", "w:tblPrChange",
        ],
        "w:tcPr" => &[
            "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
            "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
            "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
        ],
        // Header and footer references form a repeated choice, so any order of the two
        // is valid, as long as they come first.
        "w:sectPr" => &[
            "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr",
            "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType",
            "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
            "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
            "w15:footnoteColumns", "w:sectPrChange",
        ],
        "w:style" => &[
            "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine",
            "w:hidden", "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat",
            "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid",
            "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
        ],
        "w:lvl" => &[
            "w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:isLgl", "w:suff",
            "w:lvlText", "w:lvlPicBulletId", "w:legacy", "w:lvlJc", "w:pPr", "w:rPr",
        ],
        "w:numPr" => &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"],
        // A template's definitions and ours, merged.
        "w:numbering" => &["w:numPicBullet", "w:abstractNum", "w:num", "w:numIdMacAtCleanup"],
        "w:tblBorders" | "w:tcBorders" => &[
            "w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH",
            "w:insideV", "w:tl2br", "w:tr2bl",
        ],
        "w:tblCellMar" | "w:tcMar" => &["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
        "w:pBdr" => &["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"],
        // The settings docx-rs can write, and those around them.
        "w:settings" => &[
            "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
            "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
            "w:mirrorMargins", "w:gutterAtTop", "w:hideSpellingErrors",
            "w:hideGrammaticalErrors", "w:proofState", "w:trackRevisions",
            "w:documentProtection", "w:defaultTabStop", "w:autoHyphenation",
            "w:evenAndOddHeaders", "w:characterSpacingControl", "w:updateFields",
            "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
            "w:themeFontLang", "w:clrSchemeMapping", "w:decimalSymbol", "w:listSeparator",
            "w14:docId", "w15:docId",
        ],
        _ => return None,
    })
}

/// Applies every repair to `root` and all elements below it.
pub(crate) fn repair(root: &mut Element) {
    root.walk_mut(&mut |element| {
        element
            .children
            .retain(|child| !is_empty_run_properties(child));
        if element.name == "w:gridCol" {
            element.remove_attribute("w:type");
        }
        if let Some(order) = schema_order(&element.name) {
            put_in_order(element, order);
        }
    });
}

fn is_empty_run_properties(node: &Node) -> bool {
    node.as_element()
        .is_some_and(|element| element.name == "w:rPr" && element.children.is_empty())
}

/// Sorts the children of `element` by their place in `order`; anything not listed goes
/// last (and the validator test names it).
fn put_in_order(element: &mut Element, order: &[&str]) {
    let rank = |node: &Node| {
        node.as_element()
            .and_then(|child| order.iter().position(|name| *name == child.name))
            .unwrap_or(order.len())
    };
    if !element.children.is_sorted_by_key(rank) {
        element.children.sort_by_key(rank);
    }
}

#[cfg(test)]
mod tests {
    use super::super::xml::Part;
    use super::*;

    fn repaired(xml: &str) -> String {
        let mut part = Part::parse(xml.as_bytes()).unwrap();
        repair(&mut part.root);
        String::from_utf8(part.to_bytes()).unwrap()
    }

    #[test]
    fn paragraph_properties_in_schema_order() {
        // As docx-rs writes a styled, numbered paragraph.
        assert_eq!(
            repaired(
                r#"<w:p><w:pPr><w:rPr/><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="2"/><w:ilvl w:val="0"/></w:numPr><w:keepNext/></w:pPr><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>"#
            ),
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn run_properties_in_schema_order_and_paragraph_mark_properties_last() {
        assert_eq!(
            repaired(
                r#"<w:pPr><w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/><w:b/><w:rFonts w:ascii="A"/><w:rStyle w:val="S"/><w:lang w:val="en-US"/></w:rPr><w:jc w:val="right"/><w:spacing w:after="0"/></w:pPr>"#
            ),
            r#"<w:pPr><w:spacing w:after="0"/><w:jc w:val="right"/><w:rPr><w:rStyle w:val="S"/><w:rFonts w:ascii="A"/><w:b/><w:sz w:val="12"/><w:szCs w:val="12"/><w:lang w:val="en-US"/></w:rPr></w:pPr>"#
        );
    }

    #[test]
    fn style_children_in_schema_order() {
        // As docx-rs writes a table style: run and paragraph properties first, basedOn last.
        assert_eq!(
            repaired(
                r#"<w:style w:type="table" w:styleId="T"><w:name w:val="t"/><w:rPr/><w:pPr><w:rPr/><w:jc w:val="left"/></w:pPr><w:tcPr/><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblStyle w:val="X"/></w:tblPr><w:next w:val="Normal"/><w:qFormat/><w:basedOn w:val="Normal"/></w:style>"#
            ),
            r#"<w:style w:type="table" w:styleId="T"><w:name w:val="t"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="left"/></w:pPr><w:tblPr><w:tblStyle w:val="X"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tcPr/></w:style>"#
        );
    }

    #[test]
    fn table_properties_grid_and_cells() {
        assert_eq!(
            repaired(
                r#"<w:tbl><w:tblPr><w:tblW w:w="9637" w:type="dxa"/><w:jc w:val="left"/><w:tblBorders/><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="2698" w:type="dxa"/></w:tblGrid><w:tr><w:trPr/><w:tc><w:tcPr><w:shd w:val="clear" w:fill="D9D9D9"/><w:tcW w:w="2698" w:type="dxa"/><w:tcBorders><w:bottom w:val="nil"/><w:top w:val="nil"/></w:tcBorders></w:tcPr></w:tc></w:tr></w:tbl>"#
            ),
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9637" w:type="dxa"/><w:jc w:val="left"/><w:tblBorders/></w:tblPr><w:tblGrid><w:gridCol w:w="2698"/></w:tblGrid><w:tr><w:trPr/><w:tc><w:tcPr><w:tcW w:w="2698" w:type="dxa"/><w:tcBorders><w:top w:val="nil"/><w:bottom w:val="nil"/></w:tcBorders><w:shd w:val="clear" w:fill="D9D9D9"/></w:tcPr></w:tc></w:tr></w:tbl>"#
        );
    }

    #[test]
    fn section_and_numbering_level_in_schema_order() {
        assert_eq!(
            repaired(
                r#"<w:sectPr><w:pgSz w:w="11905"/><w:pgMar w:top="1417"/><w:cols w:space="425"/><w:docGrid w:type="lines"/><w:footerReference w:type="default" r:id="rIdFooter1"/></w:sectPr>"#
            ),
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="11905"/><w:pgMar w:top="1417"/><w:cols w:space="425"/><w:docGrid w:type="lines"/></w:sectPr>"#
        );
        assert_eq!(
            repaired(
                r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/><w:pPr><w:rPr/><w:ind w:left="420"/></w:pPr><w:rPr/></w:lvl>"#
            ),
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420"/></w:pPr></w:lvl>"#
        );
    }

    #[test]
    fn settings_in_schema_order() {
        assert_eq!(
            repaired(
                r#"<w:settings><w:defaultTabStop w:val="840"/><w:zoom w:percent="100"/><w:compat/></w:settings>"#
            ),
            r#"<w:settings><w:zoom w:percent="100"/><w:defaultTabStop w:val="840"/><w:compat/></w:settings>"#
        );
    }

    #[test]
    fn repeated_and_unknown_children_keep_their_order_after_known_ones() {
        assert_eq!(
            repaired(
                r#"<w:sectPr><w:x/><w:footerReference w:type="even"/><w:pgSz/><w:headerReference w:type="default"/><w:footerReference w:type="default"/></w:sectPr>"#
            ),
            r#"<w:sectPr><w:headerReference w:type="default"/><w:footerReference w:type="even"/><w:footerReference w:type="default"/><w:pgSz/><w:x/></w:sectPr>"#
        );
    }

    #[test]
    fn leaves_correct_and_unrelated_markup_alone() {
        let xml = r#"<w:body><w:p><w:pPr><w:pStyle w:val="A"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> a </w:t><w:br w:type="textWrapping"/></w:r></w:p></w:body>"#;
        assert_eq!(repaired(xml), xml);
    }
}
