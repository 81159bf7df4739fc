//! A minimal element tree for the XML parts docx-rs writes and those of a template:
//! enough to move, drop and add elements, and to write the part back byte for byte
//! where nothing changed. A template may come from anywhere, so reading is bounded: no
//! DOCTYPE (entity expansion), no entity but XML's five, no nesting deeper than
//! `rapporteur_wordzip::MAX_DEPTH`.
//!
//! Text and attribute values are kept exactly as written (still escaped), so what is not
//! touched is never unescaped and escaped again; values set here are escaped on the way
//! in. Element names are kept with their prefixes (`w:pPr`): docx-rs always binds the
//! same prefixes to the same namespaces, and the parts are only ever compared with its
//! output.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::DocxError;

/// An XML part: its declaration (if any) and its root element.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    declaration: Option<String>,
    pub(crate) root: Element,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    pub(crate) name: String,
    /// Names and raw (escaped) values, in document order.
    attributes: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    /// Text, an entity or character reference, CDATA or a comment, kept verbatim.
    Raw(String),
}

impl Node {
    pub(crate) fn as_element(&self) -> Option<&Element> {
        match self {
            Node::Element(element) => Some(element),
            Node::Raw(_) => None,
        }
    }

    pub(crate) fn as_element_mut(&mut self) -> Option<&mut Element> {
        match self {
            Node::Element(element) => Some(element),
            Node::Raw(_) => None,
        }
    }
}

/// Why a part could not be read. Of docx-rs's parts, a bug; of a template's, bad input.
#[derive(Debug)]
pub(crate) enum ParseError {
    Xml(quick_xml::Error),
    /// Not exactly one root element.
    NotOneElement,
    Doctype,
    /// A reference to an entity XML does not predefine.
    Entity(String),
    TooDeep,
}

impl From<quick_xml::Error> for ParseError {
    fn from(error: quick_xml::Error) -> Self {
        ParseError::Xml(error)
    }
}

impl From<quick_xml::events::attributes::AttrError> for ParseError {
    fn from(error: quick_xml::events::attributes::AttrError) -> Self {
        ParseError::Xml(error.into())
    }
}

impl ParseError {
    pub(crate) fn in_part(self, part: &str) -> DocxError {
        match self {
            ParseError::Xml(source) => DocxError::Xml {
                part: part.to_owned(),
                source,
            },
            ParseError::NotOneElement => DocxError::Unexpected {
                part: part.to_owned(),
                problem: "is not one XML element",
            },
            ParseError::Doctype | ParseError::Entity(_) | ParseError::TooDeep => {
                DocxError::Unexpected {
                    part: part.to_owned(),
                    problem: "has markup docx-rs never writes",
                }
            }
        }
    }
}

impl Element {
    pub(crate) fn new(name: &str) -> Self {
        Element {
            name: name.to_owned(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// With attribute `name` set to `value` (unescaped; escaped here).
    pub(crate) fn with_attribute(mut self, name: &str, value: &str) -> Self {
        self.set_attribute(name, value);
        self
    }

    pub(crate) fn with_child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// With `text` (unescaped; escaped here) appended to its content.
    pub(crate) fn with_text(mut self, text: &str) -> Self {
        self.children
            .push(Node::Raw(quick_xml::escape::escape(text).into_owned()));
        self
    }

    /// The raw (escaped) value of attribute `name`.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub(crate) fn set_attribute(&mut self, name: &str, value: &str) {
        let value = quick_xml::escape::escape(value).into_owned();
        match self.attributes.iter_mut().find(|(key, _)| key == name) {
            Some((_, old)) => *old = value,
            None => self.attributes.push((name.to_owned(), value)),
        }
    }

    pub(crate) fn remove_attribute(&mut self, name: &str) {
        self.attributes.retain(|(key, _)| key != name);
    }

    /// Keeps the attributes whose names `keep` accepts.
    pub(crate) fn retain_attributes(&mut self, keep: impl Fn(&str) -> bool) {
        self.attributes.retain(|(key, _)| keep(key));
    }

    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(Node::as_element)
    }

    pub(crate) fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(Node::as_element_mut)
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|child| child.name == name)
    }

    pub(crate) fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|child| child.name == name)
    }

    /// The child `name`, inserted first if missing.
    pub(crate) fn first_child_or_insert(&mut self, name: &str) -> &mut Element {
        let index = match self
            .children
            .iter()
            .position(|node| node.as_element().is_some_and(|child| child.name == name))
        {
            Some(index) => index,
            None => {
                self.children.insert(0, Node::Element(Element::new(name)));
                0
            }
        };
        self.children[index]
            .as_element_mut()
            .expect("the node at this index is an element")
    }

    /// Visits this element and every element below it, parents before children.
    pub(crate) fn walk_mut(&mut self, visit: &mut impl FnMut(&mut Element)) {
        visit(self);
        for child in self.elements_mut() {
            child.walk_mut(visit);
        }
    }

    /// Visits this element and every element below it, parents before children.
    pub(crate) fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Element)) {
        visit(self);
        for child in self.elements() {
            child.walk(visit);
        }
    }

    /// The value of attribute `name` unescaped (as a reader sees it).
    pub(crate) fn attribute_text(&self, name: &str) -> Option<String> {
        self.attribute(name).map(unescape)
    }

    /// Drops the children named `name`.
    pub(crate) fn remove_children(&mut self, name: &str) {
        self.children
            .retain(|node| node.as_element().is_none_or(|child| child.name != name));
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (name, value) in &self.attributes {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            out.push_str(value);
            out.push('"');
        }
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for child in &self.children {
            match child {
                Node::Element(element) => element.write(out),
                Node::Raw(raw) => out.push_str(raw),
            }
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }
}

impl Part {
    /// A part with the declaration docx-rs writes.
    pub(crate) fn with_declaration(root: Element) -> Part {
        Part {
            declaration: Some(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.to_owned(),
            ),
            root,
        }
    }

    pub(crate) fn parse(bytes: &[u8]) -> Result<Part, ParseError> {
        let mut reader = Reader::from_reader(bytes);
        let mut declaration = None;
        // The open elements; the root is the first, and the last one closed.
        let mut stack: Vec<Element> = Vec::new();
        loop {
            let event = reader.read_event()?;
            let node = match event {
                Event::Decl(decl) => {
                    declaration = Some(format!("<?{}?>", utf8(&decl)?));
                    continue;
                }
                Event::Start(start) => {
                    if stack.len() >= rapporteur_wordzip::MAX_DEPTH {
                        return Err(ParseError::TooDeep);
                    }
                    stack.push(start_element(&start)?);
                    continue;
                }
                Event::Empty(start) => Node::Element(start_element(&start)?),
                Event::End(_) => {
                    let element = stack.pop().ok_or(ParseError::NotOneElement)?;
                    if stack.is_empty() {
                        return Ok(Part {
                            declaration,
                            root: element,
                        });
                    }
                    Node::Element(element)
                }
                Event::Text(text) => Node::Raw(utf8(&text)?),
                Event::GeneralRef(reference) => {
                    let name = utf8(&reference)?;
                    let known = name.starts_with('#')
                        || quick_xml::escape::resolve_predefined_entity(&name).is_some();
                    if !known {
                        return Err(ParseError::Entity(name));
                    }
                    Node::Raw(format!("&{name};"))
                }
                Event::CData(data) => Node::Raw(format!("<![CDATA[{}]]>", utf8(&data)?)),
                Event::Comment(comment) => Node::Raw(format!("<!--{}-->", utf8(&comment)?)),
                Event::DocType(_) => return Err(ParseError::Doctype),
                Event::PI(_) => continue,
                Event::Eof => return Err(ParseError::NotOneElement),
            };
            match (stack.last_mut(), node) {
                (Some(parent), node) => parent.children.push(node),
                // A self-closed root element.
                (None, Node::Element(root)) => return Ok(Part { declaration, root }),
                // Whitespace or comments around the root.
                (None, Node::Raw(_)) => continue,
            }
        }
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::new();
        if let Some(declaration) = &self.declaration {
            out.push_str(declaration);
        }
        self.root.write(&mut out);
        out.into_bytes()
    }
}

/// `raw` (text as written in XML) unescaped; as it is if it cannot be (`Part::parse`
/// refuses such text in what it reads).
pub(crate) fn unescape(raw: &str) -> String {
    quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_owned(), |text| text.into_owned())
}

fn utf8(bytes: &[u8]) -> Result<String, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            Err(quick_xml::Error::from(quick_xml::encoding::EncodingError::from(error)).into())
        }
    }
}

fn start_element(start: &quick_xml::events::BytesStart) -> Result<Element, ParseError> {
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute?;
        let value = utf8(&attribute.value)?;
        // Kept escaped, so an unknown entity would be written back as it is.
        if let Err(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) =
            quick_xml::escape::unescape(&value)
        {
            return Err(ParseError::Entity(name));
        }
        attributes.push((utf8(attribute.key.as_ref())?, value));
    }
    Ok(Element {
        name: utf8(start.name().as_ref())?,
        attributes,
        children: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(xml: &str) -> String {
        String::from_utf8(Part::parse(xml.as_bytes()).unwrap().to_bytes()).unwrap()
    }

    #[test]
    fn writes_back_what_it_read() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space="preserve">a &amp; b &lt;c&gt; &#x1F600; 日本</w:t></w:r></w:p><w:p/></w:body></w:document>"#;
        assert_eq!(round_trip(xml), xml);
    }

    #[test]
    fn normalises_empty_elements_and_keeps_escapes() {
        assert_eq!(
            round_trip(r#"<a x="1 &quot;2&quot;"><b ></b><c /><!--n--><![CDATA[x<y]]></a>"#),
            r#"<a x="1 &quot;2&quot;"><b/><c/><!--n--><![CDATA[x<y]]></a>"#
        );
    }

    #[test]
    fn refuses_what_is_not_one_element() {
        assert!(Part::parse(b"").is_err());
        assert!(Part::parse(b"<a><b></a>").is_err());
        assert!(Part::parse(b"<a>").is_err());
    }

    #[test]
    fn refuses_entity_declarations_unknown_entities_and_deep_nesting() {
        let bomb = br#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY l "lol">]><a>&l;</a>"#;
        assert!(matches!(Part::parse(bomb), Err(ParseError::Doctype)));
        assert!(matches!(
            Part::parse(b"<a>&l;</a>"),
            Err(ParseError::Entity(name)) if name == "l"
        ));
        let deep = "<a>".repeat(rapporteur_wordzip::MAX_DEPTH + 1);
        assert!(matches!(
            Part::parse(deep.as_bytes()),
            Err(ParseError::TooDeep)
        ));
        assert_eq!(
            round_trip("<a>&amp;&#x41;&#66;</a>"),
            "<a>&amp;&#x41;&#66;</a>"
        );
    }

    #[test]
    fn builds_and_edits_elements() {
        let mut element = Element::new("w:r")
            .with_attribute("w:val", "a<\"b\"")
            .with_child(Element::new("w:t").with_text("x & y"));
        assert_eq!(element.attribute("w:val"), Some("a&lt;&quot;b&quot;"));
        element.first_child_or_insert("w:rPr");
        element.set_attribute("w:val", "1");
        element.remove_attribute("w:none");
        let mut out = String::new();
        element.write(&mut out);
        assert_eq!(out, r#"<w:r w:val="1"><w:rPr/><w:t>x &amp; y</w:t></w:r>"#);
    }
}
