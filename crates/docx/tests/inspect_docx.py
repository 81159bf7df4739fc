"""What python-docx, an independent reader, sees in .docx files: prints one JSON object
keyed by file name, with the core properties, the styles (with their fonts and sizes),
every body paragraph (style, outline level, text, its list and whether that list
restarts), the tables (style, header flag of each row, cell text), the ruby (reading over
base), the bullet characters of the numbering definitions, every section's page setup
with its headers and footers, the font table, the document defaults and settings.

Usage: python inspect_docx.py FILE.docx [FILE.docx ...]
"""

import json
import sys

import docx
from docx.oxml.ns import qn


def outline_level(style):
    """The outline level a paragraph style gives, following basedOn like Word does."""
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None:
            level = ppr.find(qn("w:outlineLvl"))
            if level is not None:
                return int(level.get(qn("w:val")))
        style = style.base_style
    return None


def text_of(element, skip_ruby_text=True):
    """The text of runs below `element`, line breaks as newlines, ruby text skipped."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:br")):
        if skip_ruby_text and any(a.tag == qn("w:rt") for a in node.iterancestors()):
            continue
        parts.append("\n" if node.tag == qn("w:br") else (node.text or ""))
    return "".join(parts)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fonts_of(element):
    """The fonts and size a style's or the defaults' run properties set."""
    rpr = element.find(qn("w:rPr")) if element is not None else None
    if rpr is None:
        return {}
    found = {}
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for key in ("ascii", "eastAsia"):
            if fonts.get(qn(f"w:{key}")) is not None:
                found[key] = fonts.get(qn(f"w:{key}"))
    size = rpr.find(qn("w:sz"))
    if size is not None:
        found["size"] = int(size.get(qn("w:val")))
    return found


def numbering_of(document):
    """Each numbering instance: its abstract's level-0 text, and whether it restarts."""
    part = document.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in part.iter(qn("w:abstractNum"))}
    instances = {}
    for num in part.iter(qn("w:num")):
        abstract = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        level = abstract.find(qn("w:lvl"))
        instances[num.get(qn("w:numId"))] = {
            "text": level.find(qn("w:lvlText")).get(qn("w:val")),
            "restarts": any(
                o.find(qn("w:startOverride")) is not None for o in num.iter(qn("w:lvlOverride"))
            ),
        }
    return instances


def story(part):
    """A header's or footer's text, fields and images."""
    element = part._element
    return {
        "text": text_of(element),
        "fields": [i.text.strip() for i in element.iter(qn("w:instrText"))]
        + [f.get(qn("w:instr")).strip() for f in element.iter(qn("w:fldSimple"))],
        "images": [
            part.part.related_parts[blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")].content_type
            for blip in element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
        ],
    }


def section_of(section):
    sect = section._sectPr
    cols = sect.find(qn("w:cols"))
    grid = sect.find(qn("w:docGrid"))
    kind = sect.find(qn("w:type"))
    return {
        "width_mm": round(section.page_width.mm),
        "height_mm": round(section.page_height.mm),
        "orientation": str(section.orientation).split(".")[-1].split(" ")[0],
        "margins_mm": [round(m.mm) for m in (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)],
        "start": kind.get(qn("w:val")) if kind is not None else "nextPage",
        "columns": int(cols.get(qn("w:num"), "1")) if cols is not None else 1,
        "column_space_mm": round(int(cols.get(qn("w:space"))) / 56.7) if cols is not None and cols.get(qn("w:space")) else None,
        "grid": [grid.get(qn("w:type")), grid.get(qn("w:linePitch"))] if grid is not None else None,
        "header": story(section.header) if sect.find(qn("w:headerReference")) is not None else None,
        "footer": story(section.footer) if sect.find(qn("w:footerReference")) is not None else None,
    }


def inspect(path):
    document = docx.Document(path)
    core = document.core_properties
    styles = {}
    for style in document.styles:
        styles[style.style_id] = {
            "name": style.name,
            "fonts": fonts_of(style.element),
            "type": str(style.type).split(".")[-1].split(" ")[0],
            "outline_level": outline_level(style) if style.type == 1 else None,
        }
    default = document.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    paragraphs = [
        {
            "style": paragraph.style.name if paragraph.style is not None else None,
            "outline_level": outline_level(paragraph.style),
            "text": text_of(paragraph._p),
            "numbered": paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None,
            "list": paragraph._p.pPr.numPr.numId.val
            if paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
            else None,
        }
        for paragraph in document.paragraphs
    ]
    tables = [
        {
            "style": table.style.name if table.style is not None else None,
            "header_rows": [
                row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                for row in table.rows
            ],
            "cells": [[text_of(cell._tc) for cell in row.cells] for row in table.rows],
        }
        for table in document.tables
    ]
    body = document.element.body
    ruby = [
        {"reading": text_of(r.find(qn("w:rt")), False), "base": text_of(r.find(qn("w:rubyBase")))}
        for r in body.iter(qn("w:ruby"))
    ]
    numbering = document.part.numbering_part.element
    bullets = [
        level.find(qn("w:lvlText")).get(qn("w:val"))
        for level in numbering.iter(qn("w:lvl"))
        if level.find(qn("w:numFmt")) is not None
        and level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
    ]
    section = document.sections[0]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    kinsoku = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:kinsoku"))
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    font_table = next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")
    )
    from lxml import etree

    return {
        "sections": [section_of(s) for s in document.sections],
        "fonts": [f.get(qn("w:name")) for f in etree.fromstring(font_table.blob).iter(qn("w:font"))],
        "defaults": {
            "fonts": fonts_of(defaults.find(qn("w:rPrDefault"))),
            "lang": {k.replace(W, ""): v for k, v in lang.attrib.items()},
            "kinsoku": kinsoku.get(qn("w:val")) if kinsoku is not None else None,
        },
        "update_fields": update.get(qn("w:val")) if update is not None else None,
        "numbering": numbering_of(document),
        "core": {
            "title": core.title,
            "author": core.author,
            "last_modified_by": core.last_modified_by,
            "language": core.language,
            "created": core.created.isoformat() if core.created else None,
            "modified": core.modified.isoformat() if core.modified else None,
        },
        "default_paragraph_style": default.name if default is not None else None,
        "styles": styles,
        "paragraphs": paragraphs,
        "tables": tables,
        "ruby": ruby,
        "bullets": bullets,
        "page": {
            "width_mm": round(section.page_width.mm),
            "height_mm": round(section.page_height.mm),
            "footer": text_of(section.footer._element),
            "footer_fields": [
                instr.text.strip() for instr in section.footer._element.iter(qn("w:instrText"))
            ],
        },
    }


if __name__ == "__main__":
    json.dump({path: inspect(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
