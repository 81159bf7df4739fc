"""The journal templates the Word export is tested with, made with python-docx from its
default template: each stands for a kind of journal template a delegate may be given.

- a4-mincho.docx: A4, one column, a Mincho body and Gothic headings, the heading styles
  under the ids Japanese Word gives them ("1", "2", "3": matched by built-in name), a
  "・" bullet list, its own Author and Affiliation styles, a line grid.
- b5-two-columns.dotx: a Word template (.dotx), JIS B5, a one-column section for the
  title then two columns with a line grid, full-width Japanese font names.
- letter-english.docx: US Letter in English, a running header with a logo (an image
  part) and a "Page N" footer (a PAGE field).
- half-styles.docx: A4 lacking Title, Heading 2, Heading 3, List Bullet, Caption and
  Table Grid.

Usage: python make_templates.py OUTDIR
"""

import io
import os
import struct
import sys
import zipfile
import zlib

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# Fixed core properties: the same script writes the same templates' content.
FIXED = __import__("datetime").datetime(2026, 1, 1, 0, 0, 0)


def element(tag, **attributes):
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), str(value))
    return node


def replace_child(parent, child):
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.append(child)
    return child


def set_fonts(style, latin, east_asian):
    """The style's fonts, Latin and East Asian, as Word writes them (w:rFonts)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def page(section, width, height, top, bottom, left, right, columns=1, space=None, grid=None):
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.header_distance = section.footer_distance = Mm(12)
    sect = section._sectPr
    cols = sect.find(qn("w:cols"))
    if cols is None:
        cols = element("w:cols")
        sect.append(cols)
    cols.set(qn("w:num"), str(columns))
    if space is not None:
        cols.set(qn("w:space"), str(int(space.twips)))
    if grid is not None:
        grid_type, pitch = grid
        old = sect.find(qn("w:docGrid"))
        if old is not None:
            sect.remove(old)
        sect.append(element("w:docGrid", type=grid_type, linePitch=pitch))


def languages(document, latin, east_asian):
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    attributes = {"val": latin}
    if east_asian:
        attributes["eastAsia"] = east_asian
    replace_child(rpr, element("w:lang", **attributes))


def add_fonts(document, *fonts):
    """Entries in the font table for fonts the template names (charset 80: Shift JIS)."""
    part = next(
        rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype.endswith("/fontTable")
    )
    from lxml import etree

    root = etree.fromstring(part.blob)
    present = {font.get(qn("w:name")) for font in root.iter(qn("w:font"))}
    for name, charset, family in fonts:
        if name in present:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        font.append(element("w:charset", val=charset))
        font.append(element("w:family", val=family))
        font.append(element("w:pitch", val="variable"))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rename_style_id(document, old, new):
    """Gives a style another id and follows every reference to it, as Japanese Word
    names its built-in styles by ids of its own."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == old:
            style.set(qn("w:styleId"), new)
        for link in ("w:basedOn", "w:next", "w:link"):
            child = style.find(qn(link))
            if child is not None and child.get(qn("w:val")) == old:
                child.set(qn("w:val"), new)


def paragraph_style(document, name, size, align, east_asian, latin):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    style.paragraph_format.alignment = align
    set_fonts(style, latin, east_asian)
    return style


def bullet_character(document, character):
    """The bullet the List Bullet style's numbering draws at its first level."""
    numbering = document.part.numbering_part.element
    style = document.styles["List Bullet"].element
    num_id = style.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:numFmt")).set(qn("w:val"), "bullet")
    level.find(qn("w:lvlText")).set(qn("w:val"), character)


def fixed_core(document, title):
    # Word 2010's copy of the styles, which python-docx's default template carries and
    # does not keep in step: Word would repair the file over it.
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rid)
    core = document.core_properties
    core.title, core.author, core.created, core.modified = title, "Rapporteur tests", FIXED, FIXED
    core.last_modified_by, core.revision = "Rapporteur tests", 1


def a4_mincho(path):
    document = docx.Document()
    fixed_core(document, "A4 Mincho journal")
    page(document.sections[0], Mm(210), Mm(297), Mm(30), Mm(30), Mm(25), Mm(25), grid=("lines", 360))
    set_fonts(document.styles["Normal"], "Century", "游明朝")
    document.styles["Normal"].font.size = Pt(10.5)
    title = document.styles["Title"]
    set_fonts(title, "Arial", "游ゴシック")
    title.font.size, title.font.bold = Pt(18), True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for level, size in ((1, 14), (2, 12), (3, 11)):
        style = document.styles[f"Heading {level}"]
        set_fonts(style, "Arial", "游ゴシック")
        style.font.size = Pt(size)
        rename_style_id(document, f"Heading{level}", str(level))
    body = document.styles["Body Text"]
    body.paragraph_format.first_line_indent = Pt(10.5)
    bullet_character(document, "・")
    paragraph_style(document, "Author", 12, WD_ALIGN_PARAGRAPH.RIGHT, "游明朝", "Century")
    paragraph_style(document, "Affiliation", 9, WD_ALIGN_PARAGRAPH.RIGHT, "游明朝", "Century")
    languages(document, "en-US", "ja-JP")
    add_fonts(document, ("游明朝", "80", "roman"), ("游ゴシック", "80", "swiss"))
    document.save(path)


def b5_two_columns(path):
    document = docx.Document()
    fixed_core(document, "B5 two-column journal")
    first = document.sections[0]
    page(first, Mm(182), Mm(257), Mm(20), Mm(20), Mm(18), Mm(18), grid=("lines", 330))
    document.add_paragraph("（表題と著者の欄）")
    body = document.add_section(WD_SECTION.CONTINUOUS)
    page(body, Mm(182), Mm(257), Mm(20), Mm(20), Mm(18), Mm(18), columns=2, space=Mm(8), grid=("lines", 330))
    document.add_paragraph("（本文の欄）")
    set_fonts(document.styles["Normal"], "Times New Roman", "ＭＳ 明朝")
    document.styles["Normal"].font.size = Pt(9)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        set_fonts(document.styles[name], "Arial", "ＭＳ ゴシック")
    document.styles["Title"].font.size = Pt(16)
    languages(document, "en-US", "ja-JP")
    add_fonts(document, ("ＭＳ 明朝", "80", "roman"), ("ＭＳ ゴシック", "80", "modern"))
    buffer = io.BytesIO()
    document.save(buffer)
    as_word_template(buffer.getvalue(), path)


def as_word_template(docx_bytes, path):
    """The package as a .dotx: only the main part's content type differs."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
                )
            out.writestr(item, data)


def logo_png():
    """A 48×16 two-colour PNG, written by hand so that no imaging library is needed."""
    width, height = 48, 16
    rows = b"".join(
        b"\x00" + b"".join(b"\x1f\x4e\x79" if (x // 8 + y // 8) % 2 else b"\xd9\xe2\xf3" for x in range(width))
        for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def page_field(paragraph):
    """A PAGE field, as Word writes one: begin, instruction, separator, result, end."""
    def run(*children):
        r = paragraph.add_run()._r
        for child in children:
            r.append(child)

    run(element("w:fldChar", fldCharType="begin"))
    instruction = element("w:instrText")
    instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instruction.text = " PAGE "
    run(instruction)
    run(element("w:fldChar", fldCharType="separate"))
    paragraph.add_run("1")
    run(element("w:fldChar", fldCharType="end"))


def letter_english(path):
    document = docx.Document()
    fixed_core(document, "Letter English journal")
    section = document.sections[0]
    page(section, Mm(215.9), Mm(279.4), Mm(25.4), Mm(25.4), Mm(25.4), Mm(25.4))
    set_fonts(document.styles["Normal"], "Georgia", "MS Mincho")
    document.styles["Normal"].font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        set_fonts(document.styles[name], "Helvetica", "MS Gothic")
    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(logo_png()), width=Mm(12))
    header.add_run("  Journal of Standards Reports")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    page_field(footer)
    languages(document, "en-US", None)
    document.save(path)


def half_styles(path):
    document = docx.Document()
    fixed_core(document, "A journal template lacking half the styles")
    page(document.sections[0], Mm(210), Mm(297), Mm(25), Mm(25), Mm(30), Mm(30))
    styles = document.styles.element
    removed = {"Title", "Heading2", "Heading3", "ListBullet", "Caption", "TableGrid"}
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) in removed:
            styles.remove(style)
    for style in styles.findall(qn("w:style")):
        for link in ("w:basedOn", "w:next", "w:link"):
            child = style.find(qn(link))
            if child is not None and child.get(qn("w:val")) in removed:
                style.remove(child)
    set_fonts(document.styles["Normal"], "Book Antiqua", "HG明朝B")
    languages(document, "en-US", "ja-JP")
    document.save(path)


TEMPLATES = {
    "a4-mincho.docx": a4_mincho,
    "b5-two-columns.dotx": b5_two_columns,
    "letter-english.docx": letter_english,
    "half-styles.docx": half_styles,
}

if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, make in TEMPLATES.items():
        make(os.path.join(out, name))
